"""The fiche page and the fiche PDF show the DPIA screening and the risk map."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from compliance.dpia_lists import Criterion
from tests.conftest import make_treatment, page_text
from tests.pdfs import pdf_text, squash

from .factories import assess, screen

pytestmark = pytest.mark.django_db


def test_fiche_page_shows_the_screening_and_the_risk_map(dpo_client, treatment):
    screen(treatment, Criterion.EVALUATION, Criterion.MATCHING)
    assess(treatment, access=(4, 3, 2, 1))
    response = dpo_client.get(treatment.get_absolute_url())
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="risk-map"' in html
    page = page_text(response)
    assert "AIPD requise" in page and "Enregistrer un criblage" in page
    assert reverse("compliance:register_risks") in html


def test_fiche_page_without_assessment_says_so(manager_client, treatment):
    page = page_text(manager_client.get(treatment.get_absolute_url()))
    assert "Aucun criblage AIPD n'a été enregistré pour cette fiche." in page
    assert "Les risques de cette fiche n'ont pas encore été appréciés." in page
    assert "Enregistrer un criblage" not in page


def pdf_queries(http, fiches):
    for number in range(fiches):
        fiche = make_treatment(lines=False, name=f"Fiche {number}")
        screen(fiche, Criterion.EVALUATION, Criterion.MATCHING)
        assess(fiche, access=(4, 3, 2, 1))
    with CaptureQueriesContext(connection) as queries:
        response = http.get(reverse("register:export", args=["pdf"]))
    return len(queries), pdf_text(response.content)


def test_the_register_pdf_shows_each_fiche_s_screening_and_map_in_the_same_queries_for_1_or_6(manager_client):
    one, text = pdf_queries(manager_client, 1)
    assert squash(text).count(squash("Accès illégitime à des données")) == 1
    six, text = pdf_queries(manager_client, 5)
    assert squash(text).count(squash("Accès illégitime à des données")) == 6
    assert "AIPD requise" in text
    assert six == one
