"""Who may do what with contracts: the one place the contract pages decide it.

Reading the contracts takes the view permission (DPO, managers, auditors), creating and
editing them and their document the add/change permissions (the DPO), exporting the
contracts' register its own permission (the three roles). The signed document is served
only through the document view, after the same check as the contract's page.
"""

from django.shortcuts import get_object_or_404

from register.access import require

from .models import Contract


def can_view_contracts(user):
    return user.is_authenticated and user.has_perm("contracts.view_contract")


def can_create_contract(user):
    return user.is_authenticated and user.has_perm("contracts.add_contract")


def can_edit_contracts(user):
    return user.is_authenticated and user.has_perm("contracts.change_contract")


def can_export_contracts(user):
    return user.is_authenticated and user.has_perm("contracts.export_contract")


def get_contract_for_user(request, number, can=can_view_contracts, queryset=None):
    """The contract `number` if the user passes `can`, else 403; 404 if there is no such contract."""
    require(can(request.user))
    return get_object_or_404(queryset if queryset is not None else Contract.objects.all(), number=number)
