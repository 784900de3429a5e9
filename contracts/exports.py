"""The contracts' register (art. 28) as PDF and ODS, built by register.exports' shared blocks.

Each builder takes the contracts to show and returns (filename, mimetype, bytes): the download
view, the tests and any command use the same functions.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from register.cnil import MIMETYPE as ODS_MIMETYPE
from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.exports.odf_writer import Cell, Sheet, build_spreadsheet
from register.models import Organisation

TEMPLATE = "contracts/exports/contract_register.html"


def export_filename(extension):
    return f"contrats-sous-traitance-{timezone.localdate().isoformat()}.{extension}"


def _day(day):
    return day.strftime("%d/%m/%Y") if day else ""


def contract_rows(contracts, on=None):
    """(contract, status, checked clauses, unchecked clauses) in list order."""
    on = on or timezone.localdate()
    return [(contract, contract.status_on(on)) for contract in contracts]


def _title():
    return _("Contrats de sous-traitance (art. 28 du RGPD)")


def build_contracts_pdf(contracts, *, generated_by=""):
    organisation = Organisation.objects.own()
    context = {
        "title": _title(),
        "rows": contract_rows(contracts),
        "organisation_name": organisation.name if organisation else "",
        "generated_by": generated_by,
        "extracted_at": timezone.now(),
    }
    return export_filename("pdf"), PDF_MIMETYPE, html_to_pdf(render_to_string(TEMPLATE, context))


COLUMNS = (
    (_("Référence"), 2.2),
    (_("Organisation"), 4),
    (_("Sens"), 4),
    (_("Objet"), 6),
    (_("Date d'effet"), 2.6),
    (_("Date de fin"), 2.6),
    (_("Prochaine revue"), 2.6),
    (_("Clauses art. 28(3) à vérifier"), 7),
    (_("DPO"), 4),
    (_("Lieux et transferts"), 6),
    (_("Sous-traitants ultérieurs"), 6),
    (_("Statut"), 5),
)


def build_contracts_ods(contracts, *, generated_by=""):
    organisation = Organisation.objects.own()
    sheet = Sheet(_("Contrats"), widths_cm=[width for _label, width in COLUMNS])
    sheet.add_row(Cell(_title(), "title", span=len(COLUMNS)))
    if organisation:
        sheet.add_row(Cell(organisation.name, "muted", span=len(COLUMNS)))
    sheet.add_blank_row()
    sheet.add_row(*(Cell(str(label), "header") for label, _width in COLUMNS))
    for contract, status in contract_rows(contracts):
        dpo = contract.organisation.dpo
        places = [contract.locations] + [
            f"{transfer.recipient} ({transfer.country}) : {transfer.safeguard or _('sans garantie')}"
            for transfer in contract.transfers.all()
        ]
        subs = [f"{sub.name} — {sub.get_authorisation_display()}" for sub in contract.sub_processors.all()]
        sheet.add_row(
            contract.reference,
            contract.organisation.name,
            contract.get_direction_display(),
            contract.title,
            _day(contract.start_date),
            _day(contract.end_date),
            _day(contract.next_review_date),
            "\n".join(str(clause.label) for clause in contract.unchecked_clauses),
            f"{dpo.name} {dpo.email}".strip() if dpo else "",
            "\n".join(part for part in places if part),
            "\n".join(subs),
            status,
        )
    content = build_spreadsheet([sheet], title=_title(), creator=generated_by)
    return export_filename("ods"), ODS_MIMETYPE, content


BUILDERS = {"pdf": build_contracts_pdf, "ods": build_contracts_ods}
