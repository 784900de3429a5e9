"""What an incident attachment may be: capped in size, its type read from its content.

A name says nothing about a file: an executable renamed « capture.pdf » is still an
executable. Each accepted extension names the content it must have (a signature for
binary formats, valid UTF-8 without NUL bytes for text), and a file whose content does
not match is refused before anything is written.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.uploads import checked_upload_type

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024  # screenshots, exports, e-mails as PDF: 5 Mo is plenty
MAX_ATTACHMENT_LABEL = "5 Mo"

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


def _refused_type(name):
    return _("« %(name)s » : ce type de fichier n'est pas accepté. Pièces acceptées : %(accepted)s.") % {
        "name": name,
        "accepted": ACCEPTED_LABEL,
    }


def checked_content_type(upload):
    """The MIME type of `upload` (an UploadedFile) read from its content, or a ValidationError."""
    return checked_upload_type(
        upload, ACCEPTED, MAX_ATTACHMENT_BYTES, refused_type=_refused_type, too_large=too_large_message
    )
