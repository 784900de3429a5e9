"""The request list (filters, search, countdown, pinned queries) and the DPO's form."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rights.choices import RequestKind, RequestStatus
from rights.models import DataSubjectRequest
from tests.conftest import make_treatment, page_text
from tests.rights.conftest import make_processor_fiche, make_request

pytestmark = pytest.mark.django_db
LIST = reverse("rights:list")


def listed(http, query=""):
    response = http.get(f"{LIST}?{query}")
    assert response.status_code == 200
    return [subject_request.reference for subject_request in response.context["page"]]


def test_the_list_filters_on_kind_status_overdue_and_fiche(manager_client):
    fiche = make_treatment(reference="T-050")
    today = timezone.localdate()
    late = make_request(received_on=today - timedelta(days=40), kind=RequestKind.OBJECTION, treatments=[fiche])
    open_one = make_request(received_on=today - timedelta(days=3))
    answered = make_request(received_on=today - timedelta(days=60), status=RequestStatus.ANSWERED, answered_on=today)

    assert listed(manager_client) == [answered.reference, open_one.reference, late.reference]
    assert listed(manager_client, "kind=objection") == [late.reference]
    assert listed(manager_client, "status=open") == [open_one.reference, late.reference]
    assert listed(manager_client, "status=answered") == [answered.reference]
    assert listed(manager_client, "overdue=on") == [late.reference]
    assert listed(manager_client, "fiche=T-050") == [late.reference]


def test_the_list_searches_the_person_ignoring_case_and_accents_and_the_reference(manager_client):
    helene = make_request(person_name="Hélène Dupré")
    other = make_request(person_name="Marc Petit")
    assert listed(manager_client, "q=helene+DUPRE") == [helene.reference]
    assert listed(manager_client, f"q={other.reference.lower()}") == [other.reference]


def test_the_list_shows_the_countdown_and_highlights_the_overdue(manager_client):
    today = timezone.localdate()
    make_request(received_on=today - timedelta(days=5), person_name="Dans les temps")
    received = today - timedelta(days=45)
    late = make_request(received_on=received, person_name="En retard")
    response = manager_client.get(LIST)
    text = page_text(response)
    days_late = (today - late.deadline).days
    assert f"en retard de {days_late} jour" in text
    assert "J-" in text
    assert response.content.decode().count("request-overdue") == 1


def test_an_unknown_filter_value_is_a_400_with_a_french_message(manager_client):
    response = manager_client.get(f"{LIST}?status=perdue")
    assert response.status_code == 400
    assert "Filtre non compris" in page_text(response)


def queries(http, url):
    http.get(url)  # sessions and permissions cached
    with CaptureQueriesContext(connection) as captured:
        assert http.get(url).status_code == 200
    return len(captured)


def test_the_list_runs_the_same_queries_for_2_or_30_requests(manager_client, django_assert_num_queries):
    fiche = make_treatment()
    for _ in range(2):
        make_request(treatments=[fiche])
    few = queries(manager_client, LIST)
    for _ in range(28):
        make_request(treatments=[fiche, make_processor_fiche(client_name=f"Client {_}")])
    assert queries(manager_client, LIST) == few
    # session, user, permissions ×2, the fiches the filter offers, the count, the page, their fiches
    with django_assert_num_queries(8):
        manager_client.get(LIST)


def test_the_request_page_runs_the_same_queries_with_1_or_8_fiches(manager_client):
    subject_request = make_request(treatments=[make_treatment()])
    url = subject_request.get_absolute_url()
    few = queries(manager_client, url)
    subject_request.treatments.add(*(make_processor_fiche(client_name=f"Client {n}") for n in range(7)))
    assert queries(manager_client, url) == few


NEW = {
    "kind": "objection",
    "person_name": "Jeanne Martin",
    "person_contact": "jeanne@example.org",
    "channel": "mail",
    "received_on": "31/01/2026",
    "status": "received",
}


def test_the_dpo_records_a_request_with_its_date_typed_in_french(dpo_client):
    fiche = make_processor_fiche()
    response = dpo_client.post(reverse("rights:create"), {**NEW, "treatments": [fiche.pk]})

    subject_request = DataSubjectRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == subject_request.get_absolute_url()
    assert subject_request.received_on == date(2026, 1, 31)
    assert subject_request.deadline == date(2026, 2, 28)
    page = page_text(dpo_client.get(subject_request.get_absolute_url()))
    assert "28/02/2026" in page and "demande à transmettre" in page


def test_an_ambiguous_or_impossible_date_is_refused_and_nothing_is_written(dpo_client):
    for typed in ("2/3/26", "31/02/2026"):
        response = dpo_client.post(reverse("rights:create"), {**NEW, "received_on": typed})
        assert response.status_code == 400
        assert "Rien n'a été enregistré" in page_text(response)
    assert not DataSubjectRequest.objects.exists()


def edit(http, subject_request, **changes):
    data = {**NEW, "loaded_version": subject_request.version, **changes}
    return http.post(reverse("rights:edit", args=[subject_request.number]), data)


def test_a_late_extension_is_refused_on_the_page_with_the_last_allowed_day(dpo_client):
    subject_request = make_request(received_on=date(2026, 1, 31))
    response = edit(
        dpo_client, subject_request, extension_months="2", extension_reason="Volume", extension_notified_on="02/03/2026"
    )
    assert response.status_code == 400
    assert "Trop tard pour prolonger" in page_text(response) and "28/02/2026" in page_text(response)
    assert DataSubjectRequest.objects.get().extension_months is None


def test_a_closed_request_does_not_go_back_in_the_flow(dpo_client):
    subject_request = make_request(status=RequestStatus.WITHDRAWN)
    response = edit(dpo_client, subject_request, status="in_progress")
    assert response.status_code == 400
    assert "ne revient pas de « Retirée »" in page_text(response)


def test_a_save_over_someone_elses_is_refused_with_409(dpo_client):
    subject_request = make_request()
    opened = subject_request.version
    assert edit(dpo_client, subject_request, status="in_progress").status_code == 302
    response = dpo_client.post(
        reverse("rights:edit", args=[subject_request.number]),
        {**NEW, "loaded_version": opened, "status": "answered", "answered_on": "05/03/2026"},
    )
    assert response.status_code == 409
    assert DataSubjectRequest.objects.get().status == RequestStatus.IN_PROGRESS


def test_the_identity_check_keeps_no_document(dpo_client):
    response = dpo_client.get(reverse("rights:create"))
    form = response.context["form"]
    assert not any(
        field.widget.input_type == "file" for field in form.fields.values() if hasattr(field.widget, "input_type")
    )
    assert "Ne conservez aucune copie de pièce d'identité" in page_text(response)
    assert "5 ans" in page_text(response)  # the retention of the identification, stated


def test_the_fiche_page_lists_its_requests(manager_client):
    fiche = make_treatment()
    subject_request = make_request(treatments=[fiche], kind=RequestKind.ERASURE)
    text = page_text(manager_client.get(fiche.get_absolute_url()))
    assert "Demandes d'exercice des droits" in text
    assert subject_request.reference in text and "Effacement (art. 17)" in text
