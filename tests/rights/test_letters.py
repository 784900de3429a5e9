"""The letters to the person: written from the request, naming what it lacks instead of inventing it."""

from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from rights.choices import Extension, RequestStatus
from rights.letters import LETTERS, build_letter_pdf, missing_items
from tests.pdfs import pdf_text
from tests.rights.conftest import make_request

pytestmark = pytest.mark.django_db


def test_the_acknowledgement_gives_the_deadline_computed_from_receipt():
    subject_request = make_request(received_on=date(2026, 1, 31), person_contact="12 rue des Lilas, Tours")
    filename, mimetype, content = build_letter_pdf(subject_request, LETTERS["accuse-reception"])
    text = pdf_text(content)
    assert mimetype == "application/pdf" and filename.startswith(subject_request.reference)
    assert "au plus tard le 28/02/2026" in text
    assert "À compléter" not in text


def test_an_extension_letter_without_its_reason_names_it_as_missing_and_leaves_a_blank():
    subject_request = make_request(received_on=date(2026, 1, 31))
    assert missing_items(subject_request, LETTERS["prolongation"]) == [
        "adresse de réponse",
        "durée de la prolongation",
        "motif de la prolongation",
    ]
    text = pdf_text(build_letter_pdf(subject_request, LETTERS["prolongation"])[2])
    assert "À compléter avant l'envoi" in text
    assert "Motif : [motif de la prolongation]" in text


def test_the_extension_letter_says_both_deadlines_and_the_reason():
    subject_request = make_request(
        received_on=date(2026, 1, 31),
        person_contact="jeanne@example.org",
        extension_months=Extension.TWO_MONTHS,
        extension_reason="Recherche des enregistrements sur plusieurs campagnes",
        extension_notified_on=date(2026, 2, 10),
    )
    assert missing_items(subject_request, LETTERS["prolongation"]) == []
    text = pdf_text(build_letter_pdf(subject_request, LETTERS["prolongation"])[2])
    assert "qui expirait le 28/02/2026, est prolongé jusqu'au 30/04/2026" in text
    assert "Recherche des enregistrements sur plusieurs campagnes" in text


def test_the_refusal_letter_states_the_reason_and_the_right_to_complain_to_the_cnil():
    subject_request = make_request(
        person_contact="jeanne@example.org",
        status=RequestStatus.REFUSED,
        answered_on=date(2026, 3, 10),
        refusal_reason="Demande manifestement excessive par son caractère répétitif",
        cnil_complaint_mentioned=True,
    )
    text = pdf_text(build_letter_pdf(subject_request, LETTERS["refus"])[2])
    assert "Demande manifestement excessive par son caractère répétitif" in text
    assert "réclamation auprès de la Commission nationale de l'informatique et des libertés" in text
    assert missing_items(subject_request, LETTERS["reponse"])[-1].startswith("la demande est refusée")


def test_the_request_page_lists_what_each_letter_lacks_and_the_download_is_recorded(manager_client):
    subject_request = make_request()
    page = manager_client.get(subject_request.get_absolute_url()).content.decode()
    assert page.count("letter-missing") == 4  # every letter lacks the address; the answer letters more
    response = manager_client.get(reverse("rights:letter", args=[subject_request.number, "reponse"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    entry = AuditEntry.objects.latest("pk")
    assert entry.details["format"] == "pdf" and "Réponse à la demande" in entry.details["document"]
