"""The breach register's PDF and ODS, built by register.exports' shared blocks.

Each builder takes a BreachRegisterScope and returns (filename, mimetype, bytes): the
download view, the tests and any command use the same functions.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from register.cnil import MIMETYPE as ODS_MIMETYPE
from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.exports.odf_writer import Cell, Sheet, build_spreadsheet
from register.models import Organisation

TEMPLATE = "incidents/exports/breach_register.html"


def export_filename(scope, extension, organisation=None):
    parts = [
        "registre-violations",
        slugify(organisation.name) if organisation else "",
        f"etat-{scope.as_of.isoformat()}" if scope.as_of else "",
        timezone.localdate().isoformat(),
    ]
    return "-".join(part for part in parts if part) + f".{extension}"


def breach_rows(scope):
    """(breach, its remedial actions as text, its notification status) in register order."""
    moment = scope.moment
    rows = []
    for breach in scope.breaches():
        actions = "\n".join(
            action.description + (f" ({action.owner})" if action.owner else "")
            for action in breach.corrective_actions.all()
        )
        rows.append((breach, actions, breach.notification_status(moment)))
    return rows


def _title(scope):
    title = _("Registre des violations de données personnelles (art. 33(5) du RGPD)")
    if scope.as_of:
        title += " — " + _("état au %(date)s") % {"date": scope.as_of.strftime("%d/%m/%Y")}
    return title


def build_breach_register_pdf(scope, *, generated_by=""):
    organisation = Organisation.objects.own()
    context = {
        "title": _title(scope),
        "rows": breach_rows(scope),
        "organisation_name": organisation.name if organisation else "",
        "as_of": scope.as_of,
        "generated_by": generated_by,
        "extracted_at": timezone.now(),
    }
    html = render_to_string(TEMPLATE, context)
    return export_filename(scope, "pdf", organisation), PDF_MIMETYPE, html_to_pdf(html)


COLUMNS = (
    (_("Référence"), 2.2),
    (_("Survenue"), 2.6),
    (_("Prise de connaissance"), 3),
    (_("Faits"), 8),
    (_("Nature"), 3),
    (_("Données et personnes"), 6),
    (_("Conséquences probables"), 6),
    (_("Risque"), 3.5),
    (_("Mesures prises"), 7),
    (_("Notification"), 6),
    (_("Communication aux personnes"), 4),
)


def _moment_text(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def build_breach_register_ods(scope, *, generated_by=""):
    organisation = Organisation.objects.own()
    sheet = Sheet(_("Violations"), widths_cm=[width for _label, width in COLUMNS])
    sheet.add_row(Cell(_title(scope), "title", span=len(COLUMNS)))
    if organisation:
        sheet.add_row(Cell(organisation.name, "muted", span=len(COLUMNS)))
    sheet.add_blank_row()
    sheet.add_row(*(Cell(str(label), "header") for label, _width in COLUMNS))
    for breach, actions, status in breach_rows(scope):
        data = [", ".join(category.label for category in breach.data_categories.all()), breach.data_description]
        if breach.persons_description or breach.persons_count is not None:
            data.append(
                _("Personnes : %(who)s (%(count)s)")
                % {
                    "who": breach.persons_description or "—",
                    "count": breach.persons_count if breach.persons_count is not None else "?",
                }
            )
        if breach.records_count is not None:
            data.append(_("Enregistrements : %(count)s") % {"count": breach.records_count})
        sheet.add_row(
            breach.reference,
            _moment_text(breach.occurred_at),
            _moment_text(breach.aware_at),
            f"{breach.subject}\n{breach.message}",
            ", ".join(breach.kinds),
            "\n".join(part for part in data if part),
            breach.consequences,
            breach.get_risk_level_display(),
            actions,
            status,
            breach.get_persons_communication_display(),
        )
    content = build_spreadsheet([sheet], title=_title(scope), creator=generated_by)
    return export_filename(scope, "ods", organisation), ODS_MIMETYPE, content


BUILDERS = {"pdf": build_breach_register_pdf, "ods": build_breach_register_ods}
