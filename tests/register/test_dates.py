"""Dates are typed JJ/MM/AAAA in French and AAAA-MM-JJ (ISO 8601) in English, whatever the
browser's locale; a date laid out otherwise, or that does not exist, is refused, never guessed."""

from datetime import date
from html import unescape

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from register.forms.fields import DayField
from register.models import Treatment
from tests.register.fiche_form import FormData

FRENCH_READINGS = [
    ("15/09/2020", date(2020, 9, 15)),
    ("5/6/2020", date(2020, 6, 5)),  # day first, as the French format says
    ("  15/09/2020 ", date(2020, 9, 15)),
    ("2020-09-15", date(2020, 9, 15)),  # ISO 8601 cannot be read another way
    ("29/02/2024", date(2024, 2, 29)),
]
IMPOSSIBLE = ["31/02/2026", "29/02/2026", "00/01/2026", "2026-13-01", "32/01/2026"]
BADLY_LAID_OUT = ["5/6/20", "15/09/20", "15.09.2020", "15-09-2020", "2026/01/02", "15 septembre 2020", "demain"]


@pytest.mark.parametrize("typed, day", FRENCH_READINGS)
def test_french_dates_are_read_day_first_with_a_four_digit_year(typed, day):
    with translation.override("fr"):
        assert DayField().clean(typed) == day


@pytest.mark.parametrize("typed", IMPOSSIBLE)
def test_a_day_that_does_not_exist_is_refused_as_such(typed):
    with translation.override("fr"):
        with pytest.raises(ValidationError) as refused:
            DayField().clean(typed)
        assert refused.value.messages == [f"« {typed} » n'existe pas dans le calendrier : vérifiez le jour et le mois."]


@pytest.mark.parametrize("typed", BADLY_LAID_OUT)
def test_a_date_in_another_layout_is_refused_with_the_expected_format(typed):
    with translation.override("fr"):
        with pytest.raises(ValidationError) as refused:
            DayField().clean(typed)
        assert refused.value.messages == [
            "Saisissez la date au format JJ/MM/AAAA, par exemple 15/09/2020 (l'année sur quatre chiffres)."
        ]


def test_english_takes_iso_dates_only():
    with translation.override("en"):
        assert DayField().clean("2020-09-15") == date(2020, 9, 15)
        for typed in ("15/09/2020", "09/15/2020", "5/6/20"):
            with pytest.raises(ValidationError) as refused:
                DayField().clean(typed)
            assert "YYYY-MM-DD" in refused.value.messages[0] and "2020-09-15" in refused.value.messages[0]


def test_date_box_is_plain_text_showing_the_format_of_the_language():
    field = DayField(help_text="Prochaine revue.")
    with translation.override("fr"):
        html = field.widget.render("day", date(2020, 9, 15))
        assert 'type="text"' in html and 'placeholder="JJ/MM/AAAA"' in html and 'value="15/09/2020"' in html
        assert str(field.help_text) == "Prochaine revue. Format : JJ/MM/AAAA."
    with translation.override("en"):
        html = field.widget.render("day", date(2020, 9, 15))
        assert 'placeholder="YYYY-MM-DD"' in html and 'value="2020-09-15"' in html
        assert str(field.help_text).endswith("Format: YYYY-MM-DD.")


@pytest.mark.django_db
def test_fiche_form_asks_for_french_dates_even_from_an_english_browser(dpo_client, treatment):
    html = dpo_client.get(
        reverse("register:edit", args=[treatment.reference]), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    ).content.decode()
    assert 'type="date"' not in html
    assert html.count('placeholder="JJ/MM/AAAA"') == 2  # creation date and next review


@pytest.mark.django_db
def test_impossible_review_date_is_refused_and_nothing_is_written(dpo_client, treatment):
    url = reverse("register:edit", args=[treatment.reference])
    data = FormData.from_response(dpo_client.get(url))
    data["next_review_date"] = "31/02/2026"
    data["name"] = "Nom changé"
    response = dpo_client.post(url, data.post_data())
    assert response.status_code == 400
    assert "« 31/02/2026 » n'existe pas dans le calendrier" in unescape(response.content.decode())
    treatment.refresh_from_db()
    assert treatment.name == "Études de marché Osiris" and treatment.version == 1


@pytest.mark.django_db
def test_english_user_types_iso_dates_on_the_fiche_form(dpo_client, treatment):
    dpo_client.cookies.load({"django_language": "en"})
    url = reverse("register:edit", args=[treatment.reference])
    data = FormData.from_response(dpo_client.get(url))
    data["next_review_date"] = "2026-06-05"
    assert dpo_client.post(url, data.post_data()).status_code == 302
    treatment.refresh_from_db()
    assert treatment.next_review_date == date(2026, 6, 5)


@pytest.mark.django_db
def test_admin_dates_follow_the_same_rule(dpo_user):
    request = RequestFactory().get("/")
    request.user = dpo_user
    form_class = site._registry[Treatment].get_form(request)
    with translation.override("fr"):
        for name in ("created_at", "next_review_date"):
            field = form_class.base_fields[name]
            assert isinstance(field, DayField)
            assert field.clean("15/09/2020") == date(2020, 9, 15)
            with pytest.raises(ValidationError):
                field.clean("15/09/20")
