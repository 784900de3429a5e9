"""The fiches' changelist in the admin: search and the sensitive-data filter without DISTINCT."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from register.models import DataCategory, DataCategoryLine
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:register_treatment_changelist")


def listed(admin_client, query):
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(CHANGELIST, query)
    assert response.status_code == 200
    sql = " ".join(query["sql"] for query in queries.captured_queries).upper()
    return [fiche.reference for fiche in response.context["cl"].result_list], sql


@pytest.fixture
def fiches():
    recording = make_treatment(name="Enregistrement des appels")
    for description in ("Fichier audio de la conversation", "Métadonnées audio"):
        DataCategoryLine.objects.create(
            treatment=recording, category=DataCategory.objects.get(code="identity"), description=description
        )
    health = make_treatment(name="Mutuelle")
    DataCategoryLine.objects.create(
        treatment=health, category=DataCategory.objects.get(code="health"), description="Arrêts de travail"
    )
    return recording, health


def test_a_word_of_two_data_lines_finds_their_fiche_once_without_distinct(admin_client, fiches):
    recording, _health = fiches

    references, sql = listed(admin_client, {"q": "audio"})

    assert references == [recording.reference]
    assert "DISTINCT" not in sql


def test_every_word_must_match_in_the_fiche_or_in_one_of_its_lines(admin_client, fiches):
    recording, health = fiches

    assert listed(admin_client, {"q": "enregistrement audio"})[0] == [recording.reference]
    assert listed(admin_client, {"q": "mutuelle audio"})[0] == []
    assert listed(admin_client, {"q": '"arrêts de travail"'})[0] == [health.reference]
    assert listed(admin_client, {"q": '"arrêts'})[0] == []  # an unclosed quote is a plain word


def test_the_sensitive_data_filter_lists_each_fiche_once_without_distinct(admin_client, fiches):
    recording, health = fiches

    sensitive, sql = listed(admin_client, {"sensitive": "yes"})
    others, _sql = listed(admin_client, {"sensitive": "no"})

    assert sensitive == [health.reference] and "DISTINCT" not in sql
    assert others == [recording.reference]
