"""403, 404 and 500 in the site's layout and language, each with a way back to the register."""

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import path, reverse
from django.utils import translation
from django.views import defaults

from centrecall.urls import urlpatterns as site_urlpatterns
from tests.conftest import make_treatment

ENGLISH = {"django_language": "en"}


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [*site_urlpatterns, path("en-panne/", broken_view)]


@pytest.mark.django_db
def test_manager_on_an_edit_address_gets_a_french_403_in_the_site_layout(manager_client):
    treatment = make_treatment()
    response = manager_client.get(reverse("register:edit", args=[treatment.reference]))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Vous n'avez pas accès à cette page" in html
    assert "Rien n'a été modifié." in html
    assert "Se déconnecter" in html  # the navigation of base.html
    assert f'href="{reverse("register:list")}">Retour au registre' in html
    assert "Forbidden" not in html


@pytest.mark.django_db
def test_403_is_in_english_when_english_is_chosen(manager_client):
    treatment = make_treatment()
    manager_client.cookies.load(ENGLISH)
    response = manager_client.get(reverse("register:edit", args=[treatment.reference]))
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()
    assert "Back to the register" in response.content.decode()


@pytest.mark.django_db
def test_unknown_address_gets_a_french_404_with_a_way_back(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Cette page n'existe pas" in html
    assert "Retour au registre" in html
    assert '<html lang="fr">' in html


@pytest.mark.django_db
def test_unknown_fiche_gets_the_404_page_in_english_when_chosen(manager_client):
    manager_client.cookies.load(ENGLISH)
    response = manager_client.get(reverse("register:detail", args=["T-999"]))
    assert response.status_code == 404
    assert "This page does not exist" in response.content.decode()
    assert "Log out" in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_server_error_gets_the_500_page_in_the_site_layout(manager_user):
    client = Client(raise_request_exception=False)
    client.force_login(manager_user)
    response = client.get("/en-panne/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Le serveur a rencontré une erreur" in html
    assert "Retour au registre" in html
    assert "boom" not in html


def test_500_page_needs_no_database_and_no_request_context():
    # No django_db mark: any query raises, so the page must render without one.
    with translation.override("fr"):
        response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Le serveur a rencontré une erreur" in response.content.decode()
    with translation.override("en"):
        response = defaults.server_error(RequestFactory().get("/"))
    assert "The server ran into an error" in response.content.decode()
    assert 'name="language"' not in response.content.decode()  # no switcher: no CSRF token to send


@pytest.mark.django_db
def test_expired_form_gets_a_french_403_instead_of_django_csrf_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "dpo", "password": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Le formulaire a expiré" in html
    assert "Rien n'a été enregistré." in html
