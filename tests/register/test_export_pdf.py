"""The PDF extract, read back with pypdf as a reader of the file would see it."""

import re
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from weasyprint.urls import FatalURLFetchingError, path2url

from register.choices import ContactRole, OrganisationKind, TreatmentRole
from register.exports import build
from register.exports.documents import html_to_pdf
from register.exports.fetcher import RefusedURL, StaticFilesFetcher
from register.exports.pdf import build_register_pdf, render_register_html
from register.filter_form import RegisterFilterForm
from register.models import LINE_MODELS, Contact, Treatment
from register.scopes import RegisterScope
from tests.conftest import make_organisation, make_treatment
from tests.pdfs import PdfText, pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def centrecall(db):
    organisation = make_organisation(
        "CentreCall", kind=OrganisationKind.SELF, address="12, rue Nationale", city="Tours"
    )
    Contact.objects.create(
        organisation=organisation, role=ContactRole.DPO, name="Sophie Lambert", email="dpo@cc.example"
    )
    Contact.objects.create(organisation=organisation, role=ContactRole.LEGAL_REPRESENTATIVE, name="Marc Delorme")
    return organisation


@pytest.fixture
def osiris(db):
    client = make_organisation("Osiris", city="Paris")
    Contact.objects.create(organisation=client, role=ContactRole.DPO, name="Antoine Roux", company="DPO Conseil SAS")
    return client


@pytest.fixture
def register(centrecall, osiris):
    return [
        make_treatment(controller=centrecall, name="Gestion du personnel et paie"),
        make_treatment(controller=centrecall, name="Prospection commerciale des entreprises"),
        make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, name="Études de marché Osiris"),
        make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, name="Enregistrement des appels d'études"),
    ]


def fiche_start_pages(pages, treatments):
    """1-based page where each fiche's section heading ("Fiche de traitement n° T-001") appears."""
    starts = {}
    for number, text in enumerate(pages, start=1):
        for treatment in treatments:
            if treatment.reference not in starts and re.search(
                rf"fiche de traitement n° {re.escape(treatment.reference)}\b", text, re.IGNORECASE
            ):
                starts[treatment.reference] = number
    return starts


def contents_page_numbers(pages):
    """Reference → page number printed in the table of contents (the page titled "Sommaire")."""
    contents = next(text for text in pages if text.lstrip().startswith("Sommaire"))
    return {ref: int(page) for ref, page in re.findall(r"(T-\d+)\b[^\n]*?\.{3,}\s*(\d+)", contents)}


def test_full_register_pdf_shows_every_fiche_reference_and_name(register):
    filename, mimetype, content = build_register_pdf(RegisterScope(), generated_by="Sophie Lambert")
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    assert re.fullmatch(r"registre-centrecall-complet-\d{4}-\d{2}-\d{2}\.pdf", filename)
    text = pdf_text(content)
    for treatment in register:
        assert treatment.reference in text
        assert treatment.name in text


def test_every_page_has_the_page_x_of_y_footer(register):
    pages = pdf_pages(build_register_pdf(RegisterScope())[2])
    total = len(pages)
    assert total >= 2 + len(register)  # cover, contents, overview…, one page or more per fiche
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} / {total}" in text


def test_contents_page_numbers_are_the_pages_where_each_fiche_starts(register):
    pages = pdf_pages(build_register_pdf(RegisterScope())[2])
    printed = contents_page_numbers(pages)
    actual = fiche_start_pages(pages, register)
    assert set(printed) == {treatment.reference for treatment in register}
    assert printed == actual
    assert max(printed.values()) <= len(pages)
    assert list(printed.values()) == sorted(printed.values())


def test_cover_names_organisation_dpo_date_and_who_generated_it(register):
    extracted_at = timezone.make_aware(datetime(2026, 11, 1, 9, 30))
    html = render_register_html(RegisterScope(), generated_by="Inès Faure", extracted_at=extracted_at)
    cover = pdf_pages(html_to_pdf(html))[0]
    for expected in ("CentreCall", "Registre des activités de traitement", "Sophie Lambert", "Marc Delorme"):
        assert expected in cover
    assert "1er novembre 2026 à 09:30" in cover
    assert "Établi par Inès Faure" in cover
    assert "Périmètre Registre complet" in cover


def test_processor_register_for_one_client_names_the_client_and_its_dpo_and_only_its_fiches(register, osiris):
    scope = RegisterFilterForm({"role": "processor", "client": "Osiris"}).scope
    filename, _mimetype, content = build_register_pdf(scope)
    assert filename.startswith("registre-centrecall-sous-traitant-osiris-")
    pages = pdf_pages(content)
    cover = pages[0]
    assert "Registre des activités de traitement du sous-traitant" in cover
    assert "article 30(2)" in cover
    assert "Osiris" in cover and "Antoine Roux" in cover and "DPO Conseil SAS" in cover
    text = PdfText("\n".join(pages))
    assert "Études de marché Osiris" in text and "Enregistrement des appels d'études" in text
    assert "Gestion du personnel et paie" not in text


def test_controller_register_leaves_out_processor_fiches(register):
    _filename, _mimetype, content = build_register_pdf(RegisterScope(role=TreatmentRole.CONTROLLER))
    text = pdf_text(content)
    assert "Registre des activités de traitement du responsable de traitement" in text
    assert "Gestion du personnel et paie" in text
    assert "Études de marché Osiris" not in text


def test_one_fiche_extract_has_the_fiche_and_no_contents(register):
    fiche = register[2]
    filename, _mimetype, content = build("pdf", RegisterScope(reference=fiche.reference))
    assert f"-{fiche.reference.lower()}-" in filename
    pages = pdf_pages(content)
    text = PdfText("\n".join(pages))
    assert not any(page.lstrip().startswith("Sommaire") for page in pages)
    assert fiche.name in text and "Nom, prénom" in text and "6 mois à compter de la collecte" in text
    assert register[0].name not in text
    # A processor fiche: the client is the controller on the cover (art. 30(2)(a)).
    assert "Antoine Roux" in pages[0]


def test_filtered_list_extract_keeps_only_matching_fiches(register):
    scope = RegisterFilterForm({"q": "prospection"}).scope
    filename, _mimetype, content = build_register_pdf(scope)
    assert "-selection-" in filename
    text = pdf_text(content)
    assert "Prospection commerciale des entreprises" in text
    assert "Gestion du personnel et paie" not in text
    assert "Périmètre Recherche « prospection »" in text


def test_register_as_of_a_past_date_shows_the_fiche_as_it_was(centrecall):
    fiche = make_treatment(controller=centrecall, name="Ancien nom du traitement")
    past = timezone.now() - timedelta(days=30)
    Treatment.history.filter(id=fiche.pk).update(history_date=past)
    for model in LINE_MODELS:
        model.history.filter(treatment_id=fiche.pk).update(history_date=past)
    fiche.name = "Nouveau nom du traitement"
    fiche.save()
    day = timezone.localdate(past)
    filename, _mimetype, content = build_register_pdf(RegisterScope(as_of=day))
    assert f"-etat-{day.isoformat()}-" in filename
    text = pdf_text(content)
    assert "Ancien nom du traitement" in text and "Nouveau nom du traitement" not in text
    assert f"état au {day:%d/%m/%Y}" in text


def test_sensitive_data_shows_its_art_9_exception(centrecall):
    from register.models import DataCategory, DataCategoryLine

    fiche = make_treatment(controller=centrecall, name="Suivi des arrêts maladie")
    DataCategoryLine.objects.create(
        treatment=fiche,
        category=DataCategory.objects.filter(is_sensitive=True).first(),
        description="Arrêts de travail",
        retention_value=5,
        retention_unit="years",
        art9_exception="b",
    )
    text = pdf_text(build_register_pdf(RegisterScope(reference=fiche.reference))[2])
    assert "Arrêts de travail" in text and "Droit du travail et de la protection sociale (art. 9(2)(b))" in text


def test_empty_scope_gives_a_pdf_that_says_so(centrecall):
    text = pdf_text(build_register_pdf(RegisterFilterForm({"q": "introuvable"}).scope)[2])
    assert "Aucune fiche ne correspond à ce périmètre." in text


def test_builder_runs_the_same_number_of_queries_for_5_and_50_fiches(centrecall, osiris):
    def queries_for(count):
        Treatment.objects.all().delete()
        for number in range(count):
            controller, role = (
                (osiris, TreatmentRole.PROCESSOR) if number % 2 else (centrecall, TreatmentRole.CONTROLLER)
            )
            make_treatment(controller=controller, role=role)
        with CaptureQueriesContext(connection) as queries:
            build_register_pdf(RegisterScope())
        return len(queries)

    assert queries_for(5) == queries_for(50)


# --- what WeasyPrint may read -----------------------------------------------------------


def test_fetcher_serves_the_print_stylesheet_from_static_files():
    response = StaticFilesFetcher().fetch("file:///static/css/print.css")
    assert response.content_type == "text/css"
    assert b"counter(pages)" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/logo.png",
        "http://127.0.0.1:8000/static/css/print.css",
        "ftp://example.com/file.css",
        "data:text/css,body{color:red}",
        "file:///etc/passwd",
        "file:///static/../centrecall/settings.py",
        "file:///static/%2e%2e/%2e%2e/etc/passwd",
        "file://otherhost/static/css/print.css",
    ],
)
def test_fetcher_refuses_anything_but_static_files(url):
    with pytest.raises(RefusedURL):
        StaticFilesFetcher().fetch(url)


def test_fetcher_refuses_project_files_outside_static():
    with pytest.raises(RefusedURL):
        StaticFilesFetcher().fetch(path2url(str(settings.BASE_DIR / "centrecall" / "settings.py")))


def test_fetcher_refuses_a_symlink_in_static_that_leads_outside(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe")
    static_dir = tmp_path / "static"
    static_dir.mkdir()
    (static_dir / "leak.css").symlink_to(secret)
    (static_dir / "ok.css").write_text("body {}")
    with override_settings(STATICFILES_DIRS=[static_dir]):
        fetcher = StaticFilesFetcher()
        assert fetcher.fetch("file:///static/ok.css").read() == b"body {}"
        with pytest.raises(RefusedURL):
            fetcher.fetch("file:///static/leak.css")
        with pytest.raises(RefusedURL):
            fetcher.fetch(path2url(str(static_dir / "leak.css")))


def test_a_document_naming_an_outside_url_is_not_rendered():
    html = '<html><body><p>Registre</p><img src="https://example.com/tracker.png"></body></html>'
    with pytest.raises(FatalURLFetchingError) as error:
        html_to_pdf(html)
    assert isinstance(error.value.__cause__, RefusedURL)


@pytest.mark.parametrize("params", [{"role": "processor", "client": "Osiris"}, {"date": "today"}])
def test_client_and_past_date_extracts_run_a_fixed_number_of_queries(centrecall, osiris, params):
    if params.get("date") == "today":
        params = {"date": timezone.localdate().isoformat()}

    def queries_for(count):
        Treatment.objects.all().delete()
        for number in range(count):
            make_treatment(controller=osiris if number % 2 else centrecall, role=TreatmentRole.PROCESSOR)
        with CaptureQueriesContext(connection) as queries:
            render_register_html(RegisterFilterForm(params).scope)
        return len(queries)

    assert queries_for(3) == queries_for(30)
