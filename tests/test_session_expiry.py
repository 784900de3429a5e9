"""A signed-in session ends after 30 minutes without a request and 10 hours after the login."""

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from register import sessions
from tests.conftest import page_text
from tests.test_project import _manage

pytestmark = pytest.mark.django_db

START = 1_900_000_000.0  # any fixed moment, in seconds
MINUTE = 60


@pytest.fixture
def clock():
    """register.sessions' clock, set by the test: clock.at(seconds after START)."""
    with mock.patch.object(sessions, "now", return_value=START) as patched:
        patched.at = lambda seconds: setattr(patched, "return_value", START + seconds)
        yield patched


def test_a_session_idle_for_31_minutes_is_logged_out_and_sent_to_the_login_page_in_french(clock, dpo_client):
    list_url = reverse("register:list")
    assert dpo_client.get(list_url).status_code == 200
    clock.at(31 * MINUTE)
    response = dpo_client.get(list_url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={list_url}"
    assert "_auth_user_id" not in dpo_client.session
    login_page = dpo_client.get(response["Location"])
    assert "Votre session a expiré après 30 minutes d'inactivité : reconnectez-vous." in page_text(login_page)


def test_a_request_every_25_minutes_keeps_the_session_alive(clock, dpo_client):
    for step in range(1, 9):  # 3 h 20 in all
        clock.at(step * 25 * MINUTE)
        assert dpo_client.get(reverse("register:list")).status_code == 200, step


def test_the_session_ends_10_hours_after_the_login_even_with_activity(clock, dpo_client):
    for step in range(1, 21):  # a request every half-hour until 10 h
        clock.at(step * 30 * MINUTE)
        assert dpo_client.get(reverse("register:list")).status_code == 200, step
    clock.at(10 * 3600 + MINUTE)
    response = dpo_client.get(reverse("register:list"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "Votre session a dépassé sa durée maximale de 10 heures : reconnectez-vous." in page_text(response)


def test_activity_is_written_at_most_once_a_minute(clock, dpo_client):
    clock.at(30)
    dpo_client.get(reverse("register:list"))
    assert dpo_client.session[sessions.LAST_ACTIVITY] == START  # not rewritten: under a minute old
    clock.at(90)
    dpo_client.get(reverse("register:list"))
    assert dpo_client.session[sessions.LAST_ACTIVITY] == START + 90


def test_logging_in_again_starts_a_new_lifetime(clock, dpo_user):
    client = Client()
    client.post(reverse("login"), {"username": "dpo", "password": "test-password-Ab12"})
    clock.at(9 * 3600)
    client.logout()
    client.post(reverse("login"), {"username": "dpo", "password": "test-password-Ab12"})
    clock.at(11 * 3600)
    assert client.get(reverse("register:list")).status_code == 302  # idle two hours: over
    client.post(reverse("login"), {"username": "dpo", "password": "test-password-Ab12"})
    assert client.session[sessions.LOGIN_AT] == START + 11 * 3600
    assert client.get(reverse("register:list")).status_code == 200


def test_anonymous_visitors_are_left_alone(clock, client):
    clock.at(365 * 24 * 3600)
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "session" not in page_text(response).lower()
    assert sessions.LAST_ACTIVITY not in client.session


def test_the_lifetimes_follow_the_settings(clock, dpo_client, settings):
    settings.SESSION_IDLE_MINUTES = 5
    clock.at(6 * MINUTE)
    response = dpo_client.get(reverse("register:list"), follow=True)
    assert "Votre session a expiré après 5 minutes d'inactivité" in page_text(response)


@pytest.mark.parametrize("variable", ["DJANGO_SESSION_IDLE_MINUTES", "DJANGO_SESSION_HOURS"])
@pytest.mark.parametrize("value", ["0", "-5", "trente", "1.5"])
def test_settings_refuse_a_lifetime_that_is_not_a_positive_whole_number(variable, value):
    result = _manage("check", env={"DJANGO_DEBUG": "1", variable: value})
    assert result.returncode != 0
    assert f"{variable} must be a whole number of" in result.stderr and repr(value) in result.stderr


def test_the_audit_trail_records_an_expired_session_as_such_and_says_why(clock, dpo_client):
    dpo_client.get(reverse("register:list"))
    clock.at(31 * MINUTE)
    dpo_client.get(reverse("register:list"))

    entry = AuditEntry.objects.filter(username="dpo").latest("at")
    assert (entry.action, entry.summary) == (AuditAction.SESSION_EXPIRED, "Fin de session : inactivité")
    assert not AuditEntry.objects.filter(action=AuditAction.LOGOUT).exists()


def test_a_session_past_its_lifetime_is_recorded_with_that_reason(clock, dpo_client):
    for step in range(1, 21):
        clock.at(step * 30 * MINUTE)
        dpo_client.get(reverse("register:list"))
    clock.at(10 * 3600 + MINUTE)
    dpo_client.get(reverse("register:list"))

    entry = AuditEntry.objects.get(action=AuditAction.SESSION_EXPIRED)
    assert entry.summary == "Fin de session : durée maximale atteinte"
