"""What an incident attachment may be: capped in size, its type read from its content.

A name says nothing about a file: an executable renamed « capture.pdf » is still an
executable. Each accepted extension names the content it must have (a signature for
binary formats, valid UTF-8 without NUL bytes for text), and a file whose content does
not match is refused before anything is written.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024  # screenshots, exports, e-mails as PDF: 5 Mo is plenty
MAX_ATTACHMENT_LABEL = "5 Mo"
TEXT_SAMPLE_BYTES = 64 * 1024

# extension → (kind shown to the user, MIME type served, signature the content starts with; None for text)
ACCEPTED = {
    ".pdf": ("PDF", "application/pdf", b"%PDF-"),
    ".png": ("PNG", "image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("JPEG", "image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("JPEG", "image/jpeg", b"\xff\xd8\xff"),
    ".txt": (gettext_lazy("texte"), "text/plain", None),
    ".csv": ("CSV", "text/csv", None),
    ".json": ("JSON", "application/json", None),
    ".log": (gettext_lazy("journal"), "text/plain", None),
}
ACCEPTED_LABEL = "PDF, PNG, JPEG, TXT, CSV, JSON, LOG"


def too_large_message():
    return _("La pièce jointe dépasse %(size)s : rien n'a été enregistré. Réduisez-la ou découpez-la.") % {
        "size": MAX_ATTACHMENT_LABEL
    }


def _is_text(sample):
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may cut a multi-byte character at its end: only that is forgiven.
        return error.start >= len(sample) - 3 and len(sample) == TEXT_SAMPLE_BYTES
    return True


def checked_content_type(upload):
    """The MIME type of `upload` (an UploadedFile) read from its content, or a ValidationError."""
    name = Path(upload.name or "").name
    extension = Path(name).suffix.lower()
    if extension not in ACCEPTED:
        raise ValidationError(
            _("« %(name)s » : ce type de fichier n'est pas accepté. Pièces acceptées : %(accepted)s.")
            % {"name": name, "accepted": ACCEPTED_LABEL},
            code="type",
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(too_large_message(), code="size")
    kind, content_type, signature = ACCEPTED[extension]
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
