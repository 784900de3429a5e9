"""Search ignores case and accents, on SQLite and PostgreSQL alike, live and as of a past date."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from register.models import DataCategory, DataCategoryLine, SubPurpose, Treatment
from register.search import fold
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db

LIST = reverse("register:list")


def rows(response):
    return re.findall(
        r'<td class="text-nowrap"><a class="fw-semibold" href="[^"]*">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def ideal():
    """« Idéal » in the name, « fidélisation » in a sub-purpose, « Œuvres » in a data description."""
    fiche = make_treatment(reference="T-010", name="Programme Idéal", main_purpose="Études clients", lines=False)
    SubPurpose.objects.create(treatment=fiche, description="Campagnes de fidélisation")
    DataCategoryLine.objects.create(
        treatment=fiche,
        category=DataCategory.objects.get(code="economic"),
        description="Œuvres sociales",
        retention_value=5,
        retention_unit="years",
    )
    make_treatment(reference="T-020", name="Paie", main_purpose="Bulletins", lines=False)
    return fiche


@pytest.mark.parametrize(
    "typed",
    ["Ideal", "IDEAL", "idéal", "IDÉAL", "fidelisation", "FIDÉLISATION", "Fidelisation", "etudes", "ÉTUDES"]
    + ["oeuvres", "ŒUVRES", "ideal fidelisation"],
)
def test_search_ignores_accents_and_case(manager_client, ideal, typed):
    assert rows(manager_client.get(LIST, {"q": typed})) == [ideal.reference]


def test_search_still_needs_every_word(manager_client, ideal):
    assert rows(manager_client.get(LIST, {"q": "ideal paie"})) == []


@pytest.mark.parametrize("typed", ["%", "_", "Id_al", "Id%al"])
def test_search_reads_percent_and_underscore_as_characters(manager_client, ideal, typed):
    assert rows(manager_client.get(LIST, {"q": typed})) == []


def test_search_in_a_past_register_ignores_accents_and_case(manager_client, ideal):
    day = timezone.localdate()
    Treatment.objects.filter(pk=ideal.pk).update(name="Renommé depuis")  # no history row: the past keeps « Idéal »
    for typed in ("IDEAL", "fidelisation", "oeuvres"):
        assert rows(manager_client.get(LIST, {"q": typed, "date": day.isoformat()})) == [ideal.reference]
    assert rows(manager_client.get(LIST, {"q": "ideal"})) == []  # today's name no longer says it


def test_words_are_folded_like_postgresql_unaccent():
    assert fold("Fidélisation ŒUVRE Ærø Straße") == "fidelisation oeuvre aero strasse"
    assert fold(None) is None
