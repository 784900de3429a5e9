"""Reading PDFs back in tests: their text as a reader would see it, their fonts and properties.

A phrase of a document may be split over two lines ("(art. 9(2)" / "(b))"), and where that
happens depends on the font and the column width, not on what the document says. So tests
ask whether a phrase is *in* the text with whitespace and hyphens left out of both sides:
the words and their order count, the line breaks do not.
"""

import io
import re
import subprocess

from pypdf import PdfReader

LINE_BREAK_NOISE = re.compile(r"[\s\-\u00ad\u2010\u2011]+")  # whitespace, hyphens, soft hyphens


def squash(text):
    return LINE_BREAK_NOISE.sub("", text)


class PdfText(str):
    """The text of a PDF as extracted; `phrase in text` ignores line breaks and hyphens."""

    def __contains__(self, phrase):
        return squash(phrase) in squash(str(self))


def pdf_pages(pdf):
    """The text of each page of `pdf` (bytes, a path or a file), as PdfText."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return [PdfText(page.extract_text()) for page in PdfReader(source).pages]


def pdf_text(pdf):
    """The text of the whole of `pdf`, as PdfText."""
    return PdfText("\n".join(pdf_pages(pdf)))


def poppler(tool, pdf, tmp_path):
    """The output of poppler-utils' `tool` (pdfinfo, pdffonts) on `pdf` bytes."""
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True)
    return result.stdout


def embedded_fonts(pdf, tmp_path):
    """(name without its subset prefix, embedded?) for each font `pdffonts` lists."""
    rows = poppler("pdffonts", pdf, tmp_path).splitlines()[2:]
    fonts = []
    for row in rows:
        name, *_types, embedded, _subset, _unicode, _object, _generation = row.split()
        fonts.append((name.split("+", 1)[-1], embedded == "yes"))
    return fonts


def pdf_properties(pdf, tmp_path):
    """`pdfinfo`'s "Key: value" lines as a dict."""
    lines = poppler("pdfinfo", pdf, tmp_path).splitlines()
    return {key.strip(): value.strip() for key, _colon, value in (line.partition(":") for line in lines)}


def xmp_metadata(pdf):
    """The document's XMP metadata stream, as text."""
    return PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data().decode()


def bookmarks(pdf):
    """The titles of the PDF's top-level bookmarks (outline), in order."""
    return [item.title for item in PdfReader(io.BytesIO(pdf)).outline if not isinstance(item, list)]


def outline_entries(pdf):
    """(depth, title, page number, top) of every bookmark, in order, nested ones included."""
    reader = PdfReader(io.BytesIO(pdf))
    entries = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title, reader.get_destination_page_number(item), round(item.top or 0, 1)))

    walk(reader.outline, 0)
    return entries


def internal_links(pdf):
    """(page number, rectangle, destination name, page number it leads to) of every link."""
    reader = PdfReader(io.BytesIO(pdf))
    destinations = reader.named_destinations
    links = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            name = str(annotation.get("/Dest", ""))
            target = reader.get_destination_page_number(destinations[name]) if name in destinations else None
            rectangle = tuple(round(float(value), 1) for value in annotation["/Rect"])
            links.append((number, rectangle, name, target))
    return links


def structure_elements(pdf):
    """(role, page number) of every element of the structure tree, depth first."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    elements = []

    def walk(node):
        node = node.get_object()
        if not hasattr(node, "get") or "/S" not in node:
            return
        page = node.raw_get("/Pg") if "/Pg" in node else None
        elements.append((str(node["/S"]), pages.get(page.idnum) if page is not None else None))
        kids = node.raw_get("/K") if "/K" in node else None
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    for kid in reader.trailer["/Root"]["/StructTreeRoot"]["/K"]:
        walk(kid)
    return elements
