"""Contracts for the tests, and a private media folder of their own."""

import itertools
from datetime import date

import pytest

from contracts.choices import Art28Clause, ContractDirection
from contracts.models import Contract
from register.choices import OrganisationKind
from tests.conftest import make_organisation

_titles = itertools.count(1)
ALL_CLAUSES = {clause.field_name: True for clause in Art28Clause}


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def make_contract(*, organisation=None, treatments=(), **fields):
    """A sound contract with a processor of CentreCall: every clause checked, running until 2099."""
    fields.setdefault("direction", ContractDirection.PROCESSOR)
    fields.setdefault("title", f"Prestation {next(_titles)}")
    fields.setdefault("start_date", date(2024, 1, 1))
    fields.setdefault("end_date", date(2099, 12, 31))
    fields.setdefault("next_review_date", date(2099, 1, 1))
    for name, checked in ALL_CLAUSES.items():
        fields.setdefault(name, checked)
    organisation = organisation or make_organisation(kind=OrganisationKind.PROCESSOR)
    contract = Contract.objects.create(organisation=organisation, **fields)
    contract.treatments.set(treatments)
    return contract
