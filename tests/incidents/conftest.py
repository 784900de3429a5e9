"""Incidents for the tests, and a private media folder of their own."""

import itertools
from datetime import datetime

import pytest
from django.utils import timezone

from incidents.models import Incident

_subjects = itertools.count(1)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def paris(year, month, day, hour=0, minute=0):
    """An instant given in Europe/Paris local time."""
    return timezone.make_aware(datetime(year, month, day, hour, minute))


def make_incident(*, treatments=(), **fields):
    occurred = fields.pop("occurred_at", paris(2026, 3, 2, 9))
    fields.setdefault("reported_at", occurred)
    fields.setdefault("reporter_name", "Jean Test")
    fields.setdefault("subject", f"Incident {next(_subjects)}")
    fields.setdefault("message", "Ce qui a été constaté.")
    fields.setdefault("source_application", "ComPlus")
    incident = Incident.objects.create(occurred_at=occurred, **fields)
    incident.treatments.set(treatments)
    return incident


def make_breach(*, aware_at=None, **fields):
    aware_at = aware_at or fields.get("occurred_at") or paris(2026, 3, 2, 9)
    fields.setdefault("integrity", True)
    fields.setdefault("risk_level", "risk")
    return make_incident(is_breach=True, aware_at=aware_at, **fields)
