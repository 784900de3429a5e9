"""The two requests of the CentreCall case, loaded by load_demo through the app's hook."""

from datetime import date

import pytest

from register import compliance
from register.demo import load_demo
from rights.choices import RequestKind, RequestStatus
from rights.models import DataSubjectRequest

pytestmark = pytest.mark.django_db


def test_load_demo_brings_an_access_answered_on_time_and_an_extended_objection_to_recording():
    load_demo()
    load_demo()  # idempotent

    access = DataSubjectRequest.objects.get(kind=RequestKind.ACCESS)
    objection = DataSubjectRequest.objects.get(kind=RequestKind.OBJECTION)
    assert access.status == objection.status == RequestStatus.ANSWERED
    assert access.answered_on <= access.first_deadline and access.extension_months is None
    assert [fiche.reference for fiche in objection.treatments.all()] == ["T-002"]
    assert "enregistrement" in objection.details
    assert objection.extension_months == 2 and objection.deadline == date(2026, 4, 30)
    assert objection.extension_notified_on <= objection.first_deadline == date(2026, 2, 28)
    assert not objection.was_answered_late and objection.forwarded_on == date(2026, 2, 2)
    assert compliance.findings_for(access) == compliance.findings_for(objection) == []
