"""The audit trail's retention is stated (AUDIT_RETENTION_DAYS) and applied by purge_audit_log,
the one path that deletes entries: only those older than the retention go."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def entry_aged(days, username):
    return AuditEntry.objects.create(
        action=AuditAction.LOGIN, username=username, at=timezone.now() - timedelta(days=days)
    )


@override_settings(AUDIT_RETENTION_DAYS=180)
def test_the_purge_removes_only_entries_older_than_the_retention():
    entry_aged(400, "very-old")
    entry_aged(181, "old")
    entry_aged(179, "recent")
    entry_aged(0, "today")
    out = StringIO()
    call_command("purge_audit_log", stdout=out)
    kept = set(AuditEntry.objects.exclude(action=AuditAction.PURGE).values_list("username", flat=True))
    assert kept == {"recent", "today"}
    assert "2 entrée(s)" in out.getvalue() and "180 jours" in out.getvalue()
    [purge] = AuditEntry.objects.filter(action=AuditAction.PURGE)
    assert purge.details["deleted"] == 2 and purge.details["retention_days"] == 180


def test_a_dry_run_deletes_nothing():
    entry_aged(1000, "very-old")
    out = StringIO()
    call_command("purge_audit_log", "--dry-run", stdout=out)
    assert AuditEntry.objects.filter(username="very-old").exists()
    assert "1 entrée(s)" in out.getvalue()


def test_the_default_retention_is_a_year(settings):
    assert settings.AUDIT_RETENTION_DAYS == 365


@pytest.mark.parametrize("value", ["0", "-3", "abc", "1.5", "٣٠", "99999"])
def test_a_bad_retention_in_the_environment_is_refused_clearly(monkeypatch, value):
    from django.core.exceptions import ImproperlyConfigured

    from centrecall.settings import env_days

    monkeypatch.setenv("DJANGO_AUDIT_RETENTION_DAYS", value)
    with pytest.raises(ImproperlyConfigured, match="DJANGO_AUDIT_RETENTION_DAYS must be a whole number of days"):
        env_days("DJANGO_AUDIT_RETENTION_DAYS", 365)


def test_a_retention_in_the_environment_is_read(monkeypatch):
    from centrecall.settings import env_days

    monkeypatch.setenv("DJANGO_AUDIT_RETENTION_DAYS", " 183 ")
    assert env_days("DJANGO_AUDIT_RETENTION_DAYS", 365) == 183
