"""What every PDF the application renders is made of: its font, tags and metadata."""

import pytest

from register.exports.documents import html_to_pdf
from register.exports.pdf import build_register_pdf
from register.scopes import RegisterScope
from tests.conftest import make_treatment
from tests.pdfs import embedded_fonts

pytestmark = pytest.mark.django_db

VENDORED_FONT = "Source-Sans-3"


def test_a_register_extract_embeds_only_the_vendored_font(tmp_path):
    # This machine has Liberation and DejaVu installed: none of them may reach the PDF.
    fiche = make_treatment(name="Gestion du personnel et paie")
    _filename, _mimetype, content = build_register_pdf(RegisterScope(reference=fiche.reference))
    fonts = embedded_fonts(content, tmp_path)
    assert fonts, "the PDF has text, so it has fonts"
    assert all(name.startswith(VENDORED_FONT) and embedded for name, embedded in fonts), fonts


def test_regular_bold_and_italic_all_come_from_the_vendored_font(tmp_path):
    html = '<html lang="fr"><body><p>Droit <b>du travail</b> <i>art. 9</i> <b><i>(2)(b)</i></b> Łódź</p></body></html>'
    # Pango names the regular face "Source-Sans-3," (the comma keeps the 3 from reading as a size).
    names = {name.rstrip(",") for name, _embedded in embedded_fonts(html_to_pdf(html), tmp_path)}
    assert names == {VENDORED_FONT, f"{VENDORED_FONT}-Bold", f"{VENDORED_FONT}-Italic", f"{VENDORED_FONT}-Bold-Italic"}
