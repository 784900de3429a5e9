"""Findings about contracts: each rule raised when its fault is there, silent when it is not."""

from datetime import date

import pytest

from contracts.choices import SubProcessorAuthorisation
from contracts.models import Contract, ContractTransfer, SubProcessor
from register import compliance
from register.models import Country, TransferSafeguard
from tests.contracts.conftest import make_contract

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 6)


def rules_of(contract, on=TODAY):
    judged = Contract.objects.for_pages().get(pk=contract.pk)
    return [(finding.rule, finding.message) for finding in compliance.findings_for(judged, on)]


def test_a_sound_contract_raises_no_finding():
    contract = make_contract()
    ContractTransfer.objects.create(
        contract=contract,
        recipient="Atlas",
        country=Country.objects.get(code="MA"),
        safeguard=TransferSafeguard.objects.get(code="scc"),
    )
    SubProcessor.objects.create(contract=contract, name="Sauvegardes", authorisation=SubProcessorAuthorisation.GENERAL)
    assert rules_of(contract) == []


def test_an_unchecked_clause_is_a_blocking_finding_naming_the_clause():
    contract = make_contract(clause_h=False)
    assert rules_of(contract) == [
        (
            "art28_clauses_are_checked",
            "Clause non vérifiée dans le contrat : h) Informations et audits (art. 28(3)(h)).",
        )
    ]


def test_an_expired_contract_raises_a_finding_the_day_after_its_end():
    contract = make_contract(end_date=date(2026, 12, 5), next_review_date=None)
    assert rules_of(contract, date(2026, 12, 5)) == []
    assert rules_of(contract) == [
        ("contract_is_not_expired", "Contrat expiré le 05/12/2026 : le traitement n'est plus encadré.")
    ]


def test_a_sub_processor_without_authorisation_raises_a_finding():
    contract = make_contract()
    SubProcessor.objects.create(contract=contract, name="Saisie Express", authorisation=SubProcessorAuthorisation.NONE)
    assert rules_of(contract) == [
        (
            "sub_processors_are_authorised",
            "Sous-traitant ultérieur « Saisie Express » engagé sans autorisation écrite préalable du responsable.",
        )
    ]


@pytest.mark.parametrize(
    ("country", "safeguard", "raised"),
    [
        ("MA", None, True),  # outside the EU, no safeguard
        ("MA", "adequacy", True),  # Morocco has no adequacy decision: the register's rule, Country.admits
        ("MA", "scc", False),
        ("CH", "adequacy", False),  # Switzerland has one
        ("DE", None, False),  # inside the EU: not a transfer
    ],
)
def test_a_transfer_without_a_valid_safeguard_raises_a_finding(country, safeguard, raised):
    contract = make_contract()
    ContractTransfer.objects.create(
        contract=contract,
        recipient="Centre",
        country=Country.objects.get(code=country),
        safeguard=TransferSafeguard.objects.get(code=safeguard) if safeguard else None,
    )
    assert [rule for rule, _message in rules_of(contract)] == (
        ["contract_transfers_have_a_safeguard"] if raised else []
    )


def test_a_review_date_past_raises_a_warning():
    contract = make_contract(next_review_date=date(2026, 11, 30))
    assert rules_of(contract, date(2026, 11, 30)) == []
    assert rules_of(contract) == [
        ("contract_review_is_not_overdue", "Revue du contrat en retard depuis le 30/11/2026.")
    ]


def test_the_findings_page_lists_the_contracts_findings(dpo_client):
    contract = make_contract(clause_c=False)
    response = dpo_client.get("/conformite/constats/?kind=contract")
    assert response.status_code == 200
    text = response.content.decode()
    assert contract.reference in text
    assert "c) Mesures de sécurité de l&#x27;article 32 (art. 28(3)(c))" in text
