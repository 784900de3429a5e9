"""The register's list filtered on the fiches' DPIA status (?dpia=…) and on their data lines' retention
(?retention=6m|1y|3y|beyond|event), where the dashboard's DPIA and retention figures lead."""

import pytest
from django.urls import reverse
from django.utils import timezone

from register.choices import DpiaStatus
from register.filter_form import RegisterFilterForm
from register.models import DataCategory, DataCategoryLine
from tests.conftest import make_treatment, page_text

pytestmark = pytest.mark.django_db


def test_list_keeps_the_fiches_of_the_dpia_status_asked(manager_client):
    make_treatment(name="Vidéosurveillance", dpia_status=DpiaStatus.REQUIRED)
    make_treatment(name="Paie", dpia_status=DpiaStatus.NOT_REQUIRED)
    response = manager_client.get(reverse("register:list"), {"dpia": "required"})
    text = page_text(response)
    assert response.status_code == 200
    assert "Vidéosurveillance" in text and "Paie" not in text
    assert "AIPD : requise, à réaliser" in text
    assert '<option value="required" selected>' in response.content.decode()


def test_an_unknown_dpia_status_is_refused_by_name(manager_client):
    response = manager_client.get(reverse("register:list"), {"dpia": "peut-etre"})
    assert response.status_code == 400
    assert "Filtre « AIPD » inconnu : « peut-etre »." in page_text(response)


def test_the_scope_rebuilds_its_dpia_filter():
    scope = RegisterFilterForm({"dpia": "done", "role": "processor"}).scope
    assert scope.url() == "/registre/?role=processor&dpia=done"


def test_list_keeps_the_fiches_with_a_data_line_in_the_retention_band_asked(manager_client):
    long_kept = make_treatment(name="Prospects")  # make_treatment's line: 6 months
    DataCategoryLine.objects.create(
        treatment=long_kept,
        category=DataCategory.objects.get(code="identity"),
        description="Historique des contacts",
        retention_value=5,
        retention_unit="years",
    )
    make_treatment(name="Paie")
    response = manager_client.get(reverse("register:list"), {"retention": "beyond"})
    text = page_text(response)
    assert response.status_code == 200
    assert "Prospects" in text and "Paie" not in text
    assert "Données conservées : plus de 3 ans" in text  # the scope described under the heading
    both = page_text(manager_client.get(reverse("register:list"), {"retention": "6m"}))
    assert "Prospects" in both and "Paie" in both


def test_the_retention_filter_reads_the_lines_as_they_stood_on_a_past_day(manager_client):
    fiche = make_treatment(name="Prospects")
    today = timezone.localdate().isoformat()
    assert "Prospects" in page_text(manager_client.get(reverse("register:list"), {"retention": "6m", "date": today}))
    assert "Prospects" not in page_text(
        manager_client.get(reverse("register:list"), {"retention": "event", "date": today})
    )
    assert fiche.data_lines.count() == 1


def test_an_unknown_retention_band_is_refused_by_name(manager_client):
    response = manager_client.get(reverse("register:list"), {"retention": "10y"})
    assert response.status_code == 400
    assert "Filtre « conservation » inconnu : « 10y »." in page_text(response)
