"""The case's contracts, loaded by load_demo: ComPlus's hosting provider and the clients Osiris and Verdier."""

from datetime import date

import pytest

from contracts.models import Contract
from register import compliance
from register.demo import load_demo

pytestmark = pytest.mark.django_db


def test_load_demo_brings_the_hosting_provider_and_the_two_client_contracts_once():
    load_demo()
    load_demo()  # idempotent

    contracts = {contract.organisation.name: contract for contract in Contract.objects.for_pages()}
    assert sorted(contracts) == ["Hexanet Hébergement", "Osiris", "Verdier Distribution"]
    hoster, osiris, verdier = contracts["Hexanet Hébergement"], contracts["Osiris"], contracts["Verdier Distribution"]
    assert not hoster.is_client_contract and osiris.is_client_contract and verdier.is_client_contract
    assert [fiche.reference for fiche in hoster.treatments.all()] == ["T-001", "T-006", "T-007"]
    assert hoster.organisation.dpo.name == "Julien Marchand"
    on = date(2026, 12, 6)
    assert [(f.rule, f.article) for f in compliance.findings_for(hoster, on)] == [
        ("art28_clauses_are_checked", "art. 28(3)(h)")
    ]
    assert compliance.findings_for(osiris, on) == [] and compliance.findings_for(verdier, on) == []
    assert [str(transfer) for transfer in osiris.transfers.all()] == ["Atlas Saisie (Maroc)"]
    assert list(Contract.objects.expiring(on, 60)) == [verdier]
