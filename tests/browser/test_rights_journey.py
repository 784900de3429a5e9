"""The DPO records a data-subject request received by post on 31/01/2026, typed in French:
the page gives the deadline as 28/02/2026 (one calendar month, February's last day); he then
answers it, and the request leaves the open ones, answered on time, with its answer letter
ready to print."""

import re

import pytest
from playwright.sync_api import expect

from rights.models import DataSubjectRequest
from tests.conftest import make_treatment, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_dpo_records_a_request_and_answers_it(live_server, page, log_in):
    make_user("dpo", "DPO", is_staff=True)
    make_treatment(reference="T-005", name="Écoute et évaluation des appels")

    log_in("dpo")
    page.get_by_role("link", name="Demandes de droits").click()
    page.get_by_role("link", name="Enregistrer une demande").click()
    page.get_by_label("Droit exercé").select_option("access")
    page.get_by_label("Nom de la personne").fill("Julien Moreau")
    page.get_by_label("Adresse de réponse").fill("julien.moreau@example.org")
    page.get_by_label("Canal de réception").select_option("mail")
    page.get_by_label("Reçue le").fill("31/01/2026")
    page.get_by_label("Objet de la demande").fill("Copie des évaluations de ses appels.")
    page.get_by_label("T-005 — Écoute et évaluation des appels").check()
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.get_by_text("Demande DDP-001 enregistrée")).to_be_visible()
    expect(page.locator(".request-deadline")).to_have_text("28/02/2026")
    expect(page.locator(".countdown")).to_contain_text("en retard de")  # 31/01/2026 is long past
    expect(page.get_by_text("Demande DDP-001 sans réponse alors que le délai a expiré le 28/02/2026")).to_be_visible()

    page.get_by_role("link", name="Suivre et répondre").click()
    page.get_by_label("Statut").select_option("answered")
    page.get_by_label("Réponse envoyée le").fill("20/02/2026")
    page.get_by_label("Réponse", exact=True).fill("Copie des deux grilles d'évaluation de février.")
    page.get_by_label("Preuve de l'envoi").fill("Courriel du 20/02/2026")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page).to_have_url(re.compile(r"/demandes/1/$"))
    expect(page.locator(".request-status")).to_have_text("Répondue")
    expect(page.locator(".request-answer")).to_contain_text("Envoyée le 20/02/2026")
    expect(page.get_by_text("Aucun constat.")).to_be_visible()
    expect(page.get_by_role("link", name="Réponse à la demande (PDF)")).to_be_visible()
    subject_request = DataSubjectRequest.objects.get()
    assert subject_request.status == "answered" and not subject_request.was_answered_late

    page.get_by_role("link", name="Demandes de droits").first.click()
    page.get_by_label("Statut").select_option("open")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_text("Aucune demande.")).to_be_visible()
