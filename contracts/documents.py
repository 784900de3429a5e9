"""What a contract's document may be: capped in size, its type read from its content.

As for incident attachments, a name says nothing about a file: each accepted extension names
the signature its content must start with (register.uploads.checked_upload_type).
"""

from pathlib import Path

from django.utils.translation import gettext as _

from register.uploads import checked_upload_type

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024  # a signed contract with its annexes, scanned
MAX_DOCUMENT_LABEL = "10 Mo"
ZIP = b"PK\x03\x04"  # ODT and DOCX are zip archives
# extension → (kind shown to the user, MIME type served, signature the content starts with)
ACCEPTED = {
    ".pdf": ("PDF", "application/pdf", b"%PDF-"),
    ".odt": ("ODT", "application/vnd.oasis.opendocument.text", ZIP),
    ".docx": ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
}
ACCEPTED_LABEL = "PDF, ODT, DOCX"


def too_large_message():
    return _("Le document dépasse %(size)s : rien n'a été enregistré.") % {"size": MAX_DOCUMENT_LABEL}


def content_type_of(name):
    return ACCEPTED.get(Path(name).suffix.lower(), (None, "application/octet-stream", None))[1]


def _refused_type(name):
    return _("« %(name)s » : ce type de fichier n'est pas accepté. Documents acceptés : %(accepted)s.") % {
        "name": name,
        "accepted": ACCEPTED_LABEL,
    }


def check_document(upload):
    """Refuse (ValidationError) an upload that is too large or whose content is not its extension's."""
    checked_upload_type(upload, ACCEPTED, MAX_DOCUMENT_BYTES, refused_type=_refused_type, too_large=too_large_message)
