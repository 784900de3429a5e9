"""The CentreCall demo's screenings and risk assessment agree with the demo register."""

import pytest
from django.core.management import call_command

from compliance.models import DpiaScreening, RiskAssessment, ScreeningResult
from register import compliance
from register.choices import DpiaStatus
from register.models import Treatment
from register.queries import treatments_with_lines

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", password="demo-pass-Ab12-xyz", verbosity=0)


def test_the_demo_screenings_agree_with_the_fiches_dpia_status(demo):
    results = {s.treatment.reference: s.result for s in DpiaScreening.objects.select_related("treatment")}
    assert results == {
        "T-001": ScreeningResult.NOT_REQUIRED,  # the Osiris questionnaire meets no criterion
        "T-005": ScreeningResult.REQUIRED,  # operators (employees) evaluated
        "T-007": ScreeningResult.REQUIRED,  # ComPlus: channels combined, an application being tested
    }
    statuses = dict(Treatment.objects.values_list("reference", "dpia_status"))
    assert statuses["T-001"] == DpiaStatus.NOT_REQUIRED
    assert statuses["T-005"] == DpiaStatus.DONE  # the demo register records its DPIA as done
    assert statuses["T-007"] == DpiaStatus.REQUIRED


def test_only_complus_is_reported_for_its_dpia(demo):
    reported = {
        fiche.reference
        for fiche in treatments_with_lines()
        for finding in compliance.findings_for(fiche)
        if str(finding.message).startswith("Analyse d'impact :")
    }
    assert reported == {"T-007"}  # two criteria, DPIA required and not done; T-005's is done


def test_complus_risk_assessment_is_its_incident_tickets(demo):
    events = {
        event.kind: event for event in RiskAssessment.objects.get(treatment__reference="T-007").feared_events.all()
    }
    assert "incident #1" in events["modification"].threats and "incident #2" in events["modification"].threats
    assert (events["modification"].severity, events["modification"].likelihood) == (2, 4)


def test_loading_the_demo_again_changes_nothing(demo):
    before = (DpiaScreening.objects.count(), RiskAssessment.objects.count(), DpiaScreening.history.count())
    call_command("load_demo", password="demo-pass-Ab12-xyz", verbosity=0)
    assert (DpiaScreening.objects.count(), RiskAssessment.objects.count(), DpiaScreening.history.count()) == before
