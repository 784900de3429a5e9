"""Documents people keep, rendered as PDF: the building block every export of a document uses.

`render_pdf(template_name, context)` renders a Django template and lays the HTML out with
WeasyPrint, so the register's extracts and, later, the processes' and incidents' documents
come out alike:

- the only files WeasyPrint may read are the project's static files (`StaticFilesFetcher`);
- the text is set in the font vendored under static/vendor (Source Sans 3), never in
  whatever fonts the server happens to have, so a document breaks its lines the same way
  on every machine;
- the PDF is tagged for screen readers (PDF/UA-1: structure from the HTML, title from its
  <title>, language from <html lang>, bookmarks from its headings) and made for archiving
  (PDF/A-2u: fonts embedded, sRGB output intent, a file identifier, XMP metadata).

WeasyPrint 70 writes one PDF variant at a time. We ask for PDF/A-2u with tags and add
PDF/UA-1's identification to the XMP metadata: the two standards are meant to be combined
(PDF/A-2 or -3 with PDF/UA-1, never PDF/A-1), and PDF/UA-1's variant in WeasyPrint sets
nothing more than the tags and that identification. PDF/A-2 rather than -3, because a
register extract embeds no files and PDF/A-2 is what archives accept most widely; level
"u" (text mapped to Unicode) rather than "a", whose structure requirement PDF/UA already
states more strictly.

A template links its own stylesheet with `{% static %}`; the font comes first, as a user
stylesheet, so the template's rules win everywhere except the font they need not name.
"""

from urllib.parse import urljoin
from xml.etree.ElementTree import SubElement, fromstring, tostring

import weasyprint
from django.template.loader import render_to_string
from django.templatetags.static import static
from weasyprint.pdf.metadata import NS, DocumentMetadata
from weasyprint.text.fonts import FontConfiguration

from .fetcher import BASE_URL, StaticFilesFetcher

PDF_MIMETYPE = "application/pdf"
DOCUMENT_STYLESHEETS = ("vendor/source-sans-3.052/source-sans-3.css", "css/document.css")
PDF_OPTIONS = {"pdf_variant": "pdf/a-2u", "pdf_tags": True}


def render_pdf(template_name, context, *, request=None):
    """The PDF bytes of `template_name` rendered with `context`, in the active language."""
    return html_to_pdf(render_to_string(template_name, context, request=request))


def html_to_pdf(html):
    """Lay out `html` as PDF; it may read the project's static files and nothing else."""
    return write_document(lay_out(html))


def lay_out(html):
    """The WeasyPrint document of `html` (its pages, links and anchors), not yet written."""
    fetcher = StaticFilesFetcher()
    fonts = FontConfiguration()
    stylesheets = [
        weasyprint.CSS(url=urljoin(BASE_URL, static(path)), url_fetcher=fetcher, font_config=fonts)
        for path in DOCUMENT_STYLESHEETS
    ]
    html = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return html.render(stylesheets=stylesheets, font_config=fonts, **PDF_OPTIONS)


def write_document(document):
    """The PDF/A-2u + PDF/UA-1 bytes of a document `lay_out` made."""
    document.metadata = AccessibleArchiveMetadata(**vars(document.metadata))
    return document.write_pdf(**PDF_OPTIONS)


class AccessibleArchiveMetadata(DocumentMetadata):
    """XMP metadata that says PDF/UA-1 besides the PDF/A part WeasyPrint writes."""

    def generate_rdf_metadata(self, variant, version, conformance):
        rdf = fromstring(super().generate_rdf_metadata(variant, version, conformance))
        description = SubElement(rdf, f"{{{NS['rdf']}}}Description", {f"{{{NS['rdf']}}}about": ""})
        description.set(f"{{{NS['pdfuaid']}}}part", "1")
        return tostring(rdf, encoding="utf-8")
