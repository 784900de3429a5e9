"""The letters to the person, written from the request: acknowledgement, extension, answer, refusal.

A letter says only what the request records. What it would need and the request lacks is
listed (`missing`) and left as a visible blank in the letter, never made up: the DPO
completes the request, then prints the letter again.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.models import Organisation

from .choices import RequestStatus

TEMPLATE = "rights/exports/letter.html"


@dataclass(frozen=True)
class LetterKind:
    slug: str  # in the URL
    title: object  # lazily translated
    needs: tuple  # (model field, what the letter says with it)


LETTERS = {
    kind.slug: kind
    for kind in (
        LetterKind(
            "accuse-reception",
            gettext_lazy("Accusé de réception"),
            (
                ("person_name", gettext_lazy("nom de la personne")),
                ("person_contact", gettext_lazy("adresse de réponse")),
            ),
        ),
        LetterKind(
            "prolongation",
            gettext_lazy("Prolongation du délai de réponse"),
            (
                ("person_name", gettext_lazy("nom de la personne")),
                ("person_contact", gettext_lazy("adresse de réponse")),
                ("extension_months", gettext_lazy("durée de la prolongation")),
                ("extension_reason", gettext_lazy("motif de la prolongation")),
            ),
        ),
        LetterKind(
            "reponse",
            gettext_lazy("Réponse à la demande"),
            (
                ("person_name", gettext_lazy("nom de la personne")),
                ("person_contact", gettext_lazy("adresse de réponse")),
                ("answer", gettext_lazy("réponse")),
                ("answered_on", gettext_lazy("date de la réponse")),
            ),
        ),
        LetterKind(
            "refus",
            gettext_lazy("Refus de donner suite"),
            (
                ("person_name", gettext_lazy("nom de la personne")),
                ("person_contact", gettext_lazy("adresse de réponse")),
                ("refusal_reason", gettext_lazy("motif du refus")),
                ("answered_on", gettext_lazy("date de la réponse")),
            ),
        ),
    )
}


def missing_items(subject_request, letter):
    """What `letter` needs that the request does not record, in French, in the letter's order."""
    missing = [str(label) for name, label in letter.needs if not _recorded(getattr(subject_request, name))]
    if letter.slug == "reponse" and subject_request.status == RequestStatus.REFUSED:
        missing.append(_("la demande est refusée : imprimez la lettre de refus"))
    return missing


def _recorded(value):
    return bool(value.strip()) if isinstance(value, str) else value is not None


def letter_filename(subject_request, letter):
    return f"{subject_request.reference}-{slugify(str(letter.title))}-{timezone.localdate().isoformat()}.pdf"


def build_letter_pdf(subject_request, letter):
    """(filename, mimetype, bytes) of `letter` about `subject_request`."""
    organisation = Organisation.objects.own()
    context = {
        "subject_request": subject_request,
        "letter": letter,
        "missing": missing_items(subject_request, letter),
        "organisation": organisation,
        "dpo": organisation.dpo if organisation is not None else None,
        "today": timezone.localdate(),
    }
    html = render_to_string(TEMPLATE, context)
    return letter_filename(subject_request, letter), PDF_MIMETYPE, html_to_pdf(html)
