"""A small OpenDocument spreadsheet writer: sheets of rows of text and date cells.

The building block every spreadsheet export uses (the register's CNIL file today, the
processes' and incidents' lists next). Its public API is three names:

    from register.exports.odf_writer import Cell, Sheet, build_spreadsheet

    sheet = Sheet("Incidents", widths_cm=[3, 8, 3])        # one width per column
    sheet.add_row(Cell("Registre des incidents", "title", span=3))
    sheet.add_row(Cell("Réf.", "header"), Cell("Nature", "header"), Cell("Date", "header"))
    sheet.add_row("I-001", "Perte d'un ordinateur", date(2026, 3, 4))  # plain values are "text" cells
    sheet.add_blank_row()
    content = build_spreadsheet([sheet], title="Registre des incidents", creator="Sophie Lambert")

A cell holds text (any value but a date is written as its str()), a `date` (a real date
cell, shown dd/mm/yyyy) or None (empty); its style is one of STYLES; `span` merges it with
the cells to its right. `build_spreadsheet` returns the .ods file's bytes, of MIME type
`register.cnil.MIMETYPE` (application/vnd.oasis.opendocument.spreadsheet).

Why not odfpy's document model: building a register of 1,000 fiches (≈300,000 cells)
through odfpy's element objects takes about half a minute; writing the XML directly takes
a fraction of a second. The format written here is deliberately narrow — string cells,
date cells, merged cells, a few cell styles — and never a formula: every text is an
`office:value-type="string"` cell, which no spreadsheet evaluates (see `_text_cell`).
"""

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape, quoteattr

from ..cnil import MIMETYPE

# Characters XML 1.0 cannot carry (control characters other than tab and newline).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'office:version="1.3"'
)
_BORDER = 'fo:border="0.5pt solid #9e9e9e"'
# name: (cell properties, text properties, extra attributes)
STYLES = {
    "title": ("", 'fo:font-size="14pt" fo:font-weight="bold" fo:color="#1f3864"', ""),
    "muted": ('fo:wrap-option="wrap"', 'fo:font-style="italic" fo:color="#595959"', ""),
    "section": (
        f'fo:background-color="#1f3864" {_BORDER} fo:wrap-option="wrap"',
        'fo:font-weight="bold" fo:color="#ffffff"',
        "",
    ),
    "header": (f'fo:background-color="#d9e2f3" {_BORDER} fo:wrap-option="wrap"', 'fo:font-weight="bold"', ""),
    "label": (
        f'fo:background-color="#f2f2f2" {_BORDER} fo:wrap-option="wrap" style:vertical-align="top"',
        'fo:font-weight="bold"',
        "",
    ),
    "text": (f'{_BORDER} fo:wrap-option="wrap" style:vertical-align="top"', "", ""),
    "date": (
        f'{_BORDER} style:vertical-align="top" style:text-align-source="fix"',
        "",
        'style:data-style-name="N_date"',
    ),
}


__all__ = ["STYLES", "Cell", "Sheet", "build_spreadsheet"]


@dataclass(frozen=True)
class Cell:
    """One cell: text, a date, or empty (None), in one of STYLES; `span` columns wide when merged."""

    value: object = None
    style: str = "text"
    span: int = 1

    def __post_init__(self):
        # A wrong style or span would give a file spreadsheets open wrongly: fail where it is written.
        if self.style not in STYLES:
            raise ValueError(f"Unknown cell style {self.style!r}; styles: {', '.join(STYLES)}.")
        if not isinstance(self.span, int) or self.span < 1:
            raise ValueError(f"A cell spans one column or more, not {self.span!r}.")


class Sheet:
    """One sheet: its name (as the tab shows it), its column widths in cm, and its rows in order."""

    def __init__(self, name, widths_cm):
        self.name = name
        self.widths_cm = widths_cm
        self.rows = []

    def add_row(self, *cells):
        """Append a row; each value is a Cell or a plain value (a "text" cell, or a date cell for a date)."""
        self.rows.append([cell if isinstance(cell, Cell) else Cell(cell) for cell in cells])

    def add_blank_row(self):
        self.rows.append([])


def _clean_text(value):
    value = str(value)
    if _INVALID_XML.search(value):
        value = _INVALID_XML.sub("", value)
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def _paragraph_xml(line):
    """One line as <text:p>, keeping runs of spaces and tabs that XML would collapse."""
    line = escape(line)
    if "  " not in line and "\t" not in line and not line.startswith(" "):
        return f"<text:p>{line}</text:p>"
    line = line.replace("\t", "<text:tab/>")
    line = re.sub(r" {2,}", lambda run: f' <text:s text:c="{len(run.group()) - 1}"/>', line)
    if line.startswith(" "):
        line = "<text:s/>" + line[1:]
    return f"<text:p>{line}</text:p>"


def _text_cell(text, style, span_xml):
    """A string cell. Text such as "=1+1" or "@SUM(A1)" stays text: a cell typed
    office:value-type="string" with no table:formula attribute is shown as it is by every
    spreadsheet that reads ODS (LibreOffice, Excel, Google Sheets). A leading apostrophe,
    the keyboard's way to force text, is not an escape in the file format: it would become
    part of the value for every reader and corrupt the register on a round trip."""
    paragraphs = "".join(_paragraph_xml(line) for line in _clean_text(text).split("\n"))
    return f'<table:table-cell{_style(style)} office:value-type="string"{span_xml}>{paragraphs}</table:table-cell>'


def _style(style):
    """The style attribute, omitted for plain text: columns default to that style."""
    return "" if style == "text" else f' table:style-name="ce_{style}"'


def _cell_xml(cell):
    span_xml = f' table:number-columns-spanned="{cell.span}" table:number-rows-spanned="1"' if cell.span > 1 else ""
    covered = f'<table:covered-table-cell table:number-columns-repeated="{cell.span - 1}"/>' if cell.span > 1 else ""
    value = cell.value
    if value is None or value == "":
        main = f"<table:table-cell{_style(cell.style)}{span_xml}/>"
    elif isinstance(value, date) and not isinstance(value, datetime):
        style = "date" if cell.style == "text" else cell.style
        main = (
            f'<table:table-cell{_style(style)} office:value-type="date" office:date-value="{value.isoformat()}"'
            f"{span_xml}><text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
        )
    else:
        main = _text_cell(value, cell.style, span_xml)
    return main + covered


def _sheet_xml(sheet, parts):
    parts.append(f'<table:table table:name={quoteattr(_clean_text(sheet.name))} table:style-name="ta1">')
    for width in sheet.widths_cm:
        parts.append(
            f'<table:table-column table:style-name="{_column_style(width)}" table:default-cell-style-name="ce_text"/>'
        )
    for row in sheet.rows:
        parts.append('<table:table-row table:style-name="ro1">')
        if row:
            parts.extend(_cell_xml(cell) for cell in row)
        else:
            parts.append("<table:table-cell/>")
        parts.append("</table:table-row>")
    parts.append("</table:table>")


def _column_style(width_cm):
    return f"co_{round(width_cm * 100)}"


def _automatic_styles(sheets):
    parts = [
        '<style:style style:name="ta1" style:family="table" style:master-page-name="Default">'
        '<style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>',
        '<style:style style:name="ro1" style:family="table-row">'
        '<style:table-row-properties style:use-optimal-row-height="true" fo:break-before="auto"/></style:style>',
        '<number:date-style style:name="N_date"><number:day number:style="long"/><number:text>/</number:text>'
        '<number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>'
        "</number:date-style>",
    ]
    for width in sorted({width for sheet in sheets for width in sheet.widths_cm}):
        parts.append(
            f'<style:style style:name="{_column_style(width)}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{width}cm" fo:break-before="auto"/></style:style>'
        )
    for name, (cell_props, text_props, extra) in STYLES.items():
        parts.append(
            f'<style:style style:name="ce_{name}" style:family="table-cell" style:parent-style-name="Default" {extra}>'
            f"<style:table-cell-properties {cell_props}/>"
            f'<style:paragraph-properties fo:text-align="start"/><style:text-properties {text_props}/></style:style>'
        )
    return "".join(parts)


def _content_xml(sheets):
    parts = [
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES}>',
        f"<office:automatic-styles>{_automatic_styles(sheets)}</office:automatic-styles>",
        "<office:body><office:spreadsheet>",
    ]
    for sheet in sheets:
        _sheet_xml(sheet, parts)
    parts.append("</office:spreadsheet></office:body></office:document-content>")
    return "".join(parts)


_STYLES_XML = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_NAMESPACES}>'
    '<office:styles><style:default-style style:family="table-cell">'
    '<style:text-properties fo:font-size="10pt" style:font-name="Liberation Sans"/></style:default-style>'
    '<style:style style:name="Default" style:family="table-cell"/></office:styles>'
    '<office:automatic-styles><style:page-layout style:name="pm1">'
    '<style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" '
    'fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1cm" fo:margin-right="1cm" '
    'style:scale-to-X="1" style:scale-to-Y="0"/>'
    "</style:page-layout></office:automatic-styles>"
    '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"/>'
    "</office:master-styles></office:document-styles>"
)
_MANIFEST_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    f'<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _meta_xml(title, creator, created):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_NAMESPACES}><office:meta>'
        f"<meta:generator>CentreCall registre RGPD</meta:generator><dc:title>{escape(_clean_text(title))}</dc:title>"
        f"<meta:initial-creator>{escape(_clean_text(creator))}</meta:initial-creator>"
        f"<meta:creation-date>{created:%Y-%m-%dT%H:%M:%S}</meta:creation-date>"
        "</office:meta></office:document-meta>"
    )


def build_spreadsheet(sheets, *, title="", creator="", created=None):
    """The .ods file's bytes: the mimetype entry first and stored, as ODF requires."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", _content_xml(sheets))
        archive.writestr("styles.xml", _STYLES_XML)
        archive.writestr("meta.xml", _meta_xml(title, creator, created or datetime.now()))
        archive.writestr("META-INF/manifest.xml", _MANIFEST_XML)
    return buffer.getvalue()
