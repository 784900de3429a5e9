"""Reading an uploaded .ods file into sheets of filled cells, defensively.

An upload is untrusted: before any XML is parsed the file must be under 10 MB, a valid
ZIP archive with the OpenDocument spreadsheet mimetype, with few entries and at most
200 MB once uncompressed (a "zip bomb" of a few KB can expand to gigabytes). The XML is
parsed by defusedxml, which refuses any DTD — hence no entity declaration, no "billion
laughs" expansion and no external entity (XXE) — in whatever encoding the file declares
(a byte scan for "<!DOCTYPE" misses UTF-16), and is read as a stream.

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

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..cnil import MIMETYPE, matching

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# The app's own export compresses about 17 times: 10 MB of upload hold a register of
# several thousand fiches, about 170 MB of XML. A "zip bomb" compresses hundreds of times.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ENTRIES = 1000
MAX_FILLED_CELLS = 1_000_000  # about 150 per fiche: room for several thousand fiches
MAX_FILLED_ROW_REPEAT = 1000  # LibreOffice compresses identical rows; a register repeats a filled row a few times
MAX_ROWS = 1_048_576  # LibreOffice's sheet size
MAX_COLUMNS = 16_384
# XML elements read at the most: about 600 per fiche in the app's export, so room for
# several thousand fiches, while a file made of millions of tiny elements is refused early.
MAX_ELEMENTS = 5_000_000

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
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
STYLES, DEFAULT_STYLE = f"{{{_OFFICE}}}styles", f"{{{_STYLE}}}default-style"
STYLE_FAMILY, TEXT_PROPERTIES, LANGUAGE = f"{{{_STYLE}}}family", f"{{{_STYLE}}}text-properties", f"{{{_FO}}}language"
_WHITESPACE = re.compile(r"[ \t\r\n]+")


TOO_LARGE = gettext_noop("Le contenu décompressé du classeur dépasse %(limit)s Mo : fichier refusé.")


DTD_REFUSED = gettext_noop("Le contenu du classeur déclare une DTD ou des entités XML : fichier refusé par sécurité.")


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
    if cell is None or cell.has_formula or matching.is_placeholder(cell.text):
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


DAMAGED = gettext_noop("L'archive du classeur ODS est endommagée : le fichier ne peut pas être ouvert.")
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,  # zipfile: an unsupported compression method
)


@dataclass
class Workbook:
    sheets: list
    language: str = ""  # of the default cell style, "fr" for the CNIL template; "" when undeclared


def read_workbook(data):
    """The sheets of an .ods file, in order, and its declared language; or OdsError."""
    archive = _open_archive(data)
    try:
        with archive.open("content.xml") as stream:
            sheets = _parse(_GuardedStream(stream))
        return Workbook(sheets, _default_language(archive))
    except ElementTree.ParseError as error:
        raise OdsError(
            _("Le contenu du classeur est illisible (XML invalide, ligne %(line)s) : le fichier est endommagé.")
            % {"line": error.position[0]}
        ) from None
    except OdsError:
        raise
    except DefusedXmlException:
        raise OdsError(_(DTD_REFUSED)) from None
    except ZIP_ERRORS:
        raise OdsError(_(DAMAGED)) from None
    except (RecursionError, ValueError):
        raise OdsError(_("Le contenu du classeur est illisible : le fichier est endommagé.")) from None


def _open_archive(data):
    """The ZIP archive, once its size, kind, entry count and compression are acceptable."""
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
    except (*ZIP_ERRORS, ValueError):
        raise OdsError(_(DAMAGED)) from None
    if len(entries) > MAX_ENTRIES:
        raise OdsError(
            _("Le classeur contient %(count)s fichiers internes : ce n'est pas un registre.") % {"count": len(entries)}
        )
    if sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
        raise OdsError(_(TOO_LARGE) % {"limit": MAX_UNCOMPRESSED_BYTES // 1024 // 1024})
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1):
            raise OdsError(
                _(
                    "Le fichier interne « %(name)s » est compressé %(ratio)s fois : archive anormale (bombe de "
                    "décompression), fichier refusé."
                )
                % {"name": entry.filename[:80], "ratio": entry.file_size // max(entry.compress_size, 1)}
            )
    names = {entry.filename for entry in entries}
    try:
        mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except ZIP_ERRORS:
        raise OdsError(_(DAMAGED)) from None
    if mimetype != MIMETYPE.encode():
        if "[Content_Types].xml" in names:
            raise OdsError(
                _("Ce fichier est un classeur Excel (.xlsx), pas un classeur ODS : enregistrez-le au format ODS.")
            )
        raise OdsError(_("Ce fichier n'est pas un classeur ODS (type OpenDocument « tableur » attendu)."))
    if "content.xml" not in names:
        raise OdsError(_("Le classeur ODS n'a pas de contenu (content.xml manquant) : le fichier est endommagé."))
    return archive


class _GuardedStream:
    """content.xml as the parser reads it: stopped past the size cap whatever the archive's
    header claims (DTDs and entities are the parser's to refuse, see `_parse`)."""

    def __init__(self, stream):
        self.stream, self.total = stream, 0

    def read(self, size=-1):
        chunk = self.stream.read(size if size and size > 0 else 65536)
        self.total += len(chunk)
        if self.total > MAX_UNCOMPRESSED_BYTES:
            raise OdsError(_(TOO_LARGE) % {"limit": MAX_UNCOMPRESSED_BYTES // 1024 // 1024})
        return chunk


def _default_language(archive):
    """The language of the workbook's default cell style (styles.xml), which says how the
    person who filled it writes dates; "" when the file does not declare one."""
    if "styles.xml" not in archive.namelist():
        return ""
    with archive.open("styles.xml") as stream:
        in_default = False
        for event, element in iterparse(_GuardedStream(stream), events=("start", "end"), forbid_dtd=True):
            if element.tag == DEFAULT_STYLE:
                in_default = event == "start" and element.get(STYLE_FAMILY) == "table-cell"
            elif in_default and event == "start" and element.tag == TEXT_PROPERTIES:
                return (element.get(LANGUAGE) or "").lower()
            elif event == "end" and element.tag == STYLES:
                break  # the default styles come first: no need to read the rest
            if event == "end":
                element.clear()  # attributes are read on "start": keep nothing
    return ""


def _repeat(element, attribute):
    repeat = element.get(attribute)
    return max(1, int(repeat)) if repeat else 1


def _parse(stream):
    """Sheets from content.xml, streamed: rows are read as they end, then dropped.

    Every element that is not inside the row being read is dropped as soon as it ends,
    so memory holds one row at a time whatever the file contains.
    """
    sheets, rows, row_index, filled = [], {}, 0, 0
    stack, rows_open, count = [], 0, 0
    # forbid_dtd: an OpenDocument file never needs one; refusing the DOCTYPE refuses every
    # entity declaration with it, decoded from whatever encoding the XML declares.
    for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
        if event == "start":
            stack.append(element)
            rows_open += element.tag == ROW
            continue
        stack.pop()
        count += 1
        if count > MAX_ELEMENTS:
            raise OdsError(
                _("Le classeur contient plus de %(count)s éléments : fichier refusé.") % {"count": MAX_ELEMENTS}
            )
        tag = element.tag
        if tag == ROW:
            rows_open -= 1
            repeat = _repeat(element, ROWS_REPEATED)
            cells = _row_cells(element)
            if cells:
                if repeat > MAX_FILLED_ROW_REPEAT:
                    raise OdsError(
                        _("Une ligne remplie est répétée %(count)s fois (ligne %(row)s) : ce n'est pas un registre.")
                        % {"count": repeat, "row": row_index + 1}
                    )
                copies = max(min(repeat, MAX_ROWS - row_index), 0)
                filled += len(cells) * copies
                if filled > MAX_FILLED_CELLS:
                    raise OdsError(
                        _("Le classeur contient plus de %(count)s cellules remplies : fichier refusé.")
                        % {"count": MAX_FILLED_CELLS}
                    )
                for offset in range(copies):
                    rows[row_index + offset] = cells
            row_index += repeat
        elif tag == TABLE:
            sheets.append(SheetGrid(element.get(NAME, ""), rows))
            rows, row_index = {}, 0
        elif rows_open:
            continue  # a cell or its text: its row reads it when the row ends
        element.clear()
        if stack:
            # Ended siblings are removed as we go, so this one sits near the front: cheap.
            stack[-1].remove(element)
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
    paragraphs = [child for child in element if child.tag in (PARAGRAPH, HEADING)]
    if len(paragraphs) == 1 and not len(paragraphs[0]):  # the common case: one plain paragraph
        text = _WHITESPACE.sub(" ", paragraphs[0].text or "").strip()
    else:
        text = "\n".join(_inline(paragraph) for paragraph in paragraphs).strip()
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
