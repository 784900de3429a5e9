"""The request register's PDF and ODS, built by register.exports' shared blocks.

Each builder takes the requests (as the list filtered them) and returns (filename, mimetype,
bytes): the download view and the tests use the same functions.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from register.cnil import MIMETYPE as ODS_MIMETYPE
from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.exports.odf_writer import Cell, Sheet, build_spreadsheet
from register.models import Organisation

TEMPLATE = "rights/exports/request_register.html"


def _filename(extension):
    return f"registre-demandes-droits-{timezone.localdate().isoformat()}.{extension}"


def request_rows(requests, today=None):
    """(request, its fiches as text, where it stands) for each request, in the list's order."""
    today = today or timezone.localdate()
    return [
        (
            subject_request,
            ", ".join(fiche.reference for fiche in subject_request.treatments.all()),
            _standing(subject_request, today),
        )
        for subject_request in requests
    ]


def _standing(subject_request, today):
    if subject_request.is_closed:
        text = subject_request.get_status_display()
        if subject_request.answered_on:
            text += " — " + _("le %(day)s") % {"day": subject_request.answered_on.strftime("%d/%m/%Y")}
        return text + (" — " + _("hors délai") if subject_request.was_answered_late else "")
    return f"{subject_request.get_status_display()} — {subject_request.countdown(today)}"


def _title():
    return _("Registre des demandes d'exercice des droits (art. 12 à 22 du RGPD)")


def build_request_register_pdf(requests, *, generated_by=""):
    organisation = Organisation.objects.own()
    context = {
        "title": _title(),
        "rows": request_rows(requests),
        "organisation_name": organisation.name if organisation else "",
        "generated_by": generated_by,
        "extracted_at": timezone.now(),
    }
    return _filename("pdf"), PDF_MIMETYPE, html_to_pdf(render_to_string(TEMPLATE, context))


COLUMNS = (
    (_("Référence"), 2.4),
    (_("Droit"), 4),
    (_("Personne"), 4),
    (_("Canal"), 2.6),
    (_("Reçue le"), 2.6),
    (_("Fiches"), 3),
    (_("À répondre avant le"), 3),
    (_("Prolongation"), 5),
    (_("Transmise au client le"), 3),
    (_("Situation"), 5),
)


def build_request_register_ods(requests, *, generated_by=""):
    organisation = Organisation.objects.own()
    sheet = Sheet(_("Demandes"), widths_cm=[width for _label, width in COLUMNS])
    sheet.add_row(Cell(_title(), "title", span=len(COLUMNS)))
    if organisation:
        sheet.add_row(Cell(organisation.name, "muted", span=len(COLUMNS)))
    sheet.add_blank_row()
    sheet.add_row(*(Cell(str(label), "header") for label, _width in COLUMNS))
    for subject_request, fiches, standing in request_rows(requests):
        extension = ""
        if subject_request.extension_months:
            extension = f"{subject_request.get_extension_months_display()} : {subject_request.extension_reason}"
        sheet.add_row(
            subject_request.reference,
            subject_request.get_kind_display(),
            subject_request.person_name,
            subject_request.get_channel_display(),
            Cell(subject_request.received_on, "date"),
            fiches,
            Cell(subject_request.deadline, "date"),
            extension,
            Cell(subject_request.forwarded_on, "date"),
            standing,
        )
    content = build_spreadsheet([sheet], title=_title(), creator=generated_by)
    return _filename("ods"), ODS_MIMETYPE, content


BUILDERS = {"pdf": build_request_register_pdf, "ods": build_request_register_ods}
