"""Who may read the audit trail: the DPO and the auditors (and a superuser); nobody writes it."""

from django.core.exceptions import PermissionDenied


def can_view_audit(user):
    return user.is_authenticated and user.has_perm("audit.view_auditentry")


def require_audit_reader(request):
    if not can_view_audit(request.user):
        raise PermissionDenied
