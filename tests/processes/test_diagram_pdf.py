"""The MOT diagram inside a PDF: WeasyPrint draws the SVG's text in the vendored font."""

from processes.diagram import render_svg
from register.exports.documents import html_to_pdf
from tests.pdfs import embedded_fonts, pdf_text

from .market_study import market_study_process


def test_a_pdf_with_the_diagram_embeds_source_sans_3_and_keeps_the_text(tmp_path):
    svg = render_svg(market_study_process()).split("?>", 1)[1]
    html = f'<html lang="fr"><head><title>Diagramme</title></head><body>{svg}</body></html>'
    pdf = html_to_pdf(html)
    fonts = embedded_fonts(pdf, tmp_path)
    assert fonts
    assert all(name.startswith("Source-Sans-3") and embedded for name, embedded in fonts), fonts
    text = pdf_text(pdf)
    assert "Enregistrement d'un appel téléphonique" in text
    assert "OP-01" in text
