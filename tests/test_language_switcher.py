"""The FR/EN switcher: Django's set_language (POST with CSRF), back to the same page,
French unless English was chosen, whatever the browser asks for."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db
SWITCH = reverse("set_language")


def csrf_client():
    client = Client(enforce_csrf_checks=True)
    return client


def switch(client, language, next_url):
    token = client.cookies["csrftoken"].value
    return client.post(SWITCH, {"language": language, "next": next_url, "csrfmiddlewaretoken": token})


def test_login_page_offers_the_switcher_to_anonymous_users():
    html = Client().get(reverse("login")).content.decode()
    form = re.search(rf'<form method="post" action="{SWITCH}".*?</form>', html, re.S).group(0)
    assert 'name="csrfmiddlewaretoken"' in form
    assert f'name="next" value="{reverse("login")}"' in form
    assert re.search(r'name="language" value="fr" lang="fr"[^>]*aria-pressed="true"', form)
    assert re.search(r'name="language" value="en" lang="en"[^>]*aria-pressed="false"', form)


def test_anonymous_user_switches_the_login_page_to_english_and_back():
    client = csrf_client()
    client.get(reverse("login"))
    response = switch(client, "en", reverse("login"))
    assert response.status_code == 302 and response.url == reverse("login")
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in html and "Log in" in html
    switch(client, "fr", reverse("login"))
    assert "Se connecter" in client.get(reverse("login")).content.decode()


def test_switching_keeps_the_page_the_user_was_on(dpo_user):
    treatment = make_treatment()
    client = csrf_client()
    client.force_login(dpo_user)
    page = reverse("register:detail", args=[treatment.reference]) + "?date=2026-01-01"
    client.get(reverse("register:list"))
    response = switch(client, "en", page)
    assert response.status_code == 302 and response.url == page
    response = client.get(reverse("register:list"))
    assert response.headers["Content-Language"] == "en"
    assert "Log out" in response.content.decode()


def test_switching_without_the_csrf_token_is_refused():
    client = csrf_client()
    response = client.post(SWITCH, {"language": "en", "next": "/"})
    assert response.status_code == 403
    assert "django_language" not in response.cookies


def test_a_link_cannot_switch_the_language():
    client = Client()
    client.get(SWITCH, {"language": "en", "next": "/"})
    assert '<html lang="fr">' in client.get(reverse("login")).content.decode()


def test_switcher_refuses_to_send_the_user_to_another_site():
    client = csrf_client()
    client.get(reverse("login"))
    response = switch(client, "en", "https://evil.example/")
    assert not response.url.startswith("https://evil.example")


def test_pages_are_french_whatever_the_browser_asks_for():
    html = Client().get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="fr">' in html and "Se connecter" in html


def test_an_unknown_language_in_the_cookie_falls_back_to_french():
    client = Client()
    client.cookies.load({"django_language": "de"})
    assert '<html lang="fr">' in client.get(reverse("login")).content.decode()


def test_language_cookie_is_a_lasting_http_only_preference():
    client = csrf_client()
    client.get(reverse("login"))
    cookie = switch(client, "en", "/").cookies["django_language"]
    assert cookie.value == "en"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 300 * 24 * 3600


def test_english_chosen_by_one_request_does_not_outlive_it(manager_client):
    """The thread's language goes back to French after an English request: the next request
    served by the same worker (or the next test) must not start in English."""
    manager_client.cookies.load({"django_language": "en"})
    response = manager_client.get(reverse("register:list"))
    assert response.headers["Content-Language"] == "en"
    assert translation.get_language() == "fr"
