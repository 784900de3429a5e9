"""The short report any member of staff files, and what it refuses."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from incidents.attachments import MAX_ATTACHMENT_BYTES
from incidents.models import Attachment, Incident
from tests.conftest import make_user, page_text

pytestmark = pytest.mark.django_db
URL = reverse("incidents:report")
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def staff_client(client):
    """A technician: logged in, no role, no register rights."""
    user = make_user("david")
    user.first_name, user.last_name = "David", "Blanc"
    user.save()
    client.force_login(user)
    return client


def report(**fields):
    data = {
        "occurred_at": "20/05/2020 09:00",
        "reporter_role": "Technicien informatique",
        "source_application": "ComPlus",
        "channel": "mobile_json",
        "subject": "Bugs liés au typage des données",
        "message": "Les dates JSON ont le jour et le mois inversés.",
    }
    data.update(fields)
    return data


def test_a_staff_member_without_a_role_reports_an_incident_and_sees_his_report(staff_client, private_media):
    response = staff_client.post(URL, report(attachment=SimpleUploadedFile("capture.pdf", PDF)))

    incident = Incident.objects.get()
    assert response.status_code == 302 and response["Location"] == incident.get_absolute_url()
    assert incident.reporter_name == "David Blanc" and incident.reporter.username == "david"
    assert timezone.localtime(incident.occurred_at).strftime("%d/%m/%Y %H:%M") == "20/05/2020 09:00"
    assert incident.status == "new" and incident.is_breach is None
    attachment = incident.attachments.get()
    assert attachment.content_type == "application/pdf"
    stored = private_media / attachment.file.name
    assert stored.read_bytes() == PDF and "static" not in str(stored)
    page = page_text(staff_client.get(incident.get_absolute_url()))
    assert "Bugs liés au typage des données" in page and "Nouveau" in page
    assert "Qualification" not in page  # the DPO's analysis is not the reporter's to read


def test_a_date_alone_is_accepted_when_the_time_is_not_known(staff_client):
    staff_client.post(URL, report(occurred_at="20/05/2020"))

    assert timezone.localtime(Incident.objects.get().occurred_at).strftime("%d/%m/%Y %H:%M") == "20/05/2020 00:00"


def test_a_future_occurrence_date_is_refused_and_nothing_is_written(staff_client):
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")

    response = staff_client.post(URL, report(occurred_at=tomorrow))

    assert response.status_code == 400
    assert "Cette date est dans le futur" in page_text(response)
    assert not Incident.objects.exists()


def test_an_ambiguous_or_american_date_is_refused_not_guessed(staff_client):
    response = staff_client.post(URL, report(occurred_at="05/20/2020"))

    assert response.status_code == 400
    assert "JJ/MM/AAAA HH:MM" in page_text(response)
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("message", "x" * 5001), ("subject", "x" * 256), ("channel", "fax"), ("reporter_role", "x" * 151)],
)
def test_an_oversized_or_forged_field_is_refused_and_nothing_is_written(staff_client, field, value):
    response = staff_client.post(URL, report(**{field: value}))

    assert response.status_code == 400
    assert "Le signalement n'a pas été enregistré : corrigez les champs signalés." in page_text(response)
    assert not Incident.objects.exists()


def test_an_oversized_attachment_is_refused_and_nothing_is_written(staff_client, private_media):
    big = SimpleUploadedFile("export.pdf", PDF + b"0" * MAX_ATTACHMENT_BYTES)

    response = staff_client.post(URL, report(attachment=big))

    assert response.status_code == 400
    assert "La pièce jointe dépasse 5 Mo : rien n'a été enregistré" in page_text(response)
    assert not Incident.objects.exists() and not Attachment.objects.exists()
    assert not private_media.exists() or not any(private_media.rglob("*.*"))


def test_an_executable_renamed_pdf_is_refused_and_nothing_is_written(staff_client, private_media):
    disguised = SimpleUploadedFile("facture.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200)

    response = staff_client.post(URL, report(attachment=disguised))

    assert response.status_code == 400
    assert "« facture.pdf » n'est pas un fichier PDF : son contenu ne correspond pas à son extension" in page_text(
        response
    )
    assert not Incident.objects.exists() and not Attachment.objects.exists()
    assert not private_media.exists() or not any(private_media.rglob("*.*"))


def test_a_file_type_not_accepted_is_refused_by_name(staff_client):
    response = staff_client.post(URL, report(attachment=SimpleUploadedFile("outil.exe", b"MZ\x90\x00")))

    assert response.status_code == 400
    assert "« outil.exe » : ce type de fichier n'est pas accepté" in page_text(response)
    assert not Incident.objects.exists()


def test_binary_content_named_csv_is_refused(staff_client):
    response = staff_client.post(URL, report(attachment=SimpleUploadedFile("export.csv", b"\x89PNG\r\n\x1a\n\x00\x00")))

    assert response.status_code == 400
    assert not Incident.objects.exists()


def test_the_attachment_is_served_to_its_reporter_and_the_dpo_only(staff_client, dpo_user, client, django_user_model):
    staff_client.post(URL, report(attachment=SimpleUploadedFile("capture.pdf", PDF)))
    incident = Incident.objects.get()
    url = reverse("incidents:attachment", args=[incident.number, incident.attachments.get().pk])

    response = staff_client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="capture.pdf"' in response["Content-Disposition"]

    staff_client.force_login(dpo_user)
    assert staff_client.get(url).status_code == 200
    staff_client.force_login(make_user("colleague"))
    assert staff_client.get(url).status_code == 403


def test_every_staff_member_sees_the_report_entry_in_the_menu(staff_client):
    page = staff_client.get(URL)

    assert "Signaler un incident" in page_text(page)
    assert "Registre des violations" not in page_text(page)


def test_the_reporter_does_not_get_the_files_the_dpo_attached(staff_client, dpo_user):
    staff_client.post(URL, report())
    incident = Incident.objects.get()
    dpo_client = Client()
    dpo_client.force_login(dpo_user)
    dpo_client.post(
        reverse("incidents:attachment_add", args=[incident.number]),
        {"attachment-file": SimpleUploadedFile("journal.txt", b"extrait du journal")},
    )
    evidence = incident.attachments.get()

    assert "journal.txt" not in page_text(staff_client.get(incident.get_absolute_url()))
    assert staff_client.get(reverse("incidents:attachment", args=[incident.number, evidence.pk])).status_code == 403
