"""Headers every response carries: no cached copy of a signed-in page, no device features, the
Content-Security-Policy."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from incidents.models import Attachment
from tests.conftest import make_treatment
from tests.incidents.conftest import make_breach

pytestmark = pytest.mark.django_db


def _no_store(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


@pytest.fixture
def attachment(settings, tmp_path, dpo_user):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    attachment = Attachment(
        incident=make_breach(reporter=dpo_user),
        original_name="note.txt",
        content_type="text/plain",
        size=5,
        uploaded_by=dpo_user,
    )
    attachment.file.save("note.txt", SimpleUploadedFile("note.txt", b"notes"), save=False)
    attachment.save()
    return attachment


def test_pages_exports_and_attachments_for_a_signed_in_user_are_never_stored(dpo_client, attachment):
    fiche = make_treatment()
    urls = [
        reverse("register:list"),
        fiche.get_absolute_url(),
        reverse("register:edit", args=[fiche.reference]),
        reverse("register:export", args=["ods"]),
        reverse("register:export_fiche", args=[fiche.reference, "pdf"]),
        reverse("incidents:list"),
        reverse("incidents:report"),
        reverse("incidents:attachment", args=[attachment.incident.number, attachment.pk]),
        reverse("admin:register_treatment_change", args=[fiche.pk]),
    ]
    for url in urls:
        response = dpo_client.get(url)
        assert response.status_code == 200, url
        assert _no_store(response), (url, response.get("Cache-Control"))


def test_static_files_keep_their_own_cache_headers_for_a_signed_in_user(dpo_client):
    # Static files are answered by whitenoise before the session is read: not private.
    response = dpo_client.get("/static/css/app.css")
    assert response.status_code == 200
    assert not _no_store(response)


def test_every_response_forbids_camera_microphone_geolocation_payment_and_usb(client, dpo_client):
    for response in (client.get(reverse("login")), dpo_client.get(reverse("register:list"))):
        policy = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert policy[feature] == "()"


def test_pages_carry_the_content_security_policy_of_the_settings_with_nothing_inline(dpo_client, settings):
    settings.DEBUG = False  # django-csp leaves debug 404 pages alone; the site's own 404 carries it
    expected = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"] == expected
    for response in (
        Client().get(reverse("login")),  # anonymous
        dpo_client.get(reverse("register:list")),
        dpo_client.get("/registre/ZZZ-404/"),
        dpo_client.get(reverse("admin:index")),
    ):
        header = response["Content-Security-Policy"]
        directives = {name: values for name, *values in (part.split() for part in header.split(";"))}
        assert directives == expected, header
        assert "unsafe-inline" not in header
