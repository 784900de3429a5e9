"""The « État au » boxes (list filter bar, history page) take a date typed in the interface
language's format, whatever the browser's locale, and lead to the canonical ISO URL; the URL
itself, the exports and the command keep taking ISO 8601 only."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from register.models import Treatment
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db
LIST = reverse("register:list")
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def box(html, name="day"):
    return re.search(rf'<input [^>]*name="{name}"[^>]*>', html).group(0)


def test_a_french_date_typed_in_the_list_box_leads_to_the_iso_url(manager_client):
    response = manager_client.get(LIST, {"day": "31/01/2025", "role": "processor"}, **ENGLISH_BROWSER)
    assert response.status_code == 302
    assert response.url == f"{LIST}?role=processor&date=2025-01-31"


def test_the_list_box_shows_the_url_date_in_french(manager_client):
    html = manager_client.get(LIST, {"date": "2025-01-31"}, **ENGLISH_BROWSER).content.decode()
    date_box = box(html)
    assert 'type="text"' in date_box and 'value="31/01/2025"' in date_box and 'placeholder="JJ/MM/AAAA"' in date_box
    assert 'type="date"' not in html  # the browser's own picker would follow its locale
    assert "Registre tel qu'il était le 31/01/2025" in html


def test_the_list_box_shows_the_url_date_in_english_as_the_english_locale_declares(manager_client):
    manager_client.cookies.load({"django_language": "en"})
    html = manager_client.get(LIST, {"date": "2025-01-31"}).content.decode()
    assert 'value="2025-01-31"' in box(html) and 'placeholder="YYYY-MM-DD"' in box(html)
    response = manager_client.get(LIST, {"day": "2025-01-31"})
    assert response.status_code == 302 and response.url == f"{LIST}?date=2025-01-31"


def test_english_refuses_a_day_month_date_rather_than_guessing(manager_client):
    manager_client.cookies.load({"django_language": "en"})
    response = manager_client.get(LIST, {"day": "05/06/2025"})
    assert response.status_code == 400
    assert "YYYY-MM-DD" in unescape(response.content.decode())


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2025", "État au : « 31/02/2025 » n'existe pas dans le calendrier : vérifiez le jour et le mois."),
        ("5/6/25", "État au : Saisissez la date au format JJ/MM/AAAA, par exemple 15/09/2020"),
        ("06-05-2025", "État au : Saisissez la date au format JJ/MM/AAAA"),
        ("demain", "État au : Saisissez la date au format JJ/MM/AAAA"),
    ],
)
def test_a_bad_date_typed_in_the_box_is_refused_in_french_on_the_page(manager_client, typed, message):
    make_treatment(name="Paie", lines=False)
    response = manager_client.get(LIST, {"day": typed}, **ENGLISH_BROWSER)
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "Le filtre demandé ne peut pas être appliqué" in html and message in html
    assert f'value="{typed}"' in box(html)  # what was typed stays in the box, its error beside it
    assert 'aria-invalid="true"' in box(html) and 'id="id_day_error"' in html
    assert "Paie" not in html


def test_a_future_date_typed_in_the_box_is_refused(manager_client):
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    response = manager_client.get(LIST, {"day": tomorrow})
    assert response.status_code == 400
    assert "est dans le futur" in response.content.decode()


def test_emptying_the_box_returns_to_the_current_register(manager_client):
    response = manager_client.get(LIST, {"day": "", "role": "controller"})
    assert response.status_code == 302 and response.url == f"{LIST}?role=controller"


def test_the_typed_date_wins_over_the_date_of_the_page_it_was_typed_on(manager_client):
    response = manager_client.get(LIST, {"date": "2024-06-30", "day": "31/01/2025"})
    assert response.url == f"{LIST}?date=2025-01-31"


def test_a_refused_box_keeps_the_other_filters_and_does_not_redirect(manager_client):
    response = manager_client.get(LIST, {"day": "31/01/2025", "role": "boss"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Rôle inconnu : « boss »" in html and 'value="31/01/2025"' in box(html)


def test_the_exports_ignore_the_box_and_take_the_iso_date_only(manager_client):
    url = reverse("register:export", args=["ods"])
    assert manager_client.get(url, {"date": "31/01/2025"}).status_code == 400
    assert manager_client.get(url, {"day": "31/01/2025"}).get("Content-Disposition")  # unfiltered export


def test_the_history_page_box_is_typed_in_french_and_sent_to_the_list(manager_client, treatment):
    html = manager_client.get(reverse("register:history", args=[treatment.reference]), **ENGLISH_BROWSER)
    html = html.content.decode()
    form = re.search(r'<form method="get" action="/registre/"[^>]*history-as-of.*?</form>', html, re.S).group(0)
    history_box = box(form)
    assert 'type="text"' in history_box and 'placeholder="JJ/MM/AAAA"' in history_box and "required" in history_box
    assert 'aria-describedby="history-day_helptext"' in history_box and 'id="history-day_helptext"' in form
    assert "Format : JJ/MM/AAAA." in form
    assert 'type="date"' not in html


def test_a_date_typed_on_the_history_page_shows_the_register_of_that_day(manager_client):
    old = make_treatment(name="Ancien fichier", lines=False)
    Treatment.history.filter(id=old.pk).update(history_date=timezone.make_aware(timezone.datetime(2024, 1, 10, 9)))
    response = manager_client.get(LIST, {"day": "31/01/2025"}, follow=True)
    assert response.redirect_chain == [(f"{LIST}?date=2025-01-31", 302)]
    html = response.content.decode()
    assert "Registre tel qu'il était le 31/01/2025" in html and "Ancien fichier" in html
