"""Who may do what in the register: the one place permissions are decided.

Roles are Django groups created by a data migration (DPO, Manager, Auditor) and carry
model permissions; the checks below ask for permissions, so a superuser passes them all.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Treatment
from .scopes import ALL_STATUSES, RegisterScope

DPO_GROUP = "DPO"
MANAGER_GROUP = "Manager"
AUDITOR_GROUP = "Auditor"
ROLE_GROUPS = (DPO_GROUP, MANAGER_GROUP, AUDITOR_GROUP)


def can_view_register(user):
    return user.is_authenticated and user.has_perm("register.view_treatment")


def can_edit_register(user):
    return user.is_authenticated and user.has_perm("register.change_treatment")


def can_create_fiche(user):
    return user.is_authenticated and user.has_perm("register.add_treatment")


def can_delete_fiche(user):
    """Only a superuser deletes a fiche; everyone else archives it."""
    return user.is_authenticated and user.is_superuser


def can_export_register(user):
    return user.is_authenticated and user.has_perm("register.export_register")


def can_import_register(user):
    return can_create_fiche(user) and can_edit_register(user)


def require(allowed):
    if not allowed:
        raise PermissionDenied


def get_treatment_for_user(request, reference, *, edit=False, delete=False, queryset=None, as_of=None):
    """The fiche `reference` if the user may see it (edit it when `edit`, delete it when
    `delete`), else 403/404.

    With `as_of` (a date), the fiche as it stood at the end of that day, rebuilt from the
    history with its lines (read-only; 404 if it did not exist then).
    Views are wrapped in login_required, so an anonymous user never gets here.
    """
    if delete:
        require(can_delete_fiche(request.user))
    else:
        require(can_edit_register(request.user) if edit else can_view_register(request.user))
    if as_of is not None:
        require(not edit and not delete)
        found = RegisterScope(reference=reference, status=ALL_STATUSES, as_of=as_of).treatments()
        if not found:
            raise Http404
        return found[0]
    return get_object_or_404(queryset if queryset is not None else Treatment.objects.all(), reference=reference)
