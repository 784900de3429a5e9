"""Repeated wrong passwords lock the account and the address out (django-axes), at both doors."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

DOORS = ("login", "admin:login")


def attempt(client, door, username, password):
    return client.post(reverse(door), {"username": username, "password": password})


def fail(client, door, username, times=5):
    """Wrong passwords: the form answers again until the fifth, which locks the door."""
    for number in range(1, times + 1):
        expected = 429 if number == 5 else 200
        assert attempt(client, door, username, "mauvais-mot-de-passe").status_code == expected


@pytest.mark.parametrize("door", DOORS)
def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(door, dpo_user):
    client = Client(REMOTE_ADDR="10.0.0.1")
    fail(client, door, dpo_user.username)
    response = attempt(client, door, dpo_user.username, PASSWORD)
    assert response.status_code == 429
    assert "Connexion bloquée" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_then_the_right_one_logs_in_and_forgets_them(dpo_user):
    client = Client(REMOTE_ADDR="10.0.0.1")
    fail(client, "login", dpo_user.username, times=4)
    assert attempt(client, "login", dpo_user.username, PASSWORD).status_code == 302
    client.logout()
    fail(client, "login", dpo_user.username, times=4)
    assert attempt(client, "login", dpo_user.username, PASSWORD).status_code == 302


def test_a_locked_account_stays_locked_from_another_address(dpo_user):
    fail(Client(REMOTE_ADDR="10.0.0.1"), "login", dpo_user.username)
    response = attempt(Client(REMOTE_ADDR="10.0.0.2"), "admin:login", dpo_user.username, PASSWORD)
    assert response.status_code == 429


def test_an_address_guessing_many_accounts_is_locked_for_every_account(dpo_user):
    client = Client(REMOTE_ADDR="10.0.0.3")
    for number in range(1, 6):
        expected = 429 if number == 5 else 200
        assert attempt(client, "login", f"inconnu{number}", "mauvais").status_code == expected
    assert attempt(client, "login", dpo_user.username, PASSWORD).status_code == 429
    assert attempt(Client(REMOTE_ADDR="10.0.0.4"), "login", dpo_user.username, PASSWORD).status_code == 302


def test_a_superuser_unlocks_the_account_with_the_reset_command(dpo_user):
    client = Client(REMOTE_ADDR="10.0.0.1")
    fail(client, "login", dpo_user.username)
    call_command("axes_reset_username", dpo_user.username, verbosity=0)
    call_command("axes_reset_ip", "10.0.0.1", verbosity=0)
    assert attempt(client, "login", dpo_user.username, PASSWORD).status_code == 302


def test_the_lockout_page_speaks_english_when_english_is_chosen(dpo_user):
    client = Client(REMOTE_ADDR="10.0.0.1")
    client.cookies["django_language"] = "en"
    fail(client, "login", dpo_user.username)
    response = attempt(client, "login", dpo_user.username, PASSWORD)
    assert response.status_code == 429
    assert "Login blocked" in response.content.decode()


def test_a_superuser_unlocks_the_account_by_deleting_its_attempt_in_the_admin(client, superuser, dpo_user):
    fail(Client(REMOTE_ADDR="10.0.0.1"), "login", dpo_user.username)
    client.force_login(superuser)
    page = client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "Tentatives de connexion" in page
    for attempt_row in AccessAttempt.objects.all():
        url = reverse("admin:axes_accessattempt_delete", args=[attempt_row.pk])
        assert client.post(url, {"post": "yes"}).status_code == 302
    assert attempt(Client(REMOTE_ADDR="10.0.0.1"), "login", dpo_user.username, PASSWORD).status_code == 302


def test_behind_the_proxy_each_client_address_is_counted_on_its_own(settings, dpo_user):
    settings.BEHIND_PROXY = True
    guesser = Client(REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    for number in range(1, 6):
        expected = 429 if number == 5 else 200
        assert attempt(guesser, "login", f"inconnu{number}", "mauvais").status_code == expected
    colleague = Client(REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert attempt(colleague, "login", dpo_user.username, PASSWORD).status_code == 302
