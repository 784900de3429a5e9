"""The register as an ODS file in the layout of the CNIL template.

One overview sheet ("Liste des traitements": organisation, DPO and representative
blocks, one row per fiche) and one sheet per fiche in the CNIL fiche layout, plus the
rows the template lacks (legal basis, role, processors…) and a "Listes" sheet with the
accepted values. `register.imports.ods` reads this layout back, by its labels.
"""

import functools

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..choices import (
    Art9Exception,
    ContactRole,
    DataNature,
    DataSource,
    DpiaStatus,
    LegalBasis,
    RetentionEnd,
    TreatmentRole,
    TreatmentStatus,
)
from ..cnil import MIMETYPE, lists
from ..cnil import layout as cnil
from ..models import DataCategoryLine, Organisation
from .filenames import export_filename
from .odf_writer import Cell, Sheet, build_spreadsheet
from .progress import report

FICHE_WIDTHS = [7.5, 4.5, 4.0, 2.6, 3.2, 3.2, 3.2, 4.5, 3.6, 4.5, 3.6, 4.5]
OVERVIEW_WIDTHS = [7.5, 3.0, 3.2, 3.2, 8.0, 2.6, 3.6, 4.0, 3.2]
VALUE_SPAN = 7  # a fiche's values fill columns B to H, as in the template
FORBIDDEN_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]*?:/\\'", "-"))


def build_register_ods(scope, *, generated_by="", progress=None):
    """(filename, mimetype, bytes) of the fiches of `scope` (see register.scopes); `progress(done,
    total)` hears of each fiche written (register.exports.progress)."""
    # The ODS is the CNIL template, which the import reads back by its French labels and
    # list values: it stays in French whatever language the site is read in (the PDF follows it).
    with translation.override("fr"):
        treatments = scope.treatments()
        organisation = Organisation.objects.prefetch_related("contacts").own()
        generated_at = timezone.localtime()
        sheets = [overview_sheet(scope, treatments, organisation, generated_at, generated_by)]
        used_names = {cnil.OVERVIEW_SHEET, cnil.LISTS_SHEET}
        report(progress, 0, len(treatments))
        for done, treatment in enumerate(treatments, 1):
            sheets.append(fiche_sheet(treatment, _sheet_name(treatment, used_names)))
            report(progress, done, len(treatments))
        sheets.append(lists_sheet())
        title = f"{cnil.OVERVIEW_TITLE} — {scope.describe()}"
        content = build_spreadsheet(sheets, title=title, creator=generated_by, created=generated_at)
    return export_filename(scope, "ods", organisation=organisation, extracted_at=generated_at), MIMETYPE, content


def _sheet_name(treatment, used):
    base = f"{treatment.reference} {treatment.name}".translate(FORBIDDEN_IN_SHEET_NAMES).strip()[:31].strip()
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.lower())
    return name


@functools.lru_cache(maxsize=1024)
def _label(choices, value, language):
    """A choice's label, cached: Django's get_FOO_display() re-hashes the whole choice list
    of lazy strings on every call, which dominates the export of a large register."""
    return str(choices(value).label) if value in choices.values else value


def display(choices, value):
    return _label(choices, value, translation.get_language())


@functools.lru_cache(maxsize=4096)
def _retention_text(value, unit, start, start_other, language):
    line = DataCategoryLine(retention_value=value, retention_unit=unit, retention_start=start)
    line.retention_start_other = start_other
    return line.retention_text


def retention_text(line):
    """The line's own `retention_text`, computed once per distinct retention."""
    return _retention_text(
        line.retention_value,
        line.retention_unit,
        line.retention_start,
        line.retention_start_other,
        translation.get_language(),
    )


def _local_date(moment):
    return timezone.localdate(moment) if moment else None


# --- overview -----------------------------------------------------------------------


def overview_sheet(scope, treatments, organisation, generated_at, generated_by):
    sheet = Sheet(cnil.OVERVIEW_SHEET, OVERVIEW_WIDTHS)
    sheet.add_row(Cell(cnil.OVERVIEW_TITLE, "title"))
    sheet.add_row(Cell(cnil.SCOPE, "label"), Cell(scope.describe(), span=4))
    by = f" par {generated_by}" if generated_by else ""
    sheet.add_row(Cell(cnil.GENERATED, "label"), Cell(f"{generated_at:%d/%m/%Y %H:%M}{by}", span=4))
    sheet.add_blank_row()
    sheet.add_row(
        Cell(cnil.ORGANISATION_BLOCK, "section"),
        Cell(cnil.ORGANISATION_NAME, "label"),
        Cell(organisation.name if organisation else "", span=3),
        Cell(cnil.SIREN, "label"),
        Cell(organisation.siren if organisation else "", span=2),
    )
    contact = organisation.contact if organisation else (lambda role: None)
    _person_block(sheet, cnil.RESPONSIBLE_BLOCK, contact(ContactRole.LEGAL_REPRESENTATIVE))
    _person_block(sheet, cnil.REPRESENTATIVE_BLOCK, contact(ContactRole.EU_REPRESENTATIVE))
    _person_block(sheet, cnil.DPO_BLOCK, contact(ContactRole.DPO), dpo=True)
    sheet.add_blank_row()
    sheet.add_row(
        Cell(cnil.IDENTIFICATION, "section", span=4),
        Cell(cnil.PURPOSE_HEADER, "section"),
        Cell(cnil.SENSITIVE_HEADER, "section"),
        Cell("", "section", span=3),
    )
    sheet.add_row(*(Cell(label, "header") for label in cnil.OVERVIEW_COLUMNS))
    for treatment in treatments:
        sheet.add_row(
            treatment.name,
            treatment.reference,
            treatment.created_at,
            _local_date(treatment.updated_at),
            treatment.main_purpose,
            cnil.YES if treatment.has_sensitive_data else cnil.NO,
            display(TreatmentRole, treatment.role),
            treatment.controller.name if treatment.controller else "",
            display(TreatmentStatus, treatment.status),
        )
    return sheet


def _split_name(name):
    """("Marc", "Delorme") from "Marc Delorme": the template asks for first and last name."""
    first, _, last = (name or "").partition(" ")
    return (first, last) if last else ("", first)


def _person_block(sheet, title, contact, *, dpo=False):
    first, last = _split_name(contact.name if contact else "")
    get = (lambda field: getattr(contact, field)) if contact else (lambda field: "")
    third = (cnil.COMPANY, get("company")) if dpo else (cnil.ADDRESS, get("address"))
    fourth = (cnil.ADDRESS, get("address")) if dpo else (cnil.EMAIL, get("email"))
    sheet.add_row(
        Cell(title, "section"),
        Cell(cnil.LAST_NAME, "label"),
        last,
        Cell(cnil.FIRST_NAME, "label"),
        first,
        Cell(third[0], "label"),
        third[1],
        Cell(fourth[0], "label"),
        fourth[1],
    )
    fourth = (cnil.EMAIL, get("email")) if dpo else ("", "")
    sheet.add_row(
        Cell("", "section"),
        Cell(cnil.POSTCODE, "label"),
        get("postcode"),
        Cell(cnil.CITY, "label"),
        get("city"),
        Cell(cnil.PHONE, "label"),
        get("phone"),
        Cell(fourth[0], "label" if fourth[0] else "text"),
        fourth[1],
    )


# --- one fiche ----------------------------------------------------------------------


def _field(sheet, label, value):
    sheet.add_row(Cell(label, "label"), Cell(value, span=VALUE_SPAN))


def _section(sheet, label, *headers):
    """A section title row; headers are (text, span) pairs for the columns from B."""
    sheet.add_blank_row()
    sheet.add_row(Cell(label, "section"), *(Cell(text, "header", span=span) for text, span in headers))


def _actor_row(sheet, label, party):
    values = [getattr(party, field, "") if party else "" for field in cnil.ACTOR_FIELDS]
    sheet.add_row(Cell(label, "label"), *values)


def fiche_sheet(treatment, name):
    sheet = Sheet(name, FICHE_WIDTHS)
    sheet.add_row(Cell(f"{cnil.FICHE_TITLE} — {treatment.reference}", "title"))
    sheet.add_row(Cell(cnil.DESCRIPTION, "section"))
    _field(sheet, cnil.NAME, treatment.name)
    _field(sheet, cnil.REFERENCE, treatment.reference)
    _field(sheet, cnil.CREATED, treatment.created_at)
    _field(sheet, cnil.UPDATED, _local_date(treatment.updated_at))
    _field(sheet, cnil.SOFTWARE, treatment.software)
    _field(sheet, cnil.ROLE, display(TreatmentRole, treatment.role))
    _field(sheet, cnil.LEGAL_BASIS, display(LegalBasis, treatment.legal_basis))
    _field(sheet, cnil.LEGAL_BASIS_DETAIL, treatment.legal_basis_detail)
    _field(sheet, cnil.CONSENT_PROOF, treatment.consent_proof)
    _field(sheet, cnil.PHONE_PROSPECTION, cnil.YES if treatment.consumer_phone_prospection else cnil.NO)
    _field(sheet, cnil.CONTRACT_EXCEPTION, treatment.current_contract_exception)
    _field(sheet, cnil.RECORDING_INFORMATION, cnil.YES if treatment.recording_information else cnil.NO)
    _field(sheet, cnil.RECORDING_OBJECTION, cnil.YES if treatment.recording_objection else cnil.NO)
    _field(sheet, cnil.STATUS, display(TreatmentStatus, treatment.status))
    _field(sheet, cnil.DPIA, display(DpiaStatus, treatment.dpia_status))
    _field(sheet, cnil.NEXT_REVIEW, treatment.next_review_date)
    _field(sheet, cnil.NOTES, treatment.notes)
    _actors(sheet, treatment)
    _purposes(sheet, treatment)
    _data_lines(sheet, treatment)
    _subjects(sheet, treatment)
    _recipients(sheet, treatment)
    _security(sheet, treatment)
    _transfers(sheet, treatment)
    return sheet


def _actors(sheet, treatment):
    _section(sheet, cnil.ACTORS, *((label, 1) for label in cnil.ACTOR_COLUMNS))
    controller = treatment.controller
    dpo = controller.dpo if controller else None
    _actor_row(sheet, cnil.CONTROLLER, controller)
    _actor_row(sheet, cnil.DPO, dpo)
    sheet.add_row(Cell(cnil.DPO_COMPANY, "label"), dpo.company if dpo else "")
    _actor_row(sheet, cnil.REPRESENTATIVE, controller.eu_representative if controller else None)
    for label, parties in (
        (cnil.JOINT_CONTROLLERS, list(treatment.joint_controllers.all())),
        (cnil.PROCESSORS, list(treatment.processors.all())),
    ):
        for party in parties or [None]:
            _actor_row(sheet, label, party)


def _purposes(sheet, treatment):
    _section(sheet, cnil.PURPOSES)
    _field(sheet, cnil.MAIN_PURPOSE, treatment.main_purpose)
    for number, sub_purpose in enumerate(treatment.sub_purposes.all() or [None], start=1):
        _field(sheet, cnil.SUB_PURPOSE.format(n=number), sub_purpose.description if sub_purpose else "")


def _data_lines(sheet, treatment):
    lines = list(treatment.data_lines.all())
    for title, sensitive in ((cnil.DATA, False), (cnil.SENSITIVE, True)):
        headers = [
            (cnil.DESCRIPTION_COLUMN, 3),
            (cnil.RETENTION_COLUMN, 4),
            (cnil.RETENTION_END_COLUMN, 1),
            (cnil.RETENTION_REMARK_COLUMN, 1),
            (cnil.SOURCE_COLUMN, 1),
            (cnil.CALL_RECORDING_COLUMN, 1),
            (cnil.NATURE_COLUMN, 1),
        ]
        if sensitive:
            headers.append((cnil.ART9_COLUMN, 1))
        _section(sheet, title, *headers)
        for code, label in lists.DATA_CATEGORY_LABELS.items():
            if (code in lists.SENSITIVE_DATA_CODES) != sensitive:
                continue
            own = [line for line in lines if line.category.code == code]
            for line in own:
                sheet.add_row(*_data_cells(line, label, sensitive))
            if not own:  # the template's empty row, ready to fill in
                sheet.add_row(Cell(label, "label"), Cell("", span=3), Cell("", span=4))
        # A category added in the admin, which the CNIL template does not name.
        for line in lines:
            if line.category.code not in lists.DATA_CATEGORY_LABELS and line.category.is_sensitive == sensitive:
                sheet.add_row(*_data_cells(line, line.category.label, sensitive))


def _data_cells(line, label, sensitive):
    cells = [
        Cell(label, "label"),
        Cell(line.description, span=3),
        Cell(retention_text(line), span=4),
        display(RetentionEnd, line.retention_end),
        line.retention_remark,
        display(DataSource, line.source),
        _("Oui") if line.is_call_recording else _("Non"),
        display(DataNature, line.nature) if line.nature else "",
    ]
    if sensitive:
        cells.append(display(Art9Exception, line.art9_exception))
    return cells


def _catalog_label(labels, category):
    return labels.get(category.code, category.label)


def _subjects(sheet, treatment):
    _section(sheet, cnil.SUBJECTS, (cnil.DESCRIPTION_COLUMN, 3), (cnil.DETAIL_COLUMN, 4))
    for number, line in enumerate(treatment.data_subject_lines.all() or [None], start=1):
        category = _catalog_label(lists.DATA_SUBJECT_LABELS, line.category) if line else ""
        sheet.add_row(
            Cell(cnil.SUBJECT.format(n=number), "label"),
            Cell(category, span=3),
            Cell(line.detail if line else "", span=4),
        )
    sheet.add_row(Cell(cnil.SUBJECTS_OTHER, "label"), Cell(treatment.data_subjects_other, span=VALUE_SPAN))


def _recipients(sheet, treatment):
    _section(
        sheet,
        cnil.RECIPIENTS,
        (cnil.RECIPIENT_TYPE_COLUMN, 3),
        (cnil.DETAIL_COLUMN, 4),
        (cnil.RECIPIENT_ORGANISATION_COLUMN, 1),
    )
    for number, line in enumerate(treatment.recipients.all() or [None], start=1):
        sheet.add_row(
            Cell(cnil.RECIPIENT.format(n=number), "label"),
            Cell(_catalog_label(lists.RECIPIENT_LABELS, line.category) if line else "", span=3),
            Cell(line.name if line else "", span=4),
            line.organisation.name if line and line.organisation else "",
        )


def _security(sheet, treatment):
    _section(sheet, cnil.SECURITY, (cnil.SECURITY_TYPE_COLUMN, 3), (cnil.DETAIL_COLUMN, 4))
    for number, line in enumerate(treatment.security_measures.all() or [None], start=1):
        sheet.add_row(
            Cell(cnil.SECURITY_MEASURE.format(n=number), "label"),
            Cell(_catalog_label(lists.SECURITY_MEASURE_LABELS, line.category) if line else "", span=3),
            Cell(line.description if line else "", span=4),
        )


def _transfers(sheet, treatment):
    recipient, country, safeguard, document = cnil.TRANSFER_COLUMNS
    _section(sheet, cnil.TRANSFERS, (recipient, 1), (country, 1), (safeguard, 2), (document, 3))
    for number, line in enumerate(treatment.transfers.all() or [None], start=1):
        sheet.add_row(
            Cell(cnil.TRANSFER.format(n=number), "label"),
            line.recipient if line else "",
            line.country.name if line else "",
            Cell(_catalog_label(lists.SAFEGUARD_LABELS, line.safeguard) if line else "", span=2),
            Cell(line.document_reference if line else "", span=3),
        )


# --- accepted values ----------------------------------------------------------------


def lists_sheet():
    """The values the import accepts, like the template's "5 - Listes" sheet."""
    columns = [
        (cnil.RECIPIENTS, list(lists.RECIPIENT_LABELS.values())),
        (cnil.SUBJECTS, list(lists.DATA_SUBJECT_LABELS.values())),
        (cnil.SECURITY, list(lists.SECURITY_MEASURE_LABELS.values())),
        (cnil.TRANSFER_COLUMNS[2], list(lists.SAFEGUARD_LABELS.values())),
        (cnil.ROLE, [str(label) for label in TreatmentRole.labels]),
        (cnil.LEGAL_BASIS, [str(label) for label in LegalBasis.labels]),
        (cnil.STATUS, [str(label) for label in TreatmentStatus.labels]),
        (cnil.DPIA, [str(label) for label in DpiaStatus.labels]),
        (cnil.RETENTION_END_COLUMN, [str(label) for label in RetentionEnd.labels]),
        (cnil.SOURCE_COLUMN, [str(label) for label in DataSource.labels]),
        (cnil.ART9_COLUMN, [str(label) for label in Art9Exception.labels]),
        (cnil.NATURE_COLUMN, [str(label) for label in DataNature.labels]),
    ]
    sheet = Sheet(cnil.LISTS_SHEET, [5.0] * len(columns))
    sheet.add_row(*(Cell(title, "header") for title, _values in columns))
    for index in range(max(len(values) for _title, values in columns)):
        sheet.add_row(*(values[index] if index < len(values) else None for _title, values in columns))
    return sheet
