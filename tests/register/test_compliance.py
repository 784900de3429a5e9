from datetime import date

import pytest

from register import compliance
from register.models import (
    Country,
    DataCategory,
    DataCategoryLine,
    DataSubjectCategory,
    DataSubjectLine,
    Transfer,
    TransferSafeguard,
)
from register.queries import treatments_with_lines
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db


def _messages(treatment):
    fresh = treatments_with_lines().get(pk=treatment.pk)
    return [finding.message for finding in compliance.findings_for(fresh)]


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


def test_call_recordings_kept_a_year_break_the_six_month_rule():
    treatment = make_treatment()
    _line(
        treatment,
        "personal_life",
        description="Enregistrement vocal",
        retention_value=1,
        retention_unit="years",
        retention_start="end_of_call",
    )
    assert _messages(treatment) == [
        "Enregistrements d'appels conservés 1 an à compter de l'enregistrement de l'appel : "
        "la CNIL recommande 6 mois au plus."
    ]


def test_call_recordings_kept_six_months_pass():
    treatment = make_treatment()
    _line(
        treatment, "personal_life", description="Enregistrement vocal", retention_value=6, retention_start="end_of_call"
    )
    assert _messages(treatment) == []


def test_sensitive_line_without_exception_is_reported():
    treatment = make_treatment()
    _line(treatment, "health")  # bypasses full_clean, as a bulk import or old data could
    assert _messages(treatment) == ["Donnée sensible « Données de santé » sans exception de l'article 9(2)."]


def test_legitimate_interest_must_be_stated():
    treatment = make_treatment(legal_basis="legitimate_interests")
    assert _messages(treatment) == ["L'intérêt légitime poursuivi n'est pas précisé."]


def test_prospect_data_over_three_years_is_flagged():
    treatment = make_treatment()  # its data subjects are prospects
    _line(treatment, retention_value=5, retention_unit="years")
    assert len(_messages(treatment)) == 1 and "3 ans" in _messages(treatment)[0]


def test_adequacy_claimed_for_a_country_without_one_is_reported():
    treatment = make_treatment()
    Transfer.objects.create(
        treatment=treatment,
        recipient="Centre de saisie",
        country=Country.objects.get(code="MA"),
        safeguard=TransferSafeguard.objects.get(code="adequacy"),
    )
    assert _messages(treatment) == ["Transfert vers Maroc fondé sur une décision d'adéquation qui n'existe pas."]


def test_overdue_review_of_a_fiche_in_force_is_a_warning():
    treatment = make_treatment(status="in_force", next_review_date=date(2020, 1, 31))
    assert _messages(treatment) == ["Revue en retard depuis le 31/01/2020."]


def test_other_apps_add_checks_through_the_registry():
    def no_employee_data(treatment):
        if any(line.category.code == "employees" for line in treatment.data_subject_lines.all()):
            yield compliance.Finding(compliance.WARNING, "Salariés concernés")

    compliance.register_check(no_employee_data)
    try:
        treatment = make_treatment()
        DataSubjectLine.objects.create(treatment=treatment, category=DataSubjectCategory.objects.get(code="employees"))
        assert _messages(treatment) == ["Salariés concernés"]
    finally:
        compliance._CHECKS.remove(no_employee_data)


def test_the_fiche_page_shows_its_findings(manager_client):
    treatment = make_treatment(legal_basis="legitimate_interests")
    content = manager_client.get(treatment.get_absolute_url()).content.decode()
    assert "Points de conformité" in content
    assert "Non conforme" in content and "L&#x27;intérêt légitime poursuivi n&#x27;est pas précisé." in content
