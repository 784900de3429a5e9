"""The compliance score: per fiche, the mean of its completeness and of its findings mark
(100 − 30 per blocking, 10 per warning, 2 per advice, at least 0); the register's, the mean
of its fiches'. The formula is shown wherever the figure is."""

import pytest
from django.urls import reverse

from compliance.score import FORMULA, fiche_score, register_score, score_for
from register.choices import LegalBasis
from register.compliance import Finding, Severity
from register.models import Treatment
from register.queries import treatments_with_lines
from tests.conftest import make_treatment, page_text


def findings(*severities):
    return [Finding(severity, "constat") for severity in severities]


@pytest.mark.parametrize(
    ("severities", "completeness", "mark", "value"),
    [
        ((), 100, 100, 100),  # nothing wrong, nothing missing
        ((), 75, 100, 88),  # (75 + 100) / 2 = 87.5: halves rounded up
        ((Severity.BLOCKING,), 100, 70, 85),
        ((Severity.BLOCKING, Severity.WARNING, Severity.ADVICE), 88, 58, 73),
        ((Severity.WARNING,) * 3 + (Severity.ADVICE,) * 2, 100, 66, 83),
        ((Severity.BLOCKING,) * 4, 50, 0, 25),  # the mark stops at 0
    ],
)
def test_fiche_score_is_the_mean_of_completeness_and_findings_mark(severities, completeness, mark, value):
    score = fiche_score(findings(*severities), completeness)
    assert (score.findings_mark, score.value, score.completeness) == (mark, value, completeness)
    assert (score.blocking, score.warning, score.advice) == (
        severities.count(Severity.BLOCKING),
        severities.count(Severity.WARNING),
        severities.count(Severity.ADVICE),
    )


def test_register_score_is_the_mean_of_the_fiche_scores():
    scores = [fiche_score([], 100), fiche_score(findings(Severity.BLOCKING), 100), fiche_score([], 75)]
    assert [score.value for score in scores] == [100, 85, 88]
    assert register_score(scores) == 91  # 273 / 3
    assert register_score([fiche_score([], 100), fiche_score([], 75)]) == 94  # 93.5, rounded up
    assert register_score([]) is None


def test_formula_states_the_weights_the_functions_use():
    text = str(FORMULA)
    assert "30 par constat bloquant" in text and "10 par constat à corriger" in text and "2 par conseil" in text


@pytest.mark.django_db
def test_a_fiche_is_scored_from_its_registry_findings_and_completeness():
    treatment = make_treatment(legal_basis=LegalBasis.LEGITIMATE_INTERESTS, dpia_status="not_required")
    Treatment.objects.filter(pk=treatment.pk).update(legal_basis_detail="")
    score = score_for(treatments_with_lines().get(pk=treatment.pk))
    # the interest not stated: a blocking finding, and one missing item of the 8 required (88 %)
    assert (score.blocking, score.completeness, score.findings_mark, score.value) == (1, 88, 70, 79)


@pytest.mark.django_db
def test_fiche_page_shows_its_score_and_the_formula(manager_client):
    treatment = make_treatment(dpia_status="not_required", next_review_date="2020-01-01")
    text = page_text(manager_client.get(treatment.get_absolute_url()))
    assert "Score de conformité" in text
    assert "95 / 100 — complétude 100 %, note des constats 90 / 100" in " ".join(text.split())
    assert str(FORMULA) in text
    html = manager_client.get(treatment.get_absolute_url()).content.decode()
    assert f'href="{reverse("compliance:findings")}?kind=fiche&amp;q={treatment.reference}"' in html


@pytest.mark.django_db
def test_findings_page_shows_the_register_score_with_its_formula(manager_client):
    make_treatment(dpia_status="not_required", next_review_date="2020-01-01")  # 95
    make_treatment(dpia_status="not_required")  # 100
    text = " ".join(page_text(manager_client.get(reverse("compliance:findings"))).split())
    assert "Score de conformité du registre : 98 / 100 (2 fiches)" in text
    assert str(FORMULA) in text
