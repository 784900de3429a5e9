"""DPIA screening of a fiche: the result for 0, 1, 2 criteria and a CNIL-list type, the
fiche's DPIA status it sets through its version, and the history kept."""

import pytest
from django.urls import reverse

from compliance.dpia_lists import CnilDpiaType, Criterion
from compliance.models import DpiaScreening, ScreeningResult
from register.choices import DpiaStatus
from register.models import Treatment
from tests.conftest import page_text

from .factories import screen, screening_post

pytestmark = pytest.mark.django_db


def test_no_criterion_means_no_dpia_required(treatment):
    screening = screen(treatment)
    assert screening.result == ScreeningResult.NOT_REQUIRED
    assert "Aucun critère du CEPD (WP248) n'est rempli" in screening.reasoning
    treatment.refresh_from_db()
    assert treatment.dpia_status == DpiaStatus.NOT_REQUIRED


def test_one_criterion_is_not_required_but_to_justify(treatment):
    screening = screen(treatment, Criterion.LARGE_SCALE, justification="Quelques centaines de personnes par étude.")
    assert screening.result == ScreeningResult.TO_JUSTIFY
    assert screening.get_result_display() == "AIPD non requise a priori, à justifier"
    assert "Un seul critère" in screening.reasoning
    treatment.refresh_from_db()
    assert treatment.dpia_status == DpiaStatus.NOT_REQUIRED


def test_two_criteria_require_a_dpia(treatment):
    screening = screen(treatment, Criterion.EVALUATION, Criterion.VULNERABLE_SUBJECTS)
    assert screening.result == ScreeningResult.REQUIRED
    assert "2 critères du CEPD (WP248) sont remplis" in screening.reasoning
    assert [criterion for criterion, _note in screening.ticked_criteria] == [
        Criterion.EVALUATION,
        Criterion.VULNERABLE_SUBJECTS,
    ]
    treatment.refresh_from_db()
    assert treatment.dpia_status == DpiaStatus.REQUIRED


def test_a_cnil_list_type_requires_a_dpia_without_any_criterion(treatment):
    screening = screen(treatment, cnil_types=[CnilDpiaType.EMPLOYEE_MONITORING])
    assert screening.result == ScreeningResult.REQUIRED
    assert "liste CNIL" in screening.reasoning
    assert "surveiller de manière constante l'activité des employés" in screening.reasoning


@pytest.mark.parametrize("started", [DpiaStatus.IN_PROGRESS, DpiaStatus.DONE])
def test_a_dpia_under_way_or_done_is_not_set_back_to_required(treatment, started):
    Treatment.objects.filter(pk=treatment.pk).update(dpia_status=started)
    screen(treatment, Criterion.EVALUATION, Criterion.MATCHING)
    treatment.refresh_from_db()
    assert treatment.dpia_status == started


def test_recording_a_screening_raises_the_fiche_version_once_and_records_its_history(treatment):
    version = Treatment.objects.get(pk=treatment.pk).version
    history = treatment.history.count()
    screen(treatment, Criterion.EVALUATION, Criterion.MATCHING)
    fiche = Treatment.objects.get(pk=treatment.pk)
    assert fiche.version == version + 1
    assert treatment.history.count() == history + 1
    assert treatment.history.latest().dpia_status == DpiaStatus.REQUIRED


def test_a_screening_that_changes_nothing_leaves_the_fiche_alone(treatment):
    screen(treatment)
    version = Treatment.objects.get(pk=treatment.pk).version
    screen(treatment)
    assert Treatment.objects.get(pk=treatment.pk).version == version


def test_screenings_are_kept_with_their_history(treatment):
    first = screen(treatment)
    screen(treatment, Criterion.EVALUATION, Criterion.MATCHING)
    assert DpiaScreening.objects.filter(treatment=treatment).count() == 2
    assert first.history.count() == 1
    assert DpiaScreening.objects.filter(treatment=treatment).first().result == ScreeningResult.REQUIRED


# --- the DPO's form ------------------------------------------------------------------------


def test_dpo_records_a_screening_from_the_form(dpo_client, dpo_user, treatment):
    url = reverse("compliance:screening_new", args=[treatment.reference])
    data = screening_post(
        Criterion.SENSITIVE_DATA, Criterion.LARGE_SCALE, notes={Criterion.SENSITIVE_DATA: "Données de santé"}
    )
    response = dpo_client.post(url, data)
    assert response.status_code == 302
    screening = DpiaScreening.objects.get(treatment=treatment)
    assert screening.recorded_by == dpo_user
    assert screening.sensitive_data_note == "Données de santé"
    treatment.refresh_from_db()
    assert treatment.dpia_status == DpiaStatus.REQUIRED
    page = page_text(dpo_client.get(response["Location"]))
    assert "AIPD requise" in page and "Données de santé" in page


def test_the_form_lists_the_nine_criteria_and_the_cnil_list(dpo_client, treatment):
    page = page_text(dpo_client.get(reverse("compliance:screening_new", args=[treatment.reference])))
    for criterion in Criterion:
        assert str(criterion.label) in page
    for kind in CnilDpiaType:
        assert str(kind.label) in page
    assert len(Criterion) == 9 and len(CnilDpiaType) == 14


def test_one_criterion_without_justification_is_refused_with_nothing_written(dpo_client, treatment):
    version = Treatment.objects.get(pk=treatment.pk).version
    response = dpo_client.post(
        reverse("compliance:screening_new", args=[treatment.reference]), screening_post(Criterion.LARGE_SCALE)
    )
    assert response.status_code == 400
    assert "justifiez pourquoi aucune AIPD n'est menée" in page_text(response)
    assert not DpiaScreening.objects.exists()
    assert Treatment.objects.get(pk=treatment.pk).version == version


def test_a_forged_cnil_type_is_refused_with_nothing_written(dpo_client, treatment):
    response = dpo_client.post(
        reverse("compliance:screening_new", args=[treatment.reference]),
        screening_post(Criterion.EVALUATION, cnil_types=["invented_type"]),
    )
    assert response.status_code == 400
    assert not DpiaScreening.objects.exists()
    treatment.refresh_from_db()
    assert treatment.dpia_status == DpiaStatus.NOT_ASSESSED


def test_screening_page_shows_the_latest_and_the_earlier_ones(manager_client, treatment):
    screen(treatment)
    screen(treatment, Criterion.EVALUATION, Criterion.MATCHING)
    page = page_text(manager_client.get(reverse("compliance:screening", args=[treatment.reference])))
    assert "Dernier criblage" in page and "Criblages précédents" in page
    assert page.index("AIPD requise") < page.index("AIPD non requise")
    assert "Enregistrer un criblage" not in page  # a manager reads


@pytest.mark.parametrize("count", [1, 8])
def test_the_screening_page_runs_the_same_queries_for_1_or_8_screenings(
    manager_client, treatment, django_assert_num_queries, count
):
    for _ in range(count):
        screen(treatment, Criterion.EVALUATION, Criterion.MATCHING)
    # session, user, permissions ×2, the fiche, its screenings with who recorded them
    with django_assert_num_queries(6):
        manager_client.get(reverse("compliance:screening", args=[treatment.reference]))
