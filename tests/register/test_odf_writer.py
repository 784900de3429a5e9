"""The ODS writer as other apps use it: sheets of text, date and merged cells, read back with odfpy."""

from datetime import date

import pytest

from register.exports.odf_writer import STYLES, Cell, Sheet, build_spreadsheet
from tests.register.samples.odf_cells import read_sheets


def test_a_sheet_of_text_dates_and_merged_cells_reads_back_as_written():
    sheet = Sheet("Incidents", widths_cm=[3, 8, 3])
    sheet.add_row(Cell("Registre des incidents", "title", span=3))
    sheet.add_row(Cell("Réf.", "header"), Cell("Nature", "header"), Cell("Date", "header"))
    sheet.add_row("I-001", "Perte d'un ordinateur\nportable", date(2026, 3, 4))
    sheet.add_blank_row()
    sheet.add_row("=1+1", None, "")
    content = build_spreadsheet([sheet], title="Registre des incidents", creator="Sophie Lambert")
    rows = read_sheets(content)["Incidents"]
    assert rows[0][0].text == "Registre des incidents" and len(rows[0]) == 3  # merged: covered cells follow
    assert [cell.text for cell in rows[1]] == ["Réf.", "Nature", "Date"]
    reference, nature, day = rows[2]
    assert (reference.text, nature.text) == ("I-001", "Perte d'un ordinateur\nportable")
    assert (day.value_type, day.date_value, day.text) == ("date", "2026-03-04", "04/03/2026")
    formula_like = rows[4][0]
    assert (formula_like.text, formula_like.value_type, formula_like.formula) == ("=1+1", "string", None)


def test_an_unknown_style_or_span_is_refused_where_the_cell_is_written():
    with pytest.raises(ValueError, match="Unknown cell style 'bold'"):
        Cell("Total", "bold")
    with pytest.raises(ValueError, match="one column or more"):
        Cell("Total", "text", span=0)
    assert {"title", "header", "label", "text", "date"} <= set(STYLES)
