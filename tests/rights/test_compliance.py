"""The findings about requests: overdue (art. 12(3)) and not forwarded to the client (art. 28(3)(e))."""

from datetime import date

import pytest
from django.urls import reverse

from register import compliance
from rights.choices import RequestStatus
from tests.conftest import make_treatment, page_text
from tests.rights.conftest import make_processor_fiche, make_request

pytestmark = pytest.mark.django_db


def rules(subject_request, on):
    return [(finding.rule, finding.severity) for finding in compliance.findings_for(subject_request, on)]


def test_an_open_request_past_its_deadline_is_a_blocking_finding():
    subject_request = make_request(received_on=date(2026, 1, 31), treatments=[make_treatment()])
    (finding,) = compliance.findings_for(subject_request, date(2026, 3, 3))
    assert (finding.rule, finding.severity, finding.article) == ("request_answered_in_time", "blocking", "art. 12(3)")
    assert "28/02/2026" in finding.message and "en retard de 3 jours" in finding.message
    assert finding.url == reverse("rights:edit", args=[subject_request.number]) + "#id_answered_on"


def test_no_finding_on_the_last_day_nor_once_answered():
    subject_request = make_request(received_on=date(2026, 1, 31))
    assert rules(subject_request, date(2026, 2, 28)) == []
    subject_request.status, subject_request.answered_on = RequestStatus.ANSWERED, date(2026, 3, 5)
    subject_request.save()
    assert rules(subject_request, date(2026, 4, 1)) == []


def test_a_request_on_a_processor_fiche_not_forwarded_to_the_client_is_a_finding():
    subject_request = make_request(received_on=date(2026, 3, 2), treatments=[make_processor_fiche("Osiris")])
    (finding,) = compliance.findings_for(subject_request, date(2026, 3, 3))
    assert (finding.rule, finding.article) == ("request_forwarded_to_controller", "art. 28(3)(e)")
    assert "Osiris" in finding.message
    subject_request.forwarded_on = date(2026, 3, 3)
    subject_request.save()
    assert rules(subject_request, date(2026, 3, 3)) == []


def test_the_findings_page_lists_requests_and_filters_on_their_kind_and_rule(manager_client):
    late = make_request(received_on=date(2026, 1, 31))
    response = manager_client.get(reverse("compliance:findings"), {"kind": "request"})
    text = page_text(response)
    assert response.status_code == 200
    assert late.reference in text and "Demande de droit en retard" in text
    response = manager_client.get(reverse("compliance:findings"), {"rule": "request_forwarded_to_controller"})
    assert response.status_code == 200 and late.reference not in page_text(response)


def test_the_request_page_shows_its_findings(manager_client):
    late = make_request(received_on=date(2026, 1, 31))
    text = page_text(manager_client.get(late.get_absolute_url()))
    assert "Bloquant" in text and "sans réponse alors que le délai a expiré le 28/02/2026" in text
