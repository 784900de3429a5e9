"""Findings the incidents app adds to register.compliance."""

import pytest

from incidents.models import AuthorityNotification
from register import compliance
from register.choices import TreatmentRole
from tests.conftest import make_organisation, make_treatment
from tests.incidents.conftest import make_breach, make_incident, paris

pytestmark = pytest.mark.django_db


def messages(incident, on):
    return [(finding.severity, finding.article, finding.message) for finding in compliance.findings_for(incident, on)]


def test_a_breach_past_its_deadline_without_notification_or_justification_is_a_blocking_finding():
    breach = make_breach(aware_at=paris(2026, 3, 27, 10))

    (finding,) = compliance.findings_for(breach, paris(2026, 4, 2).date())

    assert finding.is_blocking
    assert finding.article == "art. 33(1)"
    assert "30/03/2026 11:00" in finding.message
    assert finding.url.endswith(f"/incidents/{breach.number}/qualifier/#id_not_notified_reason")


def test_no_finding_before_the_deadline_nor_once_notified_nor_with_a_reason():
    waiting = make_breach(aware_at=paris(2026, 3, 27, 10))
    notified = make_breach(aware_at=paris(2026, 3, 27, 10))
    AuthorityNotification.objects.create(incident=notified, sent_at=paris(2026, 3, 28, 10))
    justified = make_breach(
        aware_at=paris(2026, 3, 27, 10), not_notified_reason="Risque improbable : données chiffrées."
    )

    assert messages(waiting, paris(2026, 3, 28).date()) == []
    assert messages(notified, paris(2026, 4, 28).date()) == []
    assert messages(justified, paris(2026, 4, 28).date()) == []


def test_a_late_notification_without_its_reason_is_a_finding_to_correct():
    breach = make_breach(aware_at=paris(2026, 3, 2, 9))
    AuthorityNotification.objects.create(incident=breach, sent_at=paris(2026, 3, 6, 9))

    (finding,) = compliance.findings_for(breach, paris(2026, 3, 10).date())
    assert finding.severity == compliance.Severity.WARNING

    breach.lateness_reason = "Ampleur découverte le 05/03 seulement."
    assert compliance.findings_for(breach, paris(2026, 3, 10).date()) == []


def test_an_incident_that_is_not_a_breach_has_no_finding():
    incident = make_incident(occurred_at=paris(2020, 1, 1))

    assert compliance.findings_for(incident) == []


def test_a_processor_that_has_not_warned_its_client_within_the_contract_delay_is_blocking():
    fiche = make_treatment(controller=make_organisation("Osiris"), role=TreatmentRole.PROCESSOR, lines=False)
    breach = make_breach(aware_at=paris(2026, 3, 2, 9), treatments=[fiche], controller_delay_hours=24)

    (finding,) = compliance.findings_for(breach, paris(2026, 3, 4).date())

    assert finding.is_blocking and finding.article == "art. 33(2)"
    assert "Osiris" in finding.message
