"""« Revue en retard »: one rule (Treatment.is_review_overdue_on), judged at the day the page shows."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from register.choices import TreatmentStatus
from register.models import Treatment
from register.scopes import RegisterScope
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db


def _in_force_since_january_2024(next_review):
    fiche = make_treatment(status=TreatmentStatus.IN_FORCE, next_review_date=next_review, lines=False)
    Treatment.history.filter(id=fiche.pk).update(history_date=timezone.make_aware(datetime(2024, 1, 10, 9)))
    return fiche


def test_a_past_date_page_judges_the_review_at_that_date(manager_client):
    # Regression: the finding was computed against today while the badge used the chosen date.
    fiche = _in_force_since_january_2024(date(2024, 3, 1))
    before = manager_client.get(fiche.get_absolute_url(), {"date": "2024-02-01"}).content.decode()
    assert "Revue en retard" not in before and "En retard" not in before
    after = manager_client.get(fiche.get_absolute_url(), {"date": "2024-03-02"}).content.decode()
    assert "Revue en retard depuis le 01/03/2024." in after and "En retard" in after


def test_the_past_register_list_judges_the_review_at_that_date(manager_client):
    _in_force_since_january_2024(date(2024, 3, 1))
    url = reverse("register:list")
    badge = "Revue en retard</span>"
    assert badge not in manager_client.get(url, {"date": "2024-02-01"}).content.decode()
    assert badge in manager_client.get(url, {"date": "2024-03-02"}).content.decode()


def test_the_overdue_filter_and_the_badge_agree_on_archived_fiches(manager_client):
    late = timezone.localdate() - timedelta(days=1)
    make_treatment(name="Archivée", status=TreatmentStatus.ARCHIVED, next_review_date=late, lines=False)
    kept = make_treatment(name="En vigueur", status=TreatmentStatus.IN_FORCE, next_review_date=late, lines=False)
    assert [t.pk for t in RegisterScope(status="all", overdue=True).treatments()] == [kept.pk]
    assert list(Treatment.objects.review_overdue()) == [kept]
    page = manager_client.get(reverse("register:list"), {"status": "all"}).content.decode()
    assert page.count("Revue en retard</span>") == 1
