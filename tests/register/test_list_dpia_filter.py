"""The register's list filtered on the fiches' DPIA status (?dpia=…), where the dashboard's DPIA figures lead."""

import pytest
from django.urls import reverse

from register.choices import DpiaStatus
from register.filter_form import RegisterFilterForm
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
