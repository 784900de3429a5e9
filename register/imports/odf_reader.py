"""Reading an uploaded .ods file into sheets of filled cells, defensively.

An upload is untrusted: before any XML is parsed the file must be under 10 MB, a valid
ZIP archive with the OpenDocument spreadsheet mimetype, with few entries and at most
50 MB once uncompressed (a "zip bomb" of a few KB can expand to gigabytes). The XML may
carry no DTD — no entity declarations, hence no "billion laughs" expansion and no
external entity (XXE) — and is read as a stream.

Only filled cells are kept. Spreadsheets compress empty space with repeat counts
(LibreOffice writes `number-rows-repeated="1048576"` for the unused rows): empty repeats
only move the cursor, filled ones are expanded up to a fixed number of cells. Comments
(office:annotation) are not values and are skipped.
"""

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from ..exports import cnil_layout as cnil
from ..exports.odf_writer import MIMETYPE

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_FILLED_CELLS = 2_000_000
MAX_ROWS = 1_048_576  # LibreOffice's sheet size
MAX_COLUMNS = 16_384

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE, ROW = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
CELL, COVERED = f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"
NAME, FORMULA = f"{{{_TABLE}}}name", f"{{{_TABLE}}}formula"
ROWS_REPEATED, COLUMNS_REPEATED = f"{{{_TABLE}}}number-rows-repeated", f"{{{_TABLE}}}number-columns-repeated"
VALUE_TYPE, DATE_VALUE, VALUE = f"{{{_OFFICE}}}value-type", f"{{{_OFFICE}}}date-value", f"{{{_OFFICE}}}value"
ANNOTATION = f"{{{_OFFICE}}}annotation"
PARAGRAPH, HEADING = f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"
SPACE, TAB, LINE_BREAK, NOTE = f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break", f"{{{_TEXT}}}note"
_WHITESPACE = re.compile(r"[ \t\r\n]+")


class OdsError(ValueError):
    """The file cannot be read at all; the message is French and says why."""


@dataclass(frozen=True)
class CellValue:
    text: str
    value_type: str | None = None
    date_value: str | None = None
    has_formula: bool = False


@dataclass
class SheetGrid:
    name: str
    rows: dict = field(default_factory=dict)  # row index -> {column index -> CellValue}, 0-based

    def cell(self, row, column):
        return self.rows.get(row, {}).get(column)


def value_text(cell):
    """A cell's text when it is a value: not a formula, not a template placeholder."""
    if cell is None or cell.has_formula or cnil.is_placeholder(cell.text):
        return ""
    return cell.text.strip()


def column_letter(index):
    """0 -> A, 25 -> Z, 26 -> AA: the column names a spreadsheet user sees."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def read_workbook(data):
    """The sheets of an .ods file, in order, or OdsError."""
    content = _content_xml(data)
    try:
        return _parse(content)
    except ElementTree.ParseError as error:
        raise OdsError(
            _("Le contenu du classeur est illisible (XML invalide, ligne %(line)s) : le fichier est endommagé.")
            % {"line": error.position[0]}
        ) from None
    except (RecursionError, ValueError) as error:
        if isinstance(error, OdsError):
            raise
        raise OdsError(_("Le contenu du classeur est illisible : le fichier est endommagé.")) from None


def _content_xml(data):
    if len(data) > MAX_UPLOAD_BYTES:
        raise OdsError(_("Le fichier pèse %(size).1f Mo : la limite est de 10 Mo.") % {"size": len(data) / 1024 / 1024})
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise OdsError(
            _("Ce fichier est un classeur Excel ancien (.xls), pas un classeur ODS : enregistrez-le au format ODS.")
        )
    if not data.startswith(b"PK"):
        raise OdsError(_("Ce fichier n'est pas un classeur ODS (ce n'est pas une archive OpenDocument)."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise OdsError(_("L'archive du classeur ODS est endommagée : le fichier ne peut pas être ouvert.")) from None
    if len(entries) > MAX_ENTRIES:
        raise OdsError(
            _("Le classeur contient %(count)s fichiers internes : ce n'est pas un registre.") % {"count": len(entries)}
        )
    if sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
        raise OdsError(
            _(
                "Le contenu décompressé du classeur dépasse %(limit)s Mo : "
                "fichier refusé (archive anormalement compressée)."
            )
            % {"limit": MAX_UNCOMPRESSED_BYTES // 1024 // 1024}
        )
    names = {entry.filename for entry in entries}
    if "mimetype" not in names or _read_entry(archive, "mimetype").strip() != MIMETYPE.encode():
        if "[Content_Types].xml" in names:
            raise OdsError(
                _("Ce fichier est un classeur Excel (.xlsx), pas un classeur ODS : enregistrez-le au format ODS.")
            )
        raise OdsError(_("Ce fichier n'est pas un classeur ODS (type OpenDocument « tableur » attendu)."))
    if "content.xml" not in names:
        raise OdsError(_("Le classeur ODS n'a pas de contenu (content.xml manquant) : le fichier est endommagé."))
    content = _read_entry(archive, "content.xml")
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise OdsError(_("Le contenu du classeur déclare une DTD ou des entités XML : fichier refusé par sécurité."))
    return content


def _read_entry(archive, name):
    """An entry's bytes, read in chunks and stopped past the cap whatever its header claims."""
    chunks, total = [], 0
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(1024 * 1024):
                total += len(chunk)
                if total > MAX_UNCOMPRESSED_BYTES:
                    raise OdsError(_("Le contenu décompressé du classeur dépasse 50 Mo : fichier refusé."))
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as error:
        if isinstance(error, OdsError):
            raise
        raise OdsError(_("L'archive du classeur ODS est endommagée : le fichier ne peut pas être ouvert.")) from None
    return b"".join(chunks)


def _repeat(element, attribute):
    return max(1, int(element.get(attribute, "1")))


def _parse(content):
    sheets, sheet, row_index, filled = [], None, 0, 0
    for event, element in ElementTree.iterparse(io.BytesIO(content), events=("start", "end")):
        if event == "start":
            if element.tag == TABLE:
                sheet, row_index = SheetGrid(element.get(NAME, "")), 0
                sheets.append(sheet)
            continue
        if element.tag == ROW and sheet is not None:
            repeat = _repeat(element, ROWS_REPEATED)
            cells = _row_cells(element)
            if cells:
                copies = min(repeat, MAX_ROWS - row_index)
                filled += len(cells) * max(copies, 0)
                if filled > MAX_FILLED_CELLS:
                    raise OdsError(
                        _("Le classeur contient plus de %(count)s cellules remplies : fichier refusé.")
                        % {"count": MAX_FILLED_CELLS}
                    )
                for offset in range(max(copies, 0)):
                    sheet.rows[row_index + offset] = cells
            row_index += repeat
            element.clear()
        elif element.tag == TABLE:
            element.clear()
    return sheets


def _row_cells(row):
    cells, column = {}, 0
    for element in row:
        if element.tag not in (CELL, COVERED):
            continue
        repeat = _repeat(element, COLUMNS_REPEATED)
        if len(element) or element.get(VALUE_TYPE) is not None:
            value = _cell_value(element)
            if value is not None:
                for index in range(column, min(column + repeat, MAX_COLUMNS)):
                    cells[index] = value
        column += repeat
    return cells


def _cell_value(element):
    text = "\n".join(_inline(child) for child in element if child.tag in (PARAGRAPH, HEADING)).strip()
    value_type = element.get(VALUE_TYPE)
    if not text:
        text = element.get(DATE_VALUE) or element.get(VALUE) or ""
    if not text and value_type is None:
        return None
    return CellValue(text, value_type, element.get(DATE_VALUE), element.get(FORMULA) is not None)


def _inline(element):
    """A paragraph's text with ODF's white space rules (text:s, text:tab, text:line-break)."""
    parts = [_WHITESPACE.sub(" ", element.text or "")]
    for child in element:
        if child.tag == SPACE:
            parts.append(" " * min(_repeat(child, f"{{{_TEXT}}}c"), 1000))
        elif child.tag == TAB:
            parts.append("\t")
        elif child.tag == LINE_BREAK:
            parts.append("\n")
        elif child.tag not in (ANNOTATION, NOTE):
            parts.append(_inline(child))
        parts.append(_WHITESPACE.sub(" ", child.tail or ""))
    return "".join(parts)
