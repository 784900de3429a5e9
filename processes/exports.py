"""The operations table (PDF and ODS) and the process document (PDF), built with the
register's shared blocks. Each builder takes a Process and returns (filename, mimetype,
bytes): the download views and the tests call the same functions."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from register.cnil import MIMETYPE as ODS_MIMETYPE
from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.exports.filenames import document_filename
from register.exports.odf_writer import Cell, Sheet, build_spreadsheet
from register.models import Organisation

from .diagram import render_svg
from .diagram_source import diagram_source
from .operations_table import COLUMNS, FICHE_HEADING, fiche_cell, headings, operation_rows

OPERATIONS_TEMPLATE = "processes/exports/operations.html"
PROCESS_TEMPLATE = "processes/exports/process.html"


def operations_title(process):
    return _("Tableau des opérations sur des données personnelles — %(process)s") % {"process": process.name}


def _context(process, generated_by):
    organisation = Organisation.objects.own()
    return {
        "process": process,
        "client": process.client,
        "rows": operation_rows(process),
        "headings": headings(),
        "organisation_name": organisation.name if organisation else "",
        "generated_by": generated_by,
        "extracted_at": timezone.now(),
    }


def build_operations_pdf(process, *, generated_by=""):
    context = {**_context(process, generated_by), "title": operations_title(process)}
    content = html_to_pdf(render_to_string(OPERATIONS_TEMPLATE, context))
    return document_filename("processus", process.name, "operations", extension="pdf"), PDF_MIMETYPE, content


def build_operations_ods(process, *, generated_by=""):
    title = operations_title(process)
    widths = [width for _heading, width in COLUMNS] + [6]
    sheet = Sheet(_("Opérations"), widths_cm=widths)
    sheet.add_row(Cell(title, "title", span=len(widths)))
    if process.client_id:
        sheet.add_row(Cell(_("Client : %(client)s") % {"client": process.client}, "muted", span=len(widths)))
    sheet.add_blank_row()
    sheet.add_row(*(Cell(heading, "header") for heading in (*headings(), str(FICHE_HEADING))))
    for row in operation_rows(process):
        sheet.add_row(*row.cells, fiche_cell(row))
    content = build_spreadsheet([sheet], title=title, creator=generated_by)
    return document_filename("processus", process.name, "operations", extension="ods"), ODS_MIMETYPE, content


def inline_diagram(process):
    """The MOT diagram as an <svg> element for the document's HTML (its XML declaration
    dropped): inline, WeasyPrint sets its text in the document's vendored font, as text."""
    return mark_safe(render_svg(diagram_source(process)).split("?>", 1)[1])  # noqa: S308  (our own renderer escapes)


def build_process_pdf(process, *, generated_by=""):
    """The process as a document: header, actors, the MOT diagram, then the operations table."""
    context = {
        **_context(process, generated_by),
        "title": _("Processus — %(process)s") % {"process": process.name},
        "actors": list(process.actors.all()),
        "fiches": list(process.treatments.order_by("reference")),
        "diagram": inline_diagram(process),
    }
    content = html_to_pdf(render_to_string(PROCESS_TEMPLATE, context))
    return document_filename("processus", process.name, extension="pdf"), PDF_MIMETYPE, content


OPERATIONS_BUILDERS = {"pdf": build_operations_pdf, "ods": build_operations_ods}
