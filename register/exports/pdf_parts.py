"""The register's PDF built part by part: each fiche laid out on its own, then assembled.

WeasyPrint lays out a 100-fiche register (about 280 pages) in one pass that no cache can
shorten and one core runs. Every fiche starts on a new page (print.css: `.fiche
{ break-before: page }`) and nothing in it depends on the pages before it, so each fiche
is laid out alone — in parallel (pdf_render.py), and only when its HTML changed since the
last build. Then:

1. the front (cover, contents, overview, clients) is laid out with each fiche's first page
   written into the contents — known now that every fiche has its page count;
2. one stamp document carries the footer of every page (the extract line and « Page X / Y »),
   page for page in the size of the page it lands on;
3. pdf_assembly.py joins the parts, lays the stamps over them, and rebuilds what spans the
   whole file: bookmarks, named destinations of internal links, the structure tree.

Everything is rendered from the database here, in the calling process; the workers only
ever get HTML strings.
"""

from django.template.loader import render_to_string

from . import pdf_render
from .pdf_assembly import assemble

PART_TEMPLATE = "register/exports/pdf/part.html"
STAMP_TEMPLATE = "register/exports/pdf/stamp.html"
FRONT_ATTEMPTS = 3  # a fiche's page number changing the contents' own length settles at once


def build_register_pdf_in_parts(context, *, progress=None):
    """The PDF bytes of the register document `context` describes (pdf.document_context)."""
    treatments = context["treatments"]
    fiches = [
        pdf_render.Part(f"fiche-{treatment.pk}", render_to_string(PART_TEMPLATE, {**context, "treatment": treatment}))
        for treatment in treatments
    ]
    rendered_fiches = pdf_render.render_parts(fiches, progress=progress)
    front = render_front(context, [fiche.pages for fiche in rendered_fiches])
    parts = [front, *rendered_fiches]
    landscape = [flag for part in parts for flag in part.landscape]
    stamp_html = render_to_string(STAMP_TEMPLATE, {**context, "pages": landscape})
    stamps = pdf_render.render_parts([pdf_render.Part("stamp", stamp_html)])[0]
    return assemble(parts, stamps)


def render_front(context, fiche_pages):
    """The front laid out with the page where each fiche starts written in its contents.

    Those numbers depend on the front's own length; the guess is the length it had last
    time for as many fiches, checked and, if wrong, laid out again with the length found.
    """
    treatments = context["treatments"]
    elsewhere = tuple(f"fiche-{treatment.pk}" for treatment in treatments)
    guess_key = f"front-pages:{len(treatments)}:{len(context['clients'])}"
    front_pages = pdf_render.remembered(guess_key) or 1
    for _attempt in range(FRONT_ATTEMPTS):
        first_page = front_pages + 1
        for treatment, pages in zip(treatments, fiche_pages, strict=True):
            treatment.toc_page = first_page
            first_page += pages
        html = render_to_string(PART_TEMPLATE, {**context, "front": True})
        front = pdf_render.render_parts([pdf_render.Part("front", html, elsewhere)])[0]
        if front.pages == front_pages:
            break
        front_pages = front.pages
    pdf_render.remember(guess_key, front.pages)
    return front
