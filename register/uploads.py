"""The upload size cap, installed per view that takes uploads (not for the whole site).

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

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
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
