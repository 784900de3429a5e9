"""The overview sheet ("Liste des traitements"): contact blocks and the list of fiches.

The blocks hold "Nom :", "Prénom :"… labels, each followed by its value. The list's
header row is the one that has both "Nom du traitement" and "N° / RÉF"; the rows below
it are fiches, except the CNIL's "(EXEMPLE)" payroll row that the blank template keeps.
A listed fiche without a sheet of its own is imported from its row alone.
"""

from django.utils.translation import gettext as _

from ..choices import ContactRole
from ..cnil import layout as cnil
from ..cnil import matching
from .dates import DateError
from .drafts import FicheDraft, Party, Where
from .odf_reader import value_text

BLOCK_PREFIXES = (
    ("coordonneesduresponsable", ContactRole.LEGAL_REPRESENTATIVE),
    ("coordonneesdurepresentant", ContactRole.EU_REPRESENTATIVE),
    ("coordonneesdudelegue", ContactRole.DPO),
    ("coordonneesdudpo", ContactRole.DPO),
)
BLOCK_LABELS = matching.lookup_table(
    [
        ("last_name", [cnil.LAST_NAME]),
        ("first_name", [cnil.FIRST_NAME]),
        ("address", [cnil.ADDRESS]),
        ("email", [cnil.EMAIL, "Courriel"]),
        ("postcode", [cnil.POSTCODE]),
        ("city", [cnil.CITY]),
        ("phone", [cnil.PHONE]),
        ("company", [cnil.COMPANY, "Société"]),
        ("siren", [cnil.SIREN]),
    ]
)
LIST_COLUMNS = matching.lookup_table(
    [
        ("name", [cnil.NAME]),
        ("reference", [cnil.REFERENCE]),
        ("created", [cnil.OVERVIEW_COLUMNS[2], "Date de création"]),
        ("updated", [cnil.OVERVIEW_COLUMNS[3], "Dernière mise à jour"]),
        ("main_purpose", [cnil.MAIN_PURPOSE, cnil.PURPOSE_HEADER]),
        ("sensitive", [cnil.OVERVIEW_COLUMNS[5], cnil.SENSITIVE_HEADER]),
        ("role", [cnil.ROLE]),
        ("controller", [cnil.CONTROLLER]),
        ("status", [cnil.STATUS]),
    ]
)


def _header_row(sheet):
    for row in sorted(sheet.rows):
        keys = {matching.key(cell.text): column for column, cell in sheet.rows[row].items()}
        if "nomdutraitement" in keys and "nref" in keys:
            return row, keys["nomdutraitement"]
    return None, None


def _block_role(label_key):
    if label_key == matching.key(cnil.ORGANISATION_BLOCK):
        return "organisation"
    return next((role for prefix, role in BLOCK_PREFIXES if label_key.startswith(prefix)), None)


def _read_blocks(sheet, header, label_column):
    blocks, current = {}, None
    for row in sorted(r for r in sheet.rows if r < header):
        cells = sheet.rows[row]
        label_cell = cells.get(label_column)
        if label_cell is not None and label_cell.text.strip():
            current = _block_role(matching.key(label_cell.text))
        if current is None:
            continue
        found = blocks.setdefault(current, {})
        columns = sorted(c for c in cells if c > label_column)
        for index, column in enumerate(columns):
            name = BLOCK_LABELS.get(matching.key(cells[column].text))
            if name is None:
                continue
            following = columns[index + 1] if index + 1 < len(columns) else None
            if following is not None and BLOCK_LABELS.get(matching.key(cells[following].text)) is None:
                found[name] = value_text(cells[following])
    return blocks


def _party(values, where):
    name = " ".join(filter(None, [values.get("first_name", ""), values.get("last_name", "")]))
    fields = ("address", "postcode", "city", "phone", "email", "company", "siren")
    return Party(name=name, where=where, **{field: values.get(field, "") for field in fields})


def read_overview(sheet, catalogs, register):
    """Fiches listed on an overview sheet; [] when the sheet is not one."""
    header, label_column = _header_row(sheet)
    if header is None:
        return []
    blocks = _read_blocks(sheet, header, label_column)
    where = Where(sheet.name)
    organisation = blocks.pop("organisation", {})
    if organisation.get("last_name"):
        register.organisation = Party(name=organisation["last_name"], siren=organisation.get("siren", ""), where=where)
    for role, values in blocks.items():
        party = _party(values, where)
        if party.name:
            register.contacts[role] = party
    return _read_list(sheet, header, label_column, catalogs, register)


def _list_columns(sheet, header):
    columns = {}
    for row in (header, header - 1):  # the template puts two headers on the row above
        for column, cell in sorted(sheet.rows.get(row, {}).items()):
            name = LIST_COLUMNS.get(matching.key(cell.text))
            if name and name not in columns:
                columns[name] = column
    return columns


def _read_list(sheet, header, label_column, catalogs, register):
    columns = _list_columns(sheet, header)
    fiches = []
    for row in sorted(r for r in sheet.rows if r > header):
        cells = sheet.rows[row]

        def text(name, cells=cells):
            return value_text(cells.get(columns[name])) if name in columns else ""

        name, reference = text("name"), text("reference")
        if not (name or reference):
            continue
        if matching.key(name).startswith("exemple") or matching.key(reference) == matching.key("1 - Exemple"):
            continue
        fiche = FicheDraft(sheet.name, overview_only=True)
        fiche.values.update(name=name, reference=reference, main_purpose=text("main_purpose"))
        for field, label in (("name", cnil.NAME), ("reference", cnil.REFERENCE), ("main_purpose", cnil.MAIN_PURPOSE)):
            fiche.where[field] = Where(sheet.name, row, columns.get(field), label)
        for field, label in (("created", cnil.OVERVIEW_COLUMNS[2]), ("updated", cnil.OVERVIEW_COLUMNS[3])):
            if field in columns:
                where = Where(sheet.name, row, columns[field], label)
                try:
                    setattr(fiche, field, register.read_date(cells.get(columns[field]), where))
                except DateError as error:
                    register.error(where, error)
        for field, choice in (("role", "role"), ("status", "status")):
            if value := text(field):
                found = catalogs.choice(choice, value, Where(sheet.name, row, columns[field]), register)
                if found is None:
                    register.error(
                        Where(sheet.name, row, columns[field]),
                        _("valeur « %(text)s » inconnue ; valeurs acceptées : %(expected)s.")
                        % {"text": value, "expected": catalogs.expected(choice)},
                    )
                else:
                    fiche.values[field] = found
            fiche.where[field] = Where(sheet.name, row, columns.get(field))
        if controller := text("controller"):
            fiche.controller = Party(name=controller, where=Where(sheet.name, row, columns["controller"]))
        fiches.append(fiche)
    return fiches
