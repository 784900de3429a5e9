"""The list's « Conformité » column and filter: each fiche's most serious finding, on the day shown."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from register.choices import LegalBasis, TreatmentStatus
from register.generator import generate_register
from register.models import Treatment
from register.views.fiches import PAGE_SIZE
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db

LIST = reverse("register:list")


def rows(response):
    return re.findall(
        r'<td class="text-nowrap"><a class="fw-semibold" href="[^"]*">([^<]+)</a>', response.content.decode()
    )


def compliance_cell(response, reference):
    html = response.content.decode()
    start = html.index(f">{reference}</a>")
    row = html[start : html.index("</tr>", start)]
    return re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", re.search(r'class="compliance-cell">(.*?)</td>', row, re.S).group(1))
    )


@pytest.fixture
def fiches():
    """A fiche with a blocking finding (legitimate interest not stated), one clean fiche."""
    blocking = make_treatment(name="Prospection", legal_basis=LegalBasis.LEGITIMATE_INTERESTS, legal_basis_detail="")
    Treatment.objects.filter(pk=blocking.pk).update(legal_basis_detail="")
    return {"blocking": blocking}


def test_compliance_column_names_the_most_serious_finding(manager_client, fiches):
    response = manager_client.get(LIST)
    cell = compliance_cell(response, fiches["blocking"].reference)
    assert "Bloquant" in cell and "constat" in cell
    assert "Conformité" in response.content.decode()


def test_compliance_filter_keeps_fiches_by_their_most_serious_finding(manager_client, fiches):
    clean = [reference for reference in rows(manager_client.get(LIST)) if reference != fiches["blocking"].reference]
    assert rows(manager_client.get(LIST, {"compliance": "blocking"})) == [fiches["blocking"].reference]
    others = (
        rows(manager_client.get(LIST, {"compliance": "none"}))
        + rows(manager_client.get(LIST, {"compliance": "warning"}))
        + rows(manager_client.get(LIST, {"compliance": "advice"}))
    )
    assert sorted(others) == sorted(clean)
    assert fiches["blocking"].reference not in others


def test_an_unknown_compliance_filter_is_refused_in_french(manager_client):
    response = manager_client.get(LIST, {"compliance": "parfait"})
    assert response.status_code == 400
    assert "Filtre « conformité » inconnu : « parfait »" in response.content.decode()


def test_past_date_list_judges_findings_on_that_date(manager_client):
    """Review due on 01/03/2024: on 30/06/2024 it is overdue, on 31/01/2024 it was not yet."""
    fiche = make_treatment(name="Paie", status=TreatmentStatus.IN_FORCE, next_review_date=date(2024, 3, 1))
    Treatment.history.filter(id=fiche.pk).update(history_date=timezone.make_aware(timezone.datetime(2024, 1, 10, 9)))
    before = compliance_cell(manager_client.get(LIST, {"date": "2024-01-31"}), fiche.reference)
    after = compliance_cell(manager_client.get(LIST, {"date": "2024-06-30"}), fiche.reference)
    assert "Revue" not in before
    assert before != after
    assert rows(manager_client.get(LIST, {"date": "2024-06-30", "compliance": "none"})) != rows(
        manager_client.get(LIST, {"date": "2024-01-31", "compliance": "none"})
    )


@pytest.mark.parametrize("fiches_count", [5, 200])
def test_compliance_column_runs_the_same_queries_for_5_or_200_fiches(
    manager_client, django_assert_num_queries, fiches_count
):
    generate_register(fiches_count, prefix="B")
    with django_assert_num_queries(QUERIES_LIST):
        response = manager_client.get(LIST)
    assert len(rows(response)) == min(fiches_count, PAGE_SIZE)


@pytest.mark.parametrize("fiches_count", [5, 200])
def test_compliance_filter_runs_the_same_queries_for_5_or_200_fiches(
    manager_client, django_assert_num_queries, fiches_count
):
    generate_register(fiches_count, prefix="B")
    with django_assert_num_queries(QUERIES_FILTER):
        manager_client.get(LIST, {"compliance": "blocking"})
    with django_assert_num_queries(QUERIES_PAST_FILTER):
        manager_client.get(LIST, {"compliance": "none", "date": (timezone.localdate() - timedelta(days=1)).isoformat()})


QUERIES_LIST = 18  # session, user, 2 × permissions, clients, count, rows, 10 line and actor tables, DPIA screenings
QUERIES_FILTER = 17  # the same but the count: every fiche in scope is loaded and judged
QUERIES_PAST_FILTER = 23  # the past register rebuilt and judged whole, as the filter needs
