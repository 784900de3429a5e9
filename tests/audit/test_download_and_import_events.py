"""Downloads (the register, a fiche, the breach register, a notification draft) and imports
(preview, applied, refused) enter the audit trail with who, what and from where."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from register.exports import build
from register.scopes import RegisterScope
from tests.conftest import make_treatment
from tests.incidents.conftest import make_breach

pytestmark = pytest.mark.django_db


@pytest.fixture
def dpo_http(dpo_user):
    http = Client(REMOTE_ADDR="10.2.3.4", HTTP_USER_AGENT="LibreOffice fan")
    http.force_login(dpo_user)
    return http


def downloads():
    return list(AuditEntry.objects.filter(action=AuditAction.DOWNLOAD).order_by("pk"))


def test_an_ods_download_of_the_register_records_scope_format_and_file(dpo_http):
    make_treatment(name="Prospection")
    response = dpo_http.get(reverse("register:export", args=["ods"]) + "?role=processor")
    assert response.status_code == 200
    [entry] = downloads()
    assert (entry.username, entry.address, entry.user_agent) == ("dpo", "10.2.3.4", "LibreOffice fan")
    assert entry.details["format"] == "ods"
    assert entry.details["filename"] in response["Content-Disposition"]
    assert entry.details["scope"] == RegisterScope(role="processor").describe()
    assert "registre des traitements" in entry.details["document"]


def test_a_pdf_download_of_a_fiche_names_the_fiche(dpo_http):
    treatment = make_treatment()
    assert dpo_http.get(reverse("register:export_fiche", args=[treatment.reference, "pdf"])).status_code == 200
    [entry] = downloads()
    assert entry.details["format"] == "pdf" and treatment.reference in entry.details["document"]


def test_a_refused_export_records_nothing(dpo_http, manager_client):
    assert dpo_http.get(reverse("register:export", args=["ods"]) + "?date=2099-01-01").status_code == 400
    assert downloads() == []


def test_breach_register_and_notification_downloads_are_recorded(dpo_http):
    breach = make_breach()
    assert dpo_http.get(reverse("incidents:breach_export", args=["ods"])).status_code == 200
    assert dpo_http.get(reverse("incidents:notification_pdf", args=[breach.number])).status_code == 200
    documents = [entry.details["document"] for entry in downloads()]
    assert documents[0].startswith("registre des violations")
    assert breach.reference in documents[1]


def test_an_import_preview_then_its_confirmation_are_recorded_with_the_file_and_counts(dpo_http):
    treatment = make_treatment(name="À exporter")
    _name, _type, content = build("ods", RegisterScope())
    treatment.delete()
    upload = SimpleUploadedFile("registre.ods", content)
    assert dpo_http.post(reverse("register:import"), {"file": upload}).status_code == 200
    assert dpo_http.post(reverse("register:import_confirm")).status_code == 302
    [preview] = AuditEntry.objects.filter(action=AuditAction.IMPORT_PREVIEW)
    [applied] = AuditEntry.objects.filter(action=AuditAction.IMPORT_APPLIED)
    assert preview.details["filename"] == applied.details["filename"] == "registre.ods"
    assert (applied.details["created"], applied.details["updated"]) == (1, 0)
    assert applied.username == "dpo" and applied.address == "10.2.3.4"


def test_a_refused_import_is_recorded_with_its_reason(dpo_http):
    upload = SimpleUploadedFile("pas-un-tableur.ods", b"not a zip")
    assert dpo_http.post(reverse("register:import"), {"file": upload}).status_code == 400
    [refused] = AuditEntry.objects.filter(action=AuditAction.IMPORT_REFUSED)
    assert refused.details["filename"] == "pas-un-tableur.ods"
    assert refused.details["errors"]
    assert Path(refused.details["filename"]).suffix == ".ods"
