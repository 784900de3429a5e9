"""Retention rules: every data line states a structured retention, within the CNIL's
reference periods matched on the line's nature, category and the fiche's people
(register/checks/retention.py, register/retention_references.py)."""

import pytest
from django.core.exceptions import ValidationError

from register.compliance import Severity
from register.models import DataSubjectCategory
from register.retention_references import REFERENCES
from tests.conftest import make_treatment
from tests.register.findings import add_line, findings, messages

pytestmark = pytest.mark.django_db


def _fiche_about(code, **fields):
    """A complete fiche whose only data subjects are of category `code`."""
    treatment = make_treatment(**fields)
    treatment.data_subject_lines.update(category=DataSubjectCategory.objects.get(code=code))
    return treatment


def test_a_line_without_any_retention_is_a_warning_naming_the_line():
    treatment = make_treatment()
    add_line(treatment, description="Téléphone", retention_value=None)
    [finding] = findings(treatment)
    assert finding.severity == Severity.WARNING
    assert finding.message == "Ligne « Téléphone » : aucune durée de conservation n'est indiquée."
    assert finding.article == "art. 5(1)(e), art. 30(1)(f)"
    assert finding.url == f"/registre/{treatment.reference}/modifier/#id_data_lines-1-retention_value"


def test_a_line_kept_until_the_end_of_the_contract_has_a_retention():
    treatment = make_treatment()
    add_line(treatment, retention_value=None, retention_start="end_of_contract")
    assert messages(treatment) == []


def test_a_retention_left_as_free_text_cannot_be_checked():
    treatment = make_treatment()
    add_line(
        treatment,
        description="Adresse",
        retention_value=None,
        retention_start="other",
        retention_start_other="la fin de la campagne",
    )
    [finding] = findings(treatment)
    assert finding.severity == Severity.ADVICE
    assert finding.message == (
        "Ligne « Adresse » : la conservation « Jusqu'à la fin de la campagne » n'est pas une durée ; elle ne peut "
        "pas être comparée aux durées de référence de la CNIL."
    )


def test_another_event_left_unnamed_states_no_retention_at_any_door():
    """One rule (DataCategoryLine.states_retention): the form refuses the line, the check
    warns, and the art. 13 notice names the retention as missing."""
    from compliance.notices.information import retention_item

    treatment = make_treatment()
    treatment.data_lines.all().delete()
    line = add_line(treatment, description="Adresse", retention_value=None, retention_start="other")
    assert not line.states_retention
    with pytest.raises(ValidationError) as refused:
        line.full_clean()
    assert "retention_start_other" in refused.value.message_dict
    assert messages(treatment) == ["Ligne « Adresse » : aucune durée de conservation n'est indiquée."]
    item = retention_item(treatment)
    assert [gap.message for gap in item.gaps] == ["Ligne « Adresse » : la durée de conservation n'est pas renseignée."]


def test_another_event_with_a_duration_is_structured():
    treatment = _fiche_about("customers")
    add_line(treatment, retention_value=2, retention_start="other", retention_start_other="la fin de la campagne")
    assert messages(treatment) == []


@pytest.mark.parametrize(
    ("fields", "subjects", "severity", "expected"),
    [
        (
            {"nature": "recording_analysis", "retention_value": 2, "retention_unit": "years"},
            "employees",
            Severity.WARNING,
            "documents d'analyse des enregistrements conservés 2 ans à compter de la collecte ; "
            "la CNIL recommande 1 an au plus.",
        ),
        (
            {"nature": "video", "retention_value": 2, "retention_unit": "months"},
            "employees",
            Severity.BLOCKING,
            "images de vidéosurveillance conservées 2 mois à compter de la collecte ; "
            "la CNIL recommande 1 mois au plus.",
        ),
        (
            {"code": "connection", "retention_value": 2, "retention_unit": "years"},
            "employees",
            Severity.WARNING,
            "journaux de connexion conservés 2 ans à compter de la collecte ; la CNIL recommande 1 an au plus.",
        ),
        (
            {"retention_value": 3, "retention_unit": "years"},
            "candidates",
            Severity.WARNING,
            "données de candidats non retenus conservées 3 ans à compter de la collecte ; "
            "la CNIL recommande 2 ans au plus.",
        ),
        (
            {"nature": "payroll", "retention_value": 6, "retention_unit": "years"},
            "employees",
            Severity.WARNING,
            "données de paie conservées 6 ans à compter de la collecte ; la CNIL recommande 5 ans au plus.",
        ),
        (
            {"nature": "accounting", "retention_value": 11, "retention_unit": "years"},
            "customers",
            Severity.WARNING,
            "pièces comptables conservées 11 ans à compter de la collecte ; la CNIL recommande 10 ans au plus.",
        ),
        (
            {"retention_value": 4, "retention_unit": "years", "retention_start": "last_contact"},
            "prospects",
            Severity.WARNING,
            "données de prospects conservées 4 ans à compter du dernier contact ; la CNIL recommande 3 ans au plus.",
        ),
    ],
)
def test_a_retention_above_its_cnil_reference_names_the_line_and_the_limit(fields, subjects, severity, expected):
    treatment = _fiche_about(subjects)
    add_line(treatment, fields.pop("code", "professional_life"), description="Ligne jugée", **fields)
    [finding] = findings(treatment)
    assert finding.severity == severity
    assert finding.message == f"Ligne « Ligne jugée » : {expected}"
    assert finding.article.startswith("CNIL") or finding.article.startswith("code de commerce")
    assert finding.url.endswith("#id_data_lines-1-retention_value")


@pytest.mark.parametrize(
    ("fields", "subjects"),
    [
        ({"nature": "recording_analysis", "retention_value": 1, "retention_unit": "years"}, "employees"),
        ({"nature": "video", "retention_value": 30, "retention_unit": "days"}, "employees"),
        ({"code": "connection", "retention_value": 12, "retention_unit": "months"}, "employees"),
        ({"retention_value": 2, "retention_unit": "years"}, "candidates"),
        ({"nature": "payroll", "retention_value": 5, "retention_unit": "years"}, "employees"),
        ({"retention_value": 3, "retention_unit": "years", "retention_start": "last_contact"}, "prospects"),
        ({"retention_value": 5, "retention_unit": "years"}, "employees"),  # no reference for this line
    ],
)
def test_a_retention_within_its_cnil_reference_passes(fields, subjects):
    treatment = _fiche_about(subjects)
    add_line(treatment, fields.pop("code", "professional_life"), **fields)
    assert messages(treatment) == []


def test_prospect_data_counted_from_another_event_than_the_last_contact_is_pointed_out():
    treatment = _fiche_about("prospects")
    add_line(
        treatment,
        description="Historique",
        retention_value=3,
        retention_unit="years",
        retention_start="end_of_contract",
    )
    [finding] = findings(treatment)
    assert finding.severity == Severity.ADVICE
    assert finding.message == (
        "Ligne « Historique » : données de prospects conservées 3 ans à compter de la fin du contrat ; la durée de "
        "référence de la CNIL (3 ans) ne compte pas à partir de cet événement."
    )


def test_a_call_recording_on_a_prospect_fiche_is_judged_as_a_recording_only():
    treatment = _fiche_about("prospects", recording_information=True, recording_objection=True)
    add_line(
        treatment,
        "personal_life",
        description="Enregistrement vocal",
        retention_value=2,
        retention_unit="years",
        retention_start="end_of_call",
        is_call_recording=True,
    )
    [finding] = findings(treatment)
    assert finding.severity == Severity.BLOCKING
    assert "enregistrements d'appels conservés 2 ans" in finding.message and "6 mois" in finding.message


def test_the_reference_table_holds_every_cnil_period_of_the_reference_once():
    assert [reference.code for reference in REFERENCES] == [
        "call_recordings",
        "recording_analysis",
        "video",
        "payroll",
        "accounting",
        "connection_logs",
        "applicants",
        "prospects",
    ]
    limits = {reference.code: reference.limit_text for reference in REFERENCES}
    assert limits["call_recordings"] == "6 mois" and limits["video"] == "1 mois" and limits["prospects"] == "3 ans"
