"""A fiche's contracts on its page and in its PDF (register.fiche_panels): the contracts with its
processors, with its client (a processor fiche) and those that name it, each with its status."""

from django.utils import timezone

from .access import can_view_contracts
from .models import Contract


def _rows(contracts, on):
    return [(contract, contract.status_on(on), contract.is_sound_on(on)) for contract in contracts]


def _contracts_of(fiche, contracts):
    processors = {processor.pk for processor in fiche.processors.all()}
    return [
        contract
        for contract in contracts
        if (
            contract.is_client_contract and fiche.is_processor_fiche and contract.organisation_id == fiche.controller_id
        )
        or (not contract.is_client_contract and contract.organisation_id in processors)
        or any(covered.pk == fiche.pk for covered in contract.treatments.all())
    ]


def _without_contract(fiche, contracts):
    """The fiche's processors that no contract of CentreCall covers (art. 28(3): a contract is required)."""
    covered = {contract.organisation_id for contract in contracts if not contract.is_client_contract}
    return [processor for processor in fiche.processors.all() if processor.pk not in covered]


def contracts_panel(treatment, *, user, as_of=None):
    """Live contracts only: a fiche as of a past day shows none (their history is not rebuilt here)."""
    if not can_view_contracts(user) or as_of is not None:
        return None
    today = timezone.localdate()
    contracts = _contracts_of(treatment, list(Contract.objects.for_pages().of_fiches([treatment])))
    return {"rows": _rows(contracts, today), "without_contract": _without_contract(treatment, contracts)}


def contracts_pdf_sections(treatments, *, as_of=None):
    """{fiche pk: its contracts} for every fiche of the PDF, in a fixed number of queries."""
    if as_of is not None or not treatments:
        return {}
    today = timezone.localdate()
    contracts = list(Contract.objects.for_pages().of_fiches(treatments))
    sections = {}
    for fiche in treatments:
        mine = _contracts_of(fiche, contracts)
        sections[fiche.pk] = {"rows": _rows(mine, today), "without_contract": _without_contract(fiche, mine)}
    return sections
