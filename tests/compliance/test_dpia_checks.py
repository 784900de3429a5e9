"""The DPIA rules of the compliance registry: two criteria or more, or a type on the CNIL
list, and no DPIA done."""

from datetime import timedelta

import pytest
from django.utils import timezone

from compliance.dpia_lists import CnilDpiaType, Criterion
from compliance.models import DpiaScreening
from register import compliance
from register.choices import DpiaStatus
from register.compliance import Severity
from register.models import Treatment
from register.queries import treatments_with_lines

from .factories import screen

pytestmark = pytest.mark.django_db


def dpia_findings(treatment, on=None):
    fiche = treatments_with_lines().get(pk=treatment.pk)
    return [finding for finding in compliance.findings_for(fiche, on) if "Analyse d'impact :" in str(finding.message)]


def test_two_criteria_and_no_dpia_done_is_blocking(treatment):
    screen(treatment, Criterion.EVALUATION, Criterion.VULNERABLE_SUBJECTS)
    (finding,) = dpia_findings(treatment)
    assert finding.severity == Severity.BLOCKING
    assert "2 critères du CEPD sont remplis" in finding.message
    assert "art. 35(1) et 35(3)" in finding.article and "WP248" in finding.article
    assert finding.url == f"/conformite/fiches/{treatment.reference}/aipd/"


def test_two_criteria_with_a_dpia_in_progress_is_a_warning(treatment):
    Treatment.objects.filter(pk=treatment.pk).update(dpia_status=DpiaStatus.IN_PROGRESS)
    screen(treatment, Criterion.EVALUATION, Criterion.VULNERABLE_SUBJECTS)
    (finding,) = dpia_findings(treatment)
    assert finding.severity == Severity.WARNING


def test_two_criteria_and_the_dpia_done_raise_nothing(treatment):
    Treatment.objects.filter(pk=treatment.pk).update(dpia_status=DpiaStatus.DONE)
    screen(treatment, Criterion.EVALUATION, Criterion.VULNERABLE_SUBJECTS)
    assert dpia_findings(treatment) == []


def test_one_criterion_raises_nothing(treatment):
    screen(treatment, Criterion.LARGE_SCALE, justification="Quelques centaines de personnes.")
    assert dpia_findings(treatment) == []


def test_no_screening_raises_nothing(treatment):
    assert dpia_findings(treatment) == []


def test_a_cnil_list_type_and_no_dpia_is_blocking(treatment):
    screen(treatment, cnil_types=[CnilDpiaType.LARGE_SCALE_LOCATION])
    (finding,) = dpia_findings(treatment)
    assert finding.severity == Severity.BLOCKING
    assert "liste CNIL" in finding.message and "localisation à large échelle" in finding.message
    assert "art. 35(4)" in finding.article


def test_a_cnil_list_type_and_the_dpia_done_raise_nothing(treatment):
    Treatment.objects.filter(pk=treatment.pk).update(dpia_status=DpiaStatus.DONE)
    screen(treatment, cnil_types=[CnilDpiaType.LARGE_SCALE_LOCATION])
    assert dpia_findings(treatment) == []


def test_a_fiche_set_back_by_hand_to_not_required_is_still_reported(treatment):
    screen(treatment, Criterion.EVALUATION, Criterion.MATCHING)
    Treatment.objects.filter(pk=treatment.pk).update(dpia_status=DpiaStatus.NOT_REQUIRED)
    assert len(dpia_findings(treatment)) == 1


def test_the_rule_reads_the_screening_in_force_on_the_day_judged(treatment):
    screening = screen(treatment, Criterion.EVALUATION, Criterion.MATCHING)
    DpiaScreening.objects.filter(pk=screening.pk).update(recorded_at=timezone.now() - timedelta(days=10))
    assert dpia_findings(treatment, timezone.localdate() - timedelta(days=20)) == []
    assert len(dpia_findings(treatment, timezone.localdate())) == 1


def test_the_rule_works_without_the_prefetch_too(treatment):
    screen(treatment, Criterion.EVALUATION, Criterion.MATCHING)
    fiche = Treatment.objects.get(pk=treatment.pk)
    assert any("Analyse d'impact :" in str(finding.message) for finding in compliance.findings_for(fiche))
