"""The register's own compliance checks on a fiche (register/checks/)."""

from datetime import date

import pytest

from register import compliance
from register.compliance import Severity
from register.models import (
    Country,
    DataCategory,
    DataCategoryLine,
    Transfer,
    TransferSafeguard,
)
from register.queries import treatments_with_lines
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db


def _findings(treatment, on=None):
    return compliance.findings_for(treatments_with_lines().get(pk=treatment.pk), on)


def _messages(treatment, on=None):
    return [finding.message for finding in _findings(treatment, on)]


def _line(treatment, code="identity", **fields):
    fields.setdefault("retention_value", 6)
    return DataCategoryLine.objects.create(
        treatment=treatment,
        category=DataCategory.objects.get(code=code),
        description=fields.pop("description", "x"),
        **fields,
    )


def test_a_complete_fiche_has_no_finding():
    assert _messages(make_treatment()) == []


def test_call_recordings_kept_a_year_break_the_six_month_rule_naming_the_line():
    treatment = make_treatment(recording_information=True, recording_objection=True)
    _line(
        treatment,
        "personal_life",
        description="Enregistrement vocal",
        retention_value=1,
        retention_unit="years",
        retention_start="end_of_call",
        is_call_recording=True,
    )
    [finding] = _findings(treatment)
    assert finding.severity == Severity.BLOCKING
    assert finding.message == (
        "Ligne « Enregistrement vocal » : enregistrements d'appels conservés 1 an à compter de "
        "l'enregistrement de l'appel ; la CNIL recommande 6 mois au plus."
    )
    assert finding.url == f"/registre/{treatment.reference}/modifier/#id_data_lines-1-retention_value"


def test_call_recordings_kept_six_months_pass():
    treatment = make_treatment(recording_information=True, recording_objection=True)
    _line(
        treatment,
        "personal_life",
        description="Enregistrement vocal",
        retention_value=6,
        retention_start="end_of_call",
        is_call_recording=True,
    )
    assert _messages(treatment) == []


def test_sensitive_line_without_exception_is_blocking():
    treatment = make_treatment()
    _line(treatment, "health")  # bypasses full_clean, as old data could
    [finding] = _findings(treatment)
    assert finding.message == "Donnée sensible « Données de santé » sans exception de l'article 9(2)."
    assert finding.severity == Severity.BLOCKING and finding.url.endswith("#id_data_lines-1-art9_exception")


def test_legitimate_interest_must_be_stated():
    treatment = make_treatment(legal_basis="legitimate_interests")
    [finding] = _findings(treatment)
    assert finding.message == "L'intérêt légitime poursuivi n'est pas précisé."
    assert finding.severity == Severity.BLOCKING
    assert finding.url == f"/registre/{treatment.reference}/modifier/#id_legal_basis_detail"
    assert "Justification de la base légale" in finding.fix


def test_prospect_data_over_three_years_is_a_warning_naming_the_line():
    treatment = make_treatment()  # its data subjects are prospects
    _line(treatment, description="Historique des échanges", retention_value=5, retention_unit="years")
    [finding] = _findings(treatment)
    assert finding.severity == Severity.WARNING
    assert finding.message.startswith("Ligne « Historique des échanges » : données de prospects conservées 5 ans")


def test_adequacy_claimed_for_a_country_without_one_is_blocking():
    treatment = make_treatment()
    Transfer.objects.create(
        treatment=treatment,
        recipient="Centre de saisie",
        country=Country.objects.get(code="MA"),
        safeguard=TransferSafeguard.objects.get(code=TransferSafeguard.ADEQUACY),
    )
    [finding] = _findings(treatment)
    assert finding.message == "Transfert vers Maroc fondé sur une décision d'adéquation qui n'existe pas."
    assert finding.severity == Severity.BLOCKING and finding.url.endswith("#id_transfers-0-safeguard")


def test_overdue_review_of_a_fiche_in_force_is_a_warning():
    treatment = make_treatment(status="in_force", next_review_date=date(2020, 1, 31))
    [finding] = _findings(treatment)
    assert finding.message == "Revue en retard depuis le 31/01/2020." and finding.severity == Severity.WARNING


def test_review_is_judged_at_the_day_asked():
    treatment = make_treatment(status="in_force", next_review_date=date(2020, 1, 31))
    assert _messages(treatment, on=date(2020, 1, 31)) == []
    assert _messages(treatment, on=date(2020, 2, 1)) == ["Revue en retard depuis le 31/01/2020."]


def test_archived_fiche_is_never_overdue():
    assert _messages(make_treatment(status="archived", next_review_date=date(2020, 1, 31))) == []


def test_blocking_findings_come_first():
    treatment = make_treatment(status="in_force", next_review_date=date(2020, 1, 31))
    _line(treatment, "health")
    assert [finding.severity for finding in _findings(treatment)] == [Severity.BLOCKING, Severity.WARNING]


def test_each_finding_names_its_fiche():
    treatment = make_treatment(legal_basis="legitimate_interests", name="Prospection")
    [finding] = _findings(treatment)
    assert str(finding) == f"{treatment.reference} — Prospection : L'intérêt légitime poursuivi n'est pas précisé."


def test_the_fiche_page_shows_its_findings_with_their_severity(dpo_client):
    treatment = make_treatment(legal_basis="legitimate_interests")
    content = dpo_client.get(treatment.get_absolute_url()).content.decode()
    assert "Points de conformité" in content
    assert "Bloquant" in content and "L&#x27;intérêt légitime poursuivi n&#x27;est pas précisé." in content
    assert f'href="/registre/{treatment.reference}/modifier/#id_legal_basis_detail"' in content


def test_readers_see_findings_without_edit_links(manager_client):
    treatment = make_treatment(legal_basis="legitimate_interests")
    content = manager_client.get(treatment.get_absolute_url()).content.decode()
    assert "Bloquant" in content and "/modifier/#" not in content
