"""The compliance registry other apps plug their checks into (register/compliance.py)."""

from datetime import date

import pytest

from register import compliance
from register.compliance import Finding, Severity
from register.models import DataSubjectCategory, DataSubjectLine, Treatment
from register.queries import treatments_with_lines
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db


def _fresh(treatment):
    return treatments_with_lines().get(pk=treatment.pk)


def test_severities_are_labelled_in_french():
    assert [str(severity.label) for severity in Severity] == ["Bloquant", "À corriger", "Conseil"]


def test_other_apps_add_and_remove_checks_through_the_registry():
    def employees_concerned(treatment, on):
        if any(line.category.code == "employees" for line in treatment.data_subject_lines.all()):
            yield Finding(Severity.WARNING, "Salariés concernés", "art. 88")

    treatment = make_treatment()
    DataSubjectLine.objects.create(treatment=treatment, category=DataSubjectCategory.objects.get(code="employees"))
    with compliance.registered(employees_concerned, subject=Treatment, label="Salariés concernés"):
        [finding] = compliance.findings_for(_fresh(treatment))
        assert finding.message == "Salariés concernés" and finding.subject.pk == treatment.pk
    assert compliance.findings_for(_fresh(treatment)) == []


def test_checks_are_about_any_kind_of_subject():
    class Breach:
        def __str__(self):
            return "Violation V-01"

    def notified_late(breach, on):
        yield Finding(Severity.BLOCKING, "Notification à la CNIL hors délai de 72 heures.", "art. 33(1)")

    with compliance.registered(notified_late, subject=Breach, label="Notification tardive"):
        [finding] = compliance.findings_for(Breach())
        assert str(finding) == "Violation V-01 : Notification à la CNIL hors délai de 72 heures."
        assert compliance.findings_for(_fresh(make_treatment())) == []  # not about fiches


def test_checks_receive_the_day_they_judge_at():
    days = []

    def remember_the_day(treatment, on):
        days.append(on)
        return []

    with compliance.registered(remember_the_day, subject=Treatment, label="Jour retenu"):
        compliance.findings_for(_fresh(make_treatment()), date(2024, 3, 1))
    assert days == [date(2024, 3, 1)]


def test_completeness_is_built_from_requirement_checks_of_the_registry():
    treatment = make_treatment(dpia_status="not_required")
    assert compliance.completeness_for(_fresh(treatment)).percent == 100

    def software_is_named(treatment, on):
        if not treatment.software:
            yield Finding(Severity.ADVICE, "« Logiciel » n'est pas renseigné.")

    with compliance.registered(software_is_named, subject=Treatment, requirement="logiciel utilisé"):
        report = compliance.completeness_for(_fresh(treatment))
        assert report.missing_items == ["logiciel utilisé"]
        assert report.percent == round(100 * 8 / 9)
        assert compliance.findings_for(_fresh(treatment)) == []  # missing content is not a finding too
    assert compliance.completeness_for(_fresh(treatment)).percent == 100
