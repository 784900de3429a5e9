"""Uploads: the size cap, installed per view that takes uploads (not for the whole site), and
what a file is, read from its content (`checked_upload_type`).

The size cap:

Django would otherwise write the whole upload to memory or a temporary file before the
view could look at its size. `SizeCapUploadHandler` goes first in the request's handlers:
past the cap the rest of the body is read and dropped, the file is left out of
request.FILES and `request.upload_too_large` tells the view why.

Handlers can only change before anything reads request.POST, and CsrfViewMiddleware reads
it before the view runs: so `upload_size_cap` exempts the view from the middleware,
installs the handler, then applies the CSRF check itself (Django's documentation,
"Modifying upload handlers on the fly").
"""

import functools
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect


class SizeCapUploadHandler(FileUploadHandler):
    def __init__(self, request, max_bytes):
        super().__init__(request)
        self.max_bytes = max_bytes

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.max_bytes:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handlers keep the file


def upload_size_cap(max_bytes):
    """Decorate a view whose uploads may weigh `max_bytes` at most."""

    def decorator(view):
        protected = csrf_protect(view)

        @csrf_exempt
        @functools.wraps(view)
        def capped(request, *args, **kwargs):
            request.upload_too_large = False
            request.upload_handlers.insert(0, SizeCapUploadHandler(request, max_bytes))
            return protected(request, *args, **kwargs)

        return capped

    return decorator


# --- What an uploaded file is: read from its content, never from its name ----------------------

TEXT_SAMPLE_BYTES = 64 * 1024


def _is_text(sample):
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may cut a multi-byte character at its end: only that is forgiven.
        return error.start >= len(sample) - 3 and len(sample) == TEXT_SAMPLE_BYTES
    return True


def checked_upload_type(upload, accepted, max_bytes, *, refused_type, too_large):
    """The MIME type of `upload` (an UploadedFile) read from its content, or a ValidationError.

    `accepted` maps each extension to (kind shown to the user, MIME type served, the signature
    the content starts with — None for UTF-8 text without NUL bytes): an executable renamed
    « capture.pdf » is still an executable. `refused_type(name)` and `too_large()` are the
    caller's own messages (an incident's attachment, a contract's document)."""
    name = Path(upload.name or "").name
    extension = Path(name).suffix.lower()
    if extension not in accepted:
        raise ValidationError(refused_type(name), code="type")
    if upload.size > max_bytes:
        raise ValidationError(too_large(), code="size")
    kind, content_type, signature = accepted[extension]
    upload.seek(0)
    sample = upload.read(TEXT_SAMPLE_BYTES)
    upload.seek(0)
    matches = sample.startswith(signature) if signature else _is_text(sample)
    if not sample or not matches:
        raise ValidationError(
            _(
                "« %(name)s » n'est pas un fichier %(kind)s : son contenu ne correspond pas à son extension. "
                "Rien n'a été enregistré."
            )
            % {"name": name, "kind": kind},
            code="content",
        )
    return content_type
