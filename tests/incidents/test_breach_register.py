"""The breach register (art. 33(5)): page, PDF and ODS from the same rows, live or as of a day."""

import html
import io
import re
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from incidents.breach_register import BreachRegisterScope
from incidents.exports import build_breach_register_ods, build_breach_register_pdf
from incidents.models import AuthorityNotification, CorrectiveAction, Incident
from register.models import DataCategory
from tests.conftest import make_treatment, page_html, page_text
from tests.incidents.conftest import make_breach, make_incident, paris
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db
URL = reverse("incidents:breach_register")


def ods_text(content):
    """The spreadsheet's text, one cell paragraph per line."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("content.xml").decode()
    return html.unescape(re.sub(r"<[^>]+>", "\n", xml))


@pytest.fixture
def breach():
    breach = make_breach(
        subject="Dates inversées par l'import JSON",
        occurred_at=paris(2026, 3, 27, 10),
        aware_at=paris(2026, 3, 27, 10),
        consequences="Réponses datées à tort",
        persons_count=120,
    )
    breach.data_categories.set([DataCategory.objects.get(code="identity")])
    CorrectiveAction.objects.create(incident=breach, description="Contrat de dates ISO 8601", owner="David Blanc")
    AuthorityNotification.objects.create(incident=breach, sent_at=paris(2026, 3, 28, 10), authority_reference="CNIL-42")
    return breach


def test_the_register_lists_breaches_with_facts_effects_measures_and_notification(dpo_client, breach):
    make_incident(subject="Imprimante en panne", is_breach=False)

    page = page_text(dpo_client.get(URL))

    assert "Dates inversées par l'import JSON" in page
    assert "Imprimante en panne" not in page
    assert "Réponses datées à tort" in page and "120 personnes" in page
    assert "Contrat de dates ISO 8601" in page
    assert "Notifiée à la CNIL le 28/03/2026 10:00 (CNIL-42)" in page


def test_the_ods_export_holds_each_breach_row(breach):
    filename, mimetype, content = build_breach_register_ods(BreachRegisterScope(), generated_by="Sophie Lambert")

    xml = ods_text(content)
    assert filename.startswith("registre-violations-") and filename.endswith(".ods")
    assert mimetype == "application/vnd.oasis.opendocument.spreadsheet"
    for text in (
        breach.reference,
        "Dates inversées par l'import JSON",
        "Intégrité",
        "État civil, identité",
        "Réponses datées à tort",
        "Contrat de dates ISO 8601 (David Blanc)",
        "Notifiée à la CNIL le 28/03/2026 10:00 (CNIL-42)",
        "27/03/2026 10:00",
    ):
        assert text in xml, text


def test_the_pdf_export_holds_each_breach(breach):
    filename, mimetype, content = build_breach_register_pdf(BreachRegisterScope())

    text = pdf_text(content)
    assert mimetype == "application/pdf" and filename.endswith(".pdf")
    assert "Registre des violations de données personnelles" in text
    assert breach.reference in text and "Contrat de dates ISO 8601" in text and "CNIL-42" in text


def test_the_register_as_of_a_past_day_shows_the_breaches_as_they_stood(dpo_client, breach):
    Incident.history.filter(id=breach.pk).update(history_date=paris(2026, 3, 27, 11))
    CorrectiveAction.history.filter(incident_id=breach.pk).update(history_date=paris(2026, 3, 27, 11))
    AuthorityNotification.history.filter(incident_id=breach.pk).update(history_date=paris(2026, 3, 28, 10))
    later = make_breach(subject="Courriel envoyé au mauvais client")
    Incident.history.filter(id=later.pk).update(history_date=paris(2026, 4, 10))

    page = page_text(dpo_client.get(URL, {"date": "2026-03-27"}))

    assert "Registre tel qu'il était le 27/03/2026" in page
    assert "Dates inversées par l'import JSON" in page and "Contrat de dates ISO 8601" in page
    assert "Notifiée" not in page  # the notification was sent the next day
    assert "Courriel envoyé au mauvais client" not in page
    xml = ods_text(dpo_client.get(reverse("incidents:breach_export", args=["ods"]), {"date": "2026-03-27"}).content)
    assert "Courriel envoyé au mauvais client" not in xml and "état au 27/03/2026" in xml


def test_the_day_typed_in_the_box_leads_to_the_canonical_address(dpo_client):
    response = dpo_client.get(URL, {"day": "27/03/2026"})
    assert response.status_code == 302 and response["Location"] == f"{URL}?date=2026-03-27"

    refused = dpo_client.get(URL, {"day": "2026/27/03"})
    assert refused.status_code == 400 and "État au : Saisissez la date au format JJ/MM/AAAA" in page_text(refused)


def test_a_future_or_french_date_in_the_address_is_refused(dpo_client):
    assert dpo_client.get(URL, {"date": "2099-01-01"}).status_code == 400
    assert dpo_client.get(URL, {"date": "27/03/2026"}).status_code == 400


def breaches(count):
    fiche = make_treatment(lines=False)
    for _ in range(count):
        breach = make_breach(treatments=[fiche])
        breach.data_categories.set(DataCategory.objects.all()[:2])
        CorrectiveAction.objects.create(incident=breach, description="Action")
        AuthorityNotification.objects.create(incident=breach, sent_at=paris(2026, 3, 3, 9))


def queries(http, url, **params):
    with CaptureQueriesContext(connection) as captured:
        assert http.get(url, params).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("url", "params"),
    [
        (reverse("incidents:list"), {}),
        (reverse("incidents:list"), {"overdue": "on"}),
        (URL, {}),
        (URL, {"date": "2026-12-01"}),
    ],
)
def test_list_and_register_run_the_same_queries_for_2_or_12_breaches(dpo_client, url, params):
    breaches(2)
    few = queries(dpo_client, url, **params)
    breaches(10)

    assert queries(dpo_client, url, **params) == few


def test_the_list_and_the_register_are_pinned(dpo_client, django_assert_num_queries):
    breaches(5)
    dpo_client.get(URL)  # sessions and permissions cached as on any later page
    # session, user, permissions ×2, then the incidents and their fiches, categories, actions,
    # notifications; the list also reads the applications its filter offers
    with django_assert_num_queries(10):
        dpo_client.get(reverse("incidents:list"))
    with django_assert_num_queries(9):
        dpo_client.get(URL)


def test_the_list_searches_subject_message_reporter_and_number_regardless_of_accents(dpo_client):
    export = make_breach(subject="Export envoyé au mauvais client")
    other = make_breach(subject="Serveur arrêté")
    Incident.objects.filter(pk=other.pk).update(message="Panne électrique", reporter_name="Hélène Roux")
    for query, expected in [("ENVOYE", export), ("electrique", other), ("helene", other), (other.reference, other)]:
        page = page_html(dpo_client.get(reverse("incidents:list"), {"q": query}))
        assert expected.reference in page
        assert (export if expected is other else other).reference not in page


def test_the_list_is_paginated_and_keeps_its_filters_across_pages(dpo_client):
    from incidents.views import incidents as incident_views

    breaches(3)
    incident_views.PAGE_SIZE, size = 2, incident_views.PAGE_SIZE
    try:
        first = page_html(dpo_client.get(reverse("incidents:list"), {"breach": "yes"}))
        second = page_html(dpo_client.get(reverse("incidents:list"), {"breach": "yes", "page": "2"}))
    finally:
        incident_views.PAGE_SIZE = size
    references = [set(re.findall(r">(INC-\d+)</a>", page)) for page in (first, second)]
    assert "Page 1 sur 2" in first and "?breach=yes&page=2" in first
    assert "Page 2 sur 2" in second
    assert [len(found) for found in references] == [2, 1] and not references[0] & references[1]
