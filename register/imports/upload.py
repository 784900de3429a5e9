"""An upload handler that stops keeping a file once it passes the import's size cap.

Django would otherwise write the whole upload to memory or a temporary file before the
view could look at its size. Past the cap the rest of the body is read and dropped, the
file is left out of request.FILES and `request.upload_too_large` tells the view why.
"""

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from .odf_reader import MAX_UPLOAD_BYTES


class SizeCapUploadHandler(FileUploadHandler):
    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > MAX_UPLOAD_BYTES:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handlers keep the file
