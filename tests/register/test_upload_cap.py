"""The upload size cap is installed by the views that take uploads, and drops a file as it arrives."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from register.imports.odf_reader import MAX_UPLOAD_BYTES
from register.uploads import upload_size_cap

pytestmark = pytest.mark.django_db

URL = reverse("register:import")


def plain_view(request):
    request.POST  # noqa: B018
    return HttpResponse(str({name: upload.size for name, upload in request.FILES.items()}))


def test_an_oversized_import_is_dropped_as_it_arrives(dpo_client, monkeypatch):
    kept = []  # bytes written to the temporary file (a body over 11 MB skips the memory handler)
    original = TemporaryFileUploadHandler.receive_data_chunk

    def counting(self, raw_data, start):
        kept.append(len(raw_data))
        return original(self, raw_data, start)

    monkeypatch.setattr(TemporaryFileUploadHandler, "receive_data_chunk", counting)
    upload = SimpleUploadedFile("registre.ods", b"PK" + bytes(12 * 1024 * 1024))

    response = dpo_client.post(URL, {"file": upload})

    assert response.status_code == 400
    assert "Le fichier dépasse 10 Mo" in response.content.decode()
    assert 0 < sum(kept) <= MAX_UPLOAD_BYTES  # the file was being kept, and never past the cap


def test_the_cap_is_the_decorated_views_only():
    def file_request():
        return RequestFactory().post("/", {"file": SimpleUploadedFile("big.bin", bytes(4096))})

    capped = upload_size_cap(1024)(plain_view)
    request = file_request()
    request._dont_enforce_csrf_checks = True
    capped(request)
    assert request.upload_too_large and "file" not in request.FILES

    request = file_request()
    assert plain_view(request).content == b"{'file': 4096}"  # no cap on a view that does not ask for one


def test_the_import_view_still_checks_the_csrf_token(dpo_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(dpo_user)
    response = client.post(URL, {"file": SimpleUploadedFile("registre.ods", b"PK")})
    assert response.status_code == 403
