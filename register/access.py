"""Who may do what in the register: the one place permissions are decided.

Roles are Django groups (DPO, Manager, Auditor) given model permissions by what each app
declares in roles.py; the checks below ask for permissions, so a superuser passes them all.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .choices import ALL_STATUSES
from .models import Treatment
from .queries import treatments_with_lines
from .scopes import RegisterScope


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


def get_treatment_for_user(request, reference, can=can_view_register):
    """The fiche `reference` if the user passes `can` (can_edit_register, can_delete_fiche…),
    else 403; 404 if there is no such fiche.

    Views are wrapped in login_required, so an anonymous user never gets here.
    """
    require(can(request.user))
    return get_object_or_404(Treatment, reference=reference)


def get_fiche_for_user(request, reference, as_of=None, can=can_view_register):
    """The fiche `reference` with every line, as its page and its exports show it, if the user
    passes `can`: live, or as it stood at the end of the day `as_of`, rebuilt from the history
    (read only; 404 if it did not exist that day, even if it exists now).
    """
    require(can(request.user))
    if as_of is None:
        return get_object_or_404(treatments_with_lines(), reference=reference)
    found = RegisterScope(reference=reference, status=ALL_STATUSES, as_of=as_of).treatments()
    if not found:
        raise Http404
    return found[0]
