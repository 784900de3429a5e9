"""The request register's PDF and ODS: the list as filtered, from the same rows."""

import html
import io
import re
import zipfile
from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from rights.choices import Extension, RequestKind, RequestStatus
from rights.exports import build_request_register_ods, build_request_register_pdf
from rights.models import DataSubjectRequest
from tests.conftest import make_treatment
from tests.pdfs import pdf_text
from tests.rights.conftest import make_request

pytestmark = pytest.mark.django_db


def ods_text(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("content.xml").decode()
    return html.unescape(re.sub(r"<[^>]+>", "\n", xml))


def two_requests():
    fiche = make_treatment(reference="T-060")
    extended = make_request(
        received_on=date(2026, 1, 31),
        kind=RequestKind.OBJECTION,
        person_name="Claire Dubois",
        extension_months=Extension.TWO_MONTHS,
        extension_reason="Volume des enregistrements",
        extension_notified_on=date(2026, 2, 20),
        status=RequestStatus.ANSWERED,
        answered_on=date(2026, 4, 14),
        treatments=[fiche],
    )
    on_time = make_request(person_name="Julien Moreau", status=RequestStatus.ANSWERED, answered_on=date(2026, 3, 24))
    return extended, on_time


def test_the_ods_lists_each_request_with_its_deadline_and_extension():
    extended, on_time = two_requests()
    filename, mimetype, content = build_request_register_ods(DataSubjectRequest.objects.for_pages())
    text = ods_text(content)
    assert filename.endswith(".ods") and mimetype == "application/vnd.oasis.opendocument.spreadsheet"
    assert "Claire Dubois" in text and "Julien Moreau" in text
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert 'office:date-value="2026-04-30"' in archive.read("content.xml").decode()  # the extended deadline
    assert "Deux mois de plus : Volume des enregistrements" in text
    assert "Répondue — le 14/04/2026" in text


def test_the_pdf_register_shows_the_same_rows():
    two_requests()
    text = pdf_text(build_request_register_pdf(DataSubjectRequest.objects.for_pages())[2])
    assert "Registre des demandes d'exercice des droits" in text
    assert "Claire Dubois" in text and "30/04/2026" in text and "T-060" in text


def test_the_export_follows_the_list_filters_and_is_recorded(manager_client):
    two_requests()
    response = manager_client.get(reverse("rights:export", args=["ods"]), {"kind": "objection"})
    assert response.status_code == 200
    text = ods_text(response.content)
    assert "Claire Dubois" in text and "Julien Moreau" not in text
    entry = AuditEntry.objects.latest("pk")
    assert entry.details["document"] == "registre des demandes de droits" and entry.details["scope"] == "kind=objection"
