"""What a contract's document may be: capped in size, its type read from its content.

As for incident attachments (incidents/attachments.py), a name says nothing about a file:
each accepted extension names the signature its content must start with, and a file whose
content does not match is refused before anything is written.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

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


def check_document(upload):
    """Refuse (ValidationError) an upload that is too large or whose content is not its extension's."""
    name = Path(upload.name or "").name
    extension = Path(name).suffix.lower()
    if extension not in ACCEPTED:
        raise ValidationError(
            _("« %(name)s » : ce type de fichier n'est pas accepté. Documents acceptés : %(accepted)s.")
            % {"name": name, "accepted": ACCEPTED_LABEL},
            code="type",
        )
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(too_large_message(), code="size")
    kind, _mimetype, signature = ACCEPTED[extension]
    upload.seek(0)
    start = upload.read(len(signature))
    upload.seek(0)
    if start != signature:
        raise ValidationError(
            _("« %(name)s » n'est pas un fichier %(kind)s : son contenu ne correspond pas à son extension.")
            % {"name": name, "kind": kind},
            code="content",
        )
