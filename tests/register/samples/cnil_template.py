"""Build hand-filled registers from the real CNIL template, the way a DPO fills it.

A DPO opens the blank template in LibreOffice, fills the overview, copies the sheet
"3 - Modèle de fiche de registre" once per fiche, renames the copy, types values next to
the labels (some dates as date cells, some as text), picks drop-down values, adds a row
or a column here and there and leaves the CNIL's comments in place. `CnilWorkbook` does
the same on the template's XML, so the tests read files shaped like real ones.
"""

import copy
import io
import os
import re
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from register.cnil.matching import key

# A copy of the CNIL's blank template (shared/reference/) ships beside this file.
TEMPLATE = Path(os.environ.get("CNIL_TEMPLATE_ODS", "") or Path(__file__).with_name("cnil-registre-template.ods"))
NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
TAB, OFF, TXT = (f"{{{NS[p]}}}" for p in ("table", "office", "text"))
ROW, CELL, COVERED, COLUMN = TAB + "table-row", TAB + "table-cell", TAB + "covered-table-cell", TAB + "table-column"
ROWS_REPEATED, COLUMNS_REPEATED = TAB + "number-rows-repeated", TAB + "number-columns-repeated"
VALUE_ATTRIBUTES = [
    OFF + "value-type",
    OFF + "value",
    OFF + "date-value",
    OFF + "string-value",
    TAB + "formula",
    f"{{{NS['calcext']}}}value-type",
]
MODEL_SHEET, EXAMPLE_SHEET, OVERVIEW_SHEET = "3_-_Mod", "4_-_Exemple", "2_-_Liste"


def template_bytes():
    if not TEMPLATE.is_file():
        pytest.skip(f"CNIL template not found at {TEMPLATE} (set CNIL_TEMPLATE_ODS)")
    return TEMPLATE.read_bytes()


def _split(parent, children, index, attribute):
    """The child element standing at position `index`, splitting a repeated run around it."""
    position = 0
    for child in children:
        repeat = int(child.get(attribute, "1"))
        if position + repeat > index:
            offset = index - position
            if repeat == 1:
                return child
            at = list(parent).index(child)
            before, target, after = copy.deepcopy(child), copy.deepcopy(child), copy.deepcopy(child)
            parent.remove(child)
            pieces = []
            for piece, count in ((before, offset), (target, 1), (after, repeat - offset - 1)):
                if count:
                    piece.attrib.pop(attribute, None)
                    if count > 1:
                        piece.set(attribute, str(count))
                    pieces.append(piece)
            for shift, piece in enumerate(pieces):
                parent.insert(at + shift, piece)
            return target
        position += repeat
    raise IndexError(index)


class SheetEditor:
    def __init__(self, table):
        self.table = table

    @property
    def name(self):
        return self.table.get(TAB + "name")

    def rows(self):
        return [child for child in self.table if child.tag == ROW]

    def row(self, index):
        return _split(self.table, self.rows(), index, ROWS_REPEATED)

    def cell(self, row_index, column):
        row = self.row(row_index)
        cells = [child for child in row if child.tag in (CELL, COVERED)]
        return _split(row, cells, column, COLUMNS_REPEATED)

    def text(self, row_index, column):
        element = self.cell(row_index, column)
        return "\n".join("".join(p.itertext()) for p in element.findall(TXT + "p"))

    def row_of(self, label, occurrence=1, column=0):
        """0-based index of the `occurrence`-th row whose cell in `column` reads `label`."""
        found, index = 0, 0
        for row in self.rows():
            repeat = int(row.get(ROWS_REPEATED, "1"))
            cells = [child for child in row if child.tag in (CELL, COVERED)]
            position = 0
            for cell in cells:
                if position == column:
                    text = "".join("".join(p.itertext()) for p in cell.findall(TXT + "p"))
                    if key(text) == key(label):
                        found += 1
                        if found == occurrence:
                            return index
                    break
                position += int(cell.get(COLUMNS_REPEATED, "1"))
                if position > column:
                    break
            index += repeat
        raise LookupError(f"{label!r} not found in {self.name}")

    def set(self, row_index, column, value, *, comment=None):
        """Type a value into a cell: text, a date (a date cell) or a number."""
        element = self.cell(row_index, column)
        for attribute in VALUE_ATTRIBUTES:
            element.attrib.pop(attribute, None)
        for child in list(element):
            if child.tag != OFF + "annotation":
                element.remove(child)
        if isinstance(value, date):
            element.set(OFF + "value-type", "date")
            element.set(OFF + "date-value", value.isoformat())
            shown = value.strftime("%d/%m/%Y")
        elif isinstance(value, int | float):
            element.set(OFF + "value-type", "float")
            element.set(OFF + "value", str(value))
            shown = str(value)
        else:
            element.set(OFF + "value-type", "string")
            shown = str(value)
        for line in shown.split("\n"):
            ElementTree.SubElement(element, TXT + "p").text = line
        if comment:
            annotation = ElementTree.Element(OFF + "annotation")
            ElementTree.SubElement(annotation, f"{{{NS['dc']}}}creator").text = "DPO"
            ElementTree.SubElement(annotation, TXT + "p").text = comment
            element.insert(0, annotation)
        return element

    def fill(self, label, *values, occurrence=1, start=1, label_column=0, **options):
        """Type values in the row labelled `label`, from column `start` (B) on; None skips a cell."""
        row = self.row_of(label, occurrence, label_column)
        columns = values[0] if values and isinstance(values[0], dict) else dict(enumerate(values, start=start))
        for column, value in columns.items():
            if value is not None:
                self.set(row, column + label_column, value, **options)
        return row

    def insert_row_copy(self, index, source_index):
        """A copy of row `source_index` inserted before row `index` (a DPO's "insert row")."""
        source = copy.deepcopy(self.row(source_index))
        source.attrib.pop(ROWS_REPEATED, None)
        target = self.row(index)
        self.table.insert(list(self.table).index(target), source)

    def insert_blank_rows(self, index, count):
        blank = ElementTree.Element(ROW)
        if count > 1:
            blank.set(ROWS_REPEATED, str(count))
        ElementTree.SubElement(blank, CELL)
        target = self.row(index)
        self.table.insert(list(self.table).index(target), blank)

    def insert_column(self, column):
        """An empty column inserted at `column` (0-based), shifting the others right."""
        columns = [child for child in self.table if child.tag == COLUMN]
        definition = _split(self.table, columns, column, COLUMNS_REPEATED)
        self.table.insert(list(self.table).index(definition), copy.deepcopy(definition))
        for row in self.rows():
            cells = [child for child in row if child.tag in (CELL, COVERED)]
            total = sum(int(c.get(COLUMNS_REPEATED, "1")) for c in cells)
            if total > column:
                target = _split(row, cells, column, COLUMNS_REPEATED)
                row.insert(list(row).index(target), ElementTree.Element(CELL))


class CnilWorkbook:
    """The blank CNIL template, ready to be filled and saved as bytes."""

    def __init__(self, data=None):
        data = data or template_bytes()
        archive = zipfile.ZipFile(io.BytesIO(data))
        self.entries = {info.filename: archive.read(info.filename) for info in archive.infolist()}
        content = self.entries["content.xml"]
        self.namespaces = dict(re.findall(rb'xmlns:([\w-]+)="([^"]+)"', content.split(b">", 2)[1]))
        for prefix, uri in self.namespaces.items():
            ElementTree.register_namespace(prefix.decode(), uri.decode())
        self.root = ElementTree.fromstring(content)
        self.spreadsheet = self.root.find(f"{OFF}body/{OFF}spreadsheet")

    def tables(self):
        return [child for child in self.spreadsheet if child.tag == TAB + "table"]

    def sheet(self, prefix):
        return SheetEditor(next(t for t in self.tables() if t.get(TAB + "name").startswith(prefix)))

    @property
    def overview(self):
        return self.sheet(OVERVIEW_SHEET)

    def add_fiche_sheet(self, name):
        """A copy of "3 - Modèle de fiche de registre" renamed `name`, placed before "5 - Listes"."""
        model = self.sheet(MODEL_SHEET).table
        sheet = copy.deepcopy(model)
        sheet.set(TAB + "name", name)
        listes = next(t for t in self.tables() if t.get(TAB + "name").startswith("5_"))
        self.spreadsheet.insert(list(self.spreadsheet).index(listes), sheet)
        return SheetEditor(sheet)

    def remove_sheet(self, prefix):
        self.spreadsheet.remove(self.sheet(prefix).table)

    def to_bytes(self):
        content = ElementTree.tostring(self.root, encoding="UTF-8", xml_declaration=True)
        head, rest = content.split(b"<office:document-content", 1)
        missing = b"".join(
            b' xmlns:%s="%s"' % (prefix, uri)
            for prefix, uri in self.namespaces.items()
            if b"xmlns:%s=" % prefix not in rest.split(b">", 1)[0]
        )
        content = head + b"<office:document-content" + missing + rest
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), self.entries["mimetype"], compress_type=zipfile.ZIP_STORED)
            for name, entry in self.entries.items():
                if name != "mimetype":
                    archive.writestr(name, content if name == "content.xml" else entry)
        return buffer.getvalue()


def filled_fiche(workbook, sheet_name, *, reference, name, purpose, legal_basis=None, dates=True):
    """A fiche as a DPO fills sheet 3: description, controller, purposes, data, persons, recipients."""
    sheet = workbook.add_fiche_sheet(sheet_name)
    sheet.fill("Nom du traitement", name)
    sheet.fill("N° / RÉF", reference)
    if dates:
        sheet.fill("Date de création du traitement", date(2023, 9, 12))
        sheet.fill("Mise à jour du traitement", "13/05/2024")  # typed as text
    sheet.fill(
        "Responsable du traitement", "CentreCall", "12, rue Nationale", "37000", "Tours", "France", "02 47 00 00 00"
    )
    sheet.fill("Délégué à la protection des données", "Sophie Lambert", None, None, None, None, None, "dpo@cc.example")
    sheet.fill("Finalité principale", purpose)
    sheet.fill("Sous-finalité 1", "Calcul des rémunérations")
    sheet.fill("État civil, identité, données d'identification, images…", "Noms, prénoms", None, None, "5 ans")
    sheet.fill("Catégorie de personnes 1", "Salariés")
    sheet.fill("Destinataire 1", "Service interne qui traite les données", None, None, "Service paie")
    sheet.fill("Mesure de sécurité 1", "Contrôle d'accès des utilisateurs", None, None, "Comptes nominatifs")
    if legal_basis:
        row = sheet.row_of("Mise à jour du traitement")
        sheet.insert_row_copy(row + 1, row)
        sheet.set(row + 1, 0, "Base légale")
        sheet.set(row + 1, 1, legal_basis)
    return sheet


def dpo_filled_register(workbook=None):
    """The file of issue 8.3: the CNIL template as a DPO filled it in LibreOffice.

    The overview's DPO block is filled; one fiche types « Autres » where the list says
    « Autre (Préciser) », has no role and no legal basis row (the template has neither),
    a creation date typed as text (« 05/06/2020 ») and an update as a date cell; a second
    fiche names its controller « ARTEMIS (M. Paul Friand, directeur) ».
    """
    workbook = workbook or CnilWorkbook()
    overview = workbook.overview
    dpo_row = overview.row_of("Coordonnées du délégué à la protection des données (DPO)")
    for column, value in ((2, "Lambert"), (4, "Sophie"), (8, "12, rue Nationale")):
        overview.set(dpo_row, column, value)
    for column, value in ((2, "37000"), (4, "Tours"), (6, "02 47 00 00 01"), (8, "dpo@centrecall.example")):
        overview.set(dpo_row + 1, column, value)
    sheet = filled_fiche(
        workbook,
        "Prospection",
        reference="PROSP-01",
        name="Prospection téléphonique",
        purpose="Prospecter",
        dates=False,
    )
    sheet.fill("Date de création du traitement", "05/06/2020")  # typed as text
    sheet.fill("Mise à jour du traitement", date(2024, 1, 15))  # a date cell
    sheet.fill("Destinataire 2", "Autres", None, None, "Huissier de justice")
    client = filled_fiche(workbook, "Artemis", reference="ART-01", name="Études Artemis", purpose="Sonder")
    client.fill(
        "Responsable du traitement", "ARTEMIS (M. Paul Friand, directeur)", "1, rue du Port", "13000", "Marseille"
    )
    return workbook
