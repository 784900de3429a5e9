"""The site's root and the page after login send each user to his first page (compliance.views.home)."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("compliance:dashboard")


@pytest.mark.parametrize("user", ["dpo_user", "manager_user", "auditor_user", "superuser"])
def test_readers_of_the_register_land_on_the_dashboard(request, client, user):
    client.force_login(request.getfixturevalue(user))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == DASHBOARD


def test_staff_without_register_rights_land_on_the_incident_report(client):
    client.force_login(make_user("david", is_staff=True))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == reverse("incidents:report")
    assert client.get(response["Location"]).status_code == 200


def test_anonymous_is_sent_to_login_then_back_home(client, dpo_user):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == reverse("login") + "?next=/"
    response = client.post(reverse("login"), {"username": "dpo", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/")["Location"] == DASHBOARD


def test_the_brand_leads_home(dpo_client):
    html = dpo_client.get(DASHBOARD).content.decode()
    assert '<a class="navbar-brand" href="/">' in html
