"""The journal page: filters by user, action and days, 50 entries a page in a fixed number of
queries, clear French errors for bad dates, the retention stated, and its ODS export."""

import io
import zipfile
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from tests.conftest import page_text

pytestmark = pytest.mark.django_db

URL = reverse("audit:journal")


def at(day, hour=12):
    return timezone.make_aware(datetime(2026, 3, day, hour))


@pytest.fixture
def entries(db):
    AuditEntry.objects.all()._raw_delete(AuditEntry.objects.db)  # the fixtures' own users' entries
    AuditEntry.objects.create(action=AuditAction.LOGIN, username="dpo", at=at(1), summary="Connexion réussie")
    AuditEntry.objects.create(action=AuditAction.LOGIN_FAILED, username="intrus", at=at(2), address="203.0.113.5")
    AuditEntry.objects.create(action=AuditAction.DOWNLOAD, username="auditor", at=at(3, 23), summary="registre (ODS)")


def usernames(response):
    return [entry.username for entry in response.context["page"].object_list]


def test_without_filters_every_entry_newest_first(auditor_client, entries):
    response = auditor_client.get(URL)
    assert response.status_code == 200
    assert usernames(response)[-3:] == ["auditor", "intrus", "dpo"]


def test_filter_by_user_action_and_days(auditor_client, entries):
    assert usernames(auditor_client.get(URL, {"user": "INTRUS"})) == ["intrus"]
    assert usernames(auditor_client.get(URL, {"action": "login"})) == ["dpo"]
    assert usernames(auditor_client.get(URL, {"start": "02/03/2026", "end": "03/03/2026"})) == ["auditor", "intrus"]
    assert usernames(auditor_client.get(URL, {"end": "01/03/2026"})) == ["dpo"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "31/02/2026"}, "Du : « 31/02/2026 » n'existe pas dans le calendrier"),
        ({"end": "5/6/20"}, "Au : Saisissez la date au format JJ/MM/AAAA"),
        ({"start": "04/03/2026", "end": "01/03/2026"}, "la date de début doit précéder la date de fin"),
        ({"action": "hack"}, "« hack » n'est pas une action du journal"),
    ],
)
def test_bad_filters_get_a_clear_french_error(auditor_client, entries, query, message):
    response = auditor_client.get(URL, query)
    assert response.status_code == 400
    assert message in page_text(response)


def test_the_page_states_the_retention(auditor_client, settings, entries):
    settings.AUDIT_RETENTION_DAYS = 200
    text = page_text(auditor_client.get(URL))
    assert "conservée 200 jours" in text and "six mois à un an" in text


def test_fifty_entries_a_page_in_the_same_number_of_queries(auditor_client, entries, django_assert_num_queries):
    auditor_client.get(URL)  # session and permissions, as on any later page
    with django_assert_num_queries(6) as small:
        auditor_client.get(URL)
    AuditEntry.objects.bulk_create(
        AuditEntry(action=AuditAction.LOGIN, username=f"u{n}", at=at(5) + timedelta(minutes=n)) for n in range(120)
    )
    with django_assert_num_queries(len(small.captured_queries)):
        response = auditor_client.get(URL)
    assert len(response.context["page"].object_list) == 50
    assert response.context["page"].paginator.num_pages == 3
    assert usernames(auditor_client.get(URL, {"page": 3}))[-1] == "dpo"


def test_the_ods_export_holds_the_filtered_entries(auditor_client, entries):
    response = auditor_client.get(reverse("audit:export"), {"action": "login_failed"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    assert "journal-audit-" in response["Content-Disposition"]
    content = zipfile.ZipFile(io.BytesIO(response.content)).read("content.xml").decode()
    assert "intrus" in content and "203.0.113.5" in content and "02/03/2026 12:00:00" in content
    assert "Échec de connexion" in content
    assert ">dpo<" not in content  # another action
    assert AuditEntry.objects.filter(action=AuditAction.DOWNLOAD, details__document="journal d'audit").count() == 1
