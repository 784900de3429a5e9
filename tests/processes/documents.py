"""Reading the processes' documents back in tests: the ODS rows and the page's table."""

import re
from html import unescape

from register.imports.odf_reader import read_workbook


def ods_rows(content):
    """Each row of the first sheet of an .ods file, as the list of its cells' text."""
    grid = read_workbook(content).sheets[0]
    width = max((max(row) for row in grid.rows.values() if row), default=-1) + 1
    return [
        [(grid.cell(index, column).text if grid.cell(index, column) else "") for column in range(width)]
        for index in sorted(grid.rows)
    ]


def _text(fragment):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def html_table(html, css_class="operations-table"):
    """(headings, rows of cell texts) of the page's table of class `css_class`."""
    table = re.search(rf'<table class="[^"]*{css_class}[^"]*">(.*?)</table>', html, re.S).group(1)
    headings = [_text(cell) for cell in re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", table, re.S)]
    body = table.split("<tbody>", 1)[1]
    rows = [
        [_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]
    return headings, rows
