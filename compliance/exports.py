"""The findings of the register as PDF and ODS, built with the register's shared blocks
(register/exports/: document_filename, the ODS writer, the PDF renderer and its vendored
font). Each builder takes a findings.FindingsReport and returns (filename, mimetype, bytes):
the download views and the tests call the same functions.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.cnil import MIMETYPE as ODS_MIMETYPE
from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.exports.filenames import ROLE_SLUGS, document_filename
from register.exports.odf_writer import Cell, Sheet, build_spreadsheet
from register.models import Organisation

from .score import FORMULA

TEMPLATE = "compliance/exports/findings.html"
COLUMNS = (  # (heading, ODS width in cm)
    (gettext_lazy("Gravité"), 2.6),
    (gettext_lazy("Sujet"), 2.6),
    (gettext_lazy("Référence"), 3.2),
    (gettext_lazy("Intitulé"), 6),
    (gettext_lazy("Constat"), 9),
    (gettext_lazy("Article ou référence"), 3.5),
    (gettext_lazy("Correction"), 7),
    (gettext_lazy("Règle"), 5),
)


def findings_filename(report, extension, *, organisation=None, extracted_at=None):
    """constats-<organisation>-<what the filters keep>-<day>.<extension>, e.g.
    constats-centrecall-blocking-2026-12-04.pdf; constats-centrecall-complet-… unfiltered."""
    scope = report.scope
    parts = [
        scope.severity,
        scope.kind,
        ROLE_SLUGS.get(scope.role, ""),
        scope.client.name if scope.client else "",
        scope.rule,
        "selection" if scope.q else "",
    ]
    if not any(parts):
        parts = ["complet"]
    return document_filename(
        "constats", organisation.name if organisation else "", *parts, extension=extension, extracted_at=extracted_at
    )


def _title():
    return _("Constats de conformité du registre")


def build_findings_pdf(report, *, generated_by=""):
    extracted_at = timezone.now().replace(microsecond=0)
    organisation = Organisation.objects.own()
    context = {
        "title": _title(),
        "report": report,
        "scope_sentence": report.scope.describe(),
        "formula": FORMULA,
        "organisation_name": organisation.name if organisation else "",
        "generated_by": generated_by,
        "extracted_at": extracted_at,
    }
    content = html_to_pdf(render_to_string(TEMPLATE, context))
    filename = findings_filename(report, "pdf", organisation=organisation, extracted_at=extracted_at)
    return filename, PDF_MIMETYPE, content


def build_findings_ods(report, *, generated_by=""):
    extracted_at = timezone.now()
    organisation = Organisation.objects.own()
    widths = [width for _heading, width in COLUMNS]
    span = len(widths)
    sheet = Sheet(_("Constats"), widths_cm=widths)
    sheet.add_row(Cell(_title(), "title", span=span))
    sheet.add_row(Cell(str(report.scope.describe()).capitalize(), "muted", span=span))
    counts = " · ".join(f"{label} : {count}" for _severity, label, count in report.count_list)
    sheet.add_row(Cell(counts, "muted", span=span))
    score = report.register_score
    if score is not None:
        sheet.add_row(Cell(_("Score du registre : %(score)s / 100") % {"score": score}, "muted", span=span))
    sheet.add_row(Cell(str(FORMULA), "muted", span=span))
    sheet.add_blank_row()
    sheet.add_row(*(Cell(str(heading), "header") for heading, _width in COLUMNS))
    for row in report.rows:
        finding = row.finding
        sheet.add_row(
            str(finding.severity_label),
            str(row.kind_label),
            row.reference,
            finding.subject_label,
            str(finding.message),
            str(finding.article),
            str(finding.fix),
            str(row.rule_label),
        )
    if report.fiche_scores:
        scores = Sheet(_("Scores des fiches"), widths_cm=[3, 9, 3, 3, 3, 2.5, 2.5, 2.5])
        scores.add_row(Cell(_("Score de conformité des fiches"), "title", span=8))
        scores.add_row(Cell(str(FORMULA), "muted", span=8))
        scores.add_blank_row()
        headings = (
            _("Référence"),
            _("Fiche"),
            _("Score"),
            _("Complétude (%)"),
            _("Note des constats"),
            _("Bloquants"),
            _("À corriger"),
            _("Conseils"),
        )
        scores.add_row(*(Cell(heading, "header") for heading in headings))
        for entry in report.fiche_scores:
            score = entry.score
            scores.add_row(
                entry.treatment.reference,
                entry.treatment.name,
                str(score.value),
                str(score.completeness),
                str(score.findings_mark),
                str(score.blocking),
                str(score.warning),
                str(score.advice),
            )
        sheets = [sheet, scores]
    else:
        sheets = [sheet]
    content = build_spreadsheet(sheets, title=_title(), creator=generated_by)
    filename = findings_filename(report, "ods", organisation=organisation, extracted_at=extracted_at)
    return filename, ODS_MIMETYPE, content


BUILDERS = {"pdf": build_findings_pdf, "ods": build_findings_ods}
