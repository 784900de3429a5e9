"""What every PDF the application renders is made of: its font, tags and metadata."""

import io

import pytest
from django.utils import timezone, translation
from pypdf import PdfReader

from register.choices import OrganisationKind, TreatmentRole
from register.exports import build
from register.exports.documents import html_to_pdf
from register.exports.ods import build_register_ods
from register.exports.pdf import build_register_pdf
from register.filter_form import RegisterFilterForm
from register.scopes import RegisterScope
from tests.conftest import make_organisation, make_treatment
from tests.pdfs import bookmarks, embedded_fonts, pdf_properties, pdf_text, xmp_metadata
from tests.register.samples.odf_cells import read_sheets, row_labelled

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


# --- tagged for accessibility (PDF/UA-1), made for archiving (PDF/A-2u) ------------------


@pytest.fixture
def register(db):
    centrecall = make_organisation("CentreCall", kind=OrganisationKind.SELF)
    osiris = make_organisation("Osiris")
    return [
        make_treatment(controller=centrecall, name="Gestion du personnel et paie"),
        make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, name="Études de marché Osiris"),
    ]


EXPORT_VARIANTS = {
    "one fiche": ({"reference": "T-002"}, "Fiche du registre des activités de traitement — CentreCall"),
    # Only controller fiches match: the extract speaks for that role.
    "filtered list": ({"q": "paie"}, "Registre des activités de traitement du responsable de traitement — CentreCall"),
    "controller register": (
        {"role": "controller"},
        "Registre des activités de traitement du responsable de traitement — CentreCall",
    ),
    "processor register": (
        {"role": "processor"},
        "Registre des activités de traitement du sous-traitant — CentreCall",
    ),
    "per client": (
        {"role": "processor", "client": "Osiris"},
        "Registre des activités de traitement du sous-traitant — CentreCall",
    ),
    "past date": ({"date": "today"}, "Registre des activités de traitement — CentreCall"),
}


@pytest.mark.parametrize("variant", EXPORT_VARIANTS)
def test_every_pdf_export_is_tagged_titled_in_its_language_and_archivable(register, variant, tmp_path):
    params, title = EXPORT_VARIANTS[variant]
    if params.get("date") == "today":
        params = {"date": timezone.localdate().isoformat()}
    assert [fiche.reference for fiche in register] == ["T-001", "T-002"]
    content = build_register_pdf(RegisterFilterForm(params).scope)[2]
    properties = pdf_properties(content, tmp_path)
    assert properties["Tagged"] == "yes"
    assert properties["Title"] == title
    reader = PdfReader(io.BytesIO(content))
    assert reader.metadata.title == title
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]  # viewers show the title
    xmp = xmp_metadata(content)
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="U"' in xmp  # PDF/A-2u
    assert 'pdfuaid:part="1"' in xmp  # PDF/UA-1
    assert all(name.startswith(VENDORED_FONT) and embedded for name, embedded in embedded_fonts(content, tmp_path))


def test_each_fiche_is_a_top_level_bookmark(register):
    content = build_register_pdf(RegisterScope())[2]
    marks = bookmarks(content)
    assert "T-001 · Gestion du personnel et paie" in marks
    assert "T-002 · Études de marché Osiris" in marks
    assert marks.index("T-001 · Gestion du personnel et paie") < marks.index("T-002 · Études de marché Osiris")


# --- findings, language, file names ----------------------------------------------------


def test_the_fiche_pdf_lists_its_compliance_findings(register):
    from register.models import DataCategory, DataCategoryLine

    fiche = register[0]
    DataCategoryLine.objects.create(
        treatment=fiche,
        category=DataCategory.objects.filter(is_sensitive=True).first(),
        description="Arrêts de travail",
        retention_value=5,
        retention_unit="years",
    )
    text = pdf_text(build_register_pdf(RegisterScope(reference=fiche.reference))[2])
    assert "Points de conformité" in text
    assert "Bloquant" in text and "sans exception de l'article 9(2)." in text
    clean = pdf_text(build_register_pdf(RegisterScope(reference=register[1].reference))[2])
    assert "Aucun point de non-conformité détecté." in clean and "Non conforme" not in clean


def test_a_pdf_is_written_in_the_language_the_user_reads_the_site_in(register, tmp_path):
    with translation.override("en"):
        content = build_register_pdf(RegisterScope(reference=register[0].reference))[2]
    text = pdf_text(content)
    assert "Record from the register of processing activities" in text
    assert "Description of the processing" in text and "Description du traitement" not in text
    assert PdfReader(io.BytesIO(content)).trailer["/Root"]["/Lang"] == "en"
    assert pdf_properties(content, tmp_path)["Tagged"] == "yes"


def test_the_ods_stays_the_french_cnil_template_whatever_the_language(register):
    with translation.override("en"):
        _filename, _mimetype, content = build_register_ods(RegisterScope(reference=register[0].reference))
    sheets = read_sheets(content)
    fiche = next(rows for name, rows in sheets.items() if name.startswith("T-001"))
    assert row_labelled(fiche, "Nom du traitement")[1].text == "Gestion du personnel et paie"
    assert row_labelled(fiche, "Rôle de l'organisme")[1].text == "Responsable de traitement"


def test_pdf_and_ods_of_a_scope_share_one_file_name_rule(register):
    day = timezone.localdate().isoformat()
    for scope, name in (
        (RegisterScope(), f"registre-centrecall-complet-{day}"),
        (RegisterScope(role=TreatmentRole.PROCESSOR), f"registre-centrecall-sous-traitant-{day}"),
        (RegisterScope(reference="T-002"), f"registre-centrecall-t-002-{day}"),
    ):
        assert build("pdf", scope)[0] == f"{name}.pdf"
        assert build("ods", scope)[0] == f"{name}.ods"
