"""The dashboard runs the same number of queries for a register of 3 fiches or of 40.

The register's real checks run here (not the tests' stand-in): a check that queried per
fiche would show as a count that grows.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from register.choices import DpiaStatus, TreatmentRole, TreatmentStatus
from tests.conftest import make_organisation, make_treatment
from tests.incidents.conftest import make_breach, make_incident

pytestmark = pytest.mark.django_db
# session and user (2), permissions (2), the findings page's subjects with their lines (20: fiches with their
# DPIA screenings, operations, collection forms, breaches, art. 28 contracts, data-subject requests), figures (7),
# open incidents (5)
QUERIES = 36


def register_of(size):
    clients = [make_organisation(f"Client {number}") for number in range(1 + size // 10)]
    now = timezone.now()
    for number in range(size):
        fiche = make_treatment(
            controller=clients[number % len(clients)],
            role=TreatmentRole.PROCESSOR if number % 2 else TreatmentRole.CONTROLLER,
            status=list(TreatmentStatus)[number % 3],
            dpia_status=list(DpiaStatus)[number % 5],
            next_review_date=timezone.localdate() + timedelta(days=number - size // 2),
        )
        if number % 3 == 0:
            make_incident(treatments=[fiche])
        if number % 4 == 0:
            make_breach(
                treatments=[fiche],
                occurred_at=now - timedelta(hours=number + 2),
                aware_at=now - timedelta(hours=number + 1),
            )


@pytest.mark.parametrize("size", [3, 40])
def test_dashboard_queries_do_not_grow_with_the_register(manager_client, django_assert_num_queries, size):
    register_of(size)
    with django_assert_num_queries(QUERIES):
        response = manager_client.get(reverse("compliance:dashboard"))
    assert response.status_code == 200
