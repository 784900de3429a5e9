"""Logins, failed logins, lockouts and logouts enter the audit trail with who, when and where."""

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def browser(address="10.0.0.7"):
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=BROWSER)


def entries(action):
    return list(AuditEntry.objects.filter(action=action))


@pytest.mark.parametrize("door", ["login", "admin:login"])
def test_a_login_records_who_when_and_from_where(door, dpo_user):
    before = timezone.now()
    response = browser().post(reverse(door), {"username": "dpo", "password": PASSWORD})
    assert response.status_code == 302
    [entry] = entries(AuditAction.LOGIN)
    assert entry.username == "dpo"
    assert entry.address == "10.0.0.7"
    assert entry.user_agent == BROWSER
    assert entry.details["path"] == reverse(door)
    assert timezone.is_aware(entry.at) and before <= entry.at <= timezone.now() + timedelta(seconds=1)


def test_a_wrong_password_records_the_name_typed_and_the_address(dpo_user):
    response = browser("10.0.0.8").post(reverse("login"), {"username": "dpo", "password": "faux"})
    assert response.status_code == 200
    [entry] = entries(AuditAction.LOGIN_FAILED)
    assert (entry.username, entry.address, entry.user_agent) == ("dpo", "10.0.0.8", BROWSER)
    assert "faux" not in str(entry.details) and "faux" not in entry.summary
    assert entries(AuditAction.LOGIN) == []


def test_an_unknown_account_is_recorded_as_typed(db):
    browser().post(reverse("admin:login"), {"username": "inconnu", "password": "x"})
    assert [entry.username for entry in entries(AuditAction.LOGIN_FAILED)] == ["inconnu"]


def test_the_lockout_and_the_refusals_after_it_are_recorded(dpo_user):
    client = browser()
    for _ in range(5):
        client.post(reverse("login"), {"username": "dpo", "password": "faux"})
    assert client.post(reverse("login"), {"username": "dpo", "password": PASSWORD}).status_code == 429
    assert len(entries(AuditAction.LOGIN_FAILED)) == 6  # the right password, refused while locked, too
    assert [entry.username for entry in entries(AuditAction.LOCKOUT)][:1] == ["dpo"]
    assert entries(AuditAction.LOGIN) == []


def test_a_logout_records_who_left(dpo_user):
    client = browser()
    client.post(reverse("login"), {"username": "dpo", "password": PASSWORD})
    client.post(reverse("logout"))
    [entry] = entries(AuditAction.LOGOUT)
    assert (entry.username, entry.address) == ("dpo", "10.0.0.7")


@override_settings(BEHIND_PROXY=True)
def test_behind_the_proxy_the_address_is_the_clients(dpo_user):
    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    client.post(reverse("login"), {"username": "dpo", "password": PASSWORD})
    assert entries(AuditAction.LOGIN)[0].address == "203.0.113.9"


def test_a_long_user_agent_is_cut(dpo_user):
    Client(REMOTE_ADDR="10.0.0.1", HTTP_USER_AGENT="x" * 2000).post(
        reverse("login"), {"username": "dpo", "password": "f"}
    )
    assert len(entries(AuditAction.LOGIN_FAILED)[0].user_agent) == 255
