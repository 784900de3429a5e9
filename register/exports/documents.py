"""Documents people keep, rendered as PDF: the building block every export of a document uses.

`render_pdf(template_name, context)` renders a Django template and lays the HTML out with
WeasyPrint, so the register's extracts and, later, the processes' and incidents' documents
come out alike:

- the only files WeasyPrint may read are the project's static files (`StaticFilesFetcher`);
- the text is set in the font vendored under static/vendor (Source Sans 3), never in
  whatever fonts the server happens to have, so a document breaks its lines the same way
  on every machine.

A template links its own stylesheet with `{% static %}`; the font comes first, as a user
stylesheet, so the template's rules win everywhere except the font they need not name.
"""

from urllib.parse import urljoin

import weasyprint
from django.template.loader import render_to_string
from django.templatetags.static import static
from weasyprint.text.fonts import FontConfiguration

from .fetcher import BASE_URL, StaticFilesFetcher

PDF_MIMETYPE = "application/pdf"
DOCUMENT_STYLESHEETS = ("vendor/source-sans-3.052/source-sans-3.css", "css/document.css")


def render_pdf(template_name, context, *, request=None):
    """The PDF bytes of `template_name` rendered with `context`."""
    return html_to_pdf(render_to_string(template_name, context, request=request))


def html_to_pdf(html):
    """Lay out `html` as PDF; it may read the project's static files and nothing else."""
    fetcher = StaticFilesFetcher()
    fonts = FontConfiguration()
    stylesheets = [
        weasyprint.CSS(url=urljoin(BASE_URL, static(path)), url_fetcher=fetcher, font_config=fonts)
        for path in DOCUMENT_STYLESHEETS
    ]
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets, font_config=fonts)
