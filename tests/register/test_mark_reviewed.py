"""« Marquer comme revue »: the review is stamped and the next one set a year later."""

import datetime

import pytest
from django.utils import timezone

from register import lifecycle
from tests.conftest import make_treatment, page_html
from tests.register.actions import url

pytestmark = pytest.mark.django_db


def test_mark_as_reviewed_stamps_the_review_and_sets_the_next_one_a_year_later(dpo_client, treatment):
    response = dpo_client.post(url("mark_reviewed", treatment), follow=True)
    treatment.refresh_from_db()
    today = timezone.localdate()
    assert timezone.localdate(treatment.last_reviewed_at) == today
    assert treatment.next_review_date == lifecycle_next_year(today)
    assert f"Prochaine revue le {treatment.next_review_date:%d/%m/%Y}." in page_html(response)
    assert treatment.version == 2


def lifecycle_next_year(day):
    from register.models import add_months

    return add_months(day, 12)


def test_review_on_29_february_falls_on_28_february():
    treatment = make_treatment(lines=False)
    when = timezone.make_aware(datetime.datetime(2028, 2, 29, 10, 0))
    assert lifecycle.mark_reviewed(treatment, when).next_review_date == datetime.date(2029, 2, 28)


def test_archived_fiche_cannot_be_marked_reviewed(dpo_client):
    treatment = make_treatment(status="archived")
    response = dpo_client.post(url("mark_reviewed", treatment))
    assert response.status_code == 409 and "restaurez-la d'abord" in page_html(response)
    treatment.refresh_from_db()
    assert treatment.last_reviewed_at is None
