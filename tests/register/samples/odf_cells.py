"""Read an .ods file back with odfpy, independently of the app's own reader."""

import io
import shutil
import subprocess
from dataclasses import dataclass

from odf import teletype
from odf.namespaces import OFFICENS, TABLENS
from odf.opendocument import load
from odf.table import Table


@dataclass(frozen=True)
class OdfCell:
    text: str
    value_type: str | None
    date_value: str | None
    formula: str | None


def read_sheets(data):
    """{sheet name: list of rows, each a list of OdfCell with repeats expanded (capped)}."""
    document = load(io.BytesIO(data))
    sheets = {}
    for table in document.spreadsheet.getElementsByType(Table):
        rows = []
        for row in table.childNodes:
            if row.qname != (TABLENS, "table-row"):
                continue
            cells = []
            for cell in row.childNodes:
                if cell.qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
                    continue
                repeat = min(int(cell.getAttrNS(TABLENS, "number-columns-repeated") or 1), 50)
                paragraphs = [teletype.extractText(p) for p in cell.childNodes if p.qname[1] == "p"]
                value = OdfCell(
                    "\n".join(paragraphs),
                    cell.getAttrNS(OFFICENS, "value-type"),
                    cell.getAttrNS(OFFICENS, "date-value"),
                    cell.getAttrNS(TABLENS, "formula"),
                )
                cells.extend([value] * repeat)
            rows.append(cells)
        sheets[table.getAttrNS(TABLENS, "name")] = rows
    return sheets


def row_labelled(rows, label, occurrence=1):
    """The row whose first cell reads `label`."""
    found = [row for row in rows if row and row[0].text == label]
    return found[occurrence - 1]


def texts(rows):
    return [[cell.text for cell in row] for row in rows]


def soffice():
    """LibreOffice's binary. The suite needs it and `make test` installs it: none is a failure, not a skip."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise RuntimeError("LibreOffice (soffice) is missing: `make test-deps` installs it.")
    return found


def convert(path, target, outdir):
    """LibreOffice headless conversion; returns the CompletedProcess."""
    return subprocess.run(
        [
            soffice(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{outdir}/profile",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(path),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
