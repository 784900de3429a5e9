"""The « Sensibilisation » panel of the fiche page: links to the fiche's notice, announcement and fiche réflexe."""

import pytest
from django.urls import reverse

from register import fiche_panels
from register.models import DataCategoryLine
from tests.conftest import make_treatment, make_user

pytestmark = pytest.mark.django_db


def test_the_fiche_page_links_to_the_three_documents(manager_client):
    fiche = make_treatment()
    html = manager_client.get(fiche.get_absolute_url()).content.decode()
    assert 'id="sensibilisation"' in html
    assert f'href="{reverse("compliance:notice", args=[fiche.reference])}"' in html
    assert f'href="{reverse("compliance:announcement", args=[fiche.reference])}"' in html
    assert f'href="{reverse("compliance:reflex_pdf", args=[fiche.reference])}"' in html
    assert "sans objet : la fiche ne déclare aucun enregistrement d'appels" in html


def test_a_fiche_recording_calls_does_not_say_the_announcement_is_pointless(manager_client):
    fiche = make_treatment()
    DataCategoryLine.objects.filter(treatment=fiche).update(is_call_recording=True)
    html = manager_client.get(fiche.get_absolute_url()).content.decode()
    assert "sans objet" not in html


def test_as_of_a_past_day_the_links_keep_the_day(manager_client):
    fiche = make_treatment(created_at="2024-01-10")
    type(fiche).history.filter(id=fiche.pk).update(history_date="2024-01-10T12:00:00Z")
    html = manager_client.get(fiche.get_absolute_url(), {"date": "2024-06-30"}).content.decode()
    assert f'href="{reverse("compliance:notice", args=[fiche.reference])}?date=2024-06-30"' in html


def test_a_user_without_the_right_gets_no_panel(db):
    fiche = make_treatment()
    panels = fiche_panels.panels_for(fiche, user=make_user("personne", is_staff=True))
    assert "compliance/notices/fiche_panel.html" not in [panel.template for panel in panels]


@pytest.mark.parametrize("count", [1, 12])
def test_the_panel_adds_no_query_whatever_the_number_of_lines(manager_client, django_assert_num_queries, count):
    fiche = make_treatment()
    line = DataCategoryLine.objects.get(treatment=fiche)
    for _number in range(count - 1):
        line.pk = None
        line.save()
    # the same count as tests/processes/test_fiche_panel.py's controller fiche: this panel reads
    # the prefetched data lines only (the requests panel: one query)
    with django_assert_num_queries(20):
        manager_client.get(fiche.get_absolute_url())
