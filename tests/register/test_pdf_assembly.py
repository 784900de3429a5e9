"""The register's PDF laid out fiche by fiche, cached and assembled (register/exports/pdf_parts.py),
read back with pypdf against the single pass it replaces."""

import pytest
from django.utils import timezone, translation

from register.exports import pdf_render
from register.exports.pdf import build_register_pdf, build_register_pdf_single_pass
from register.generator import generate_register
from register.models import Treatment
from register.scopes import RegisterScope
from tests.pdfs import internal_links, outline_entries, pdf_pages, structure_elements

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiches(db):
    return generate_register(4, prefix="T", lines_per_kind=2)


@pytest.fixture
def layouts(monkeypatch):
    """The name of every part laid out (not taken from the cache), in order."""
    names = []
    render_part = pdf_render.render_part

    def counting(html, elsewhere=()):
        names.append(next(name for name, text in parts_by_html.items() if text == html))
        return render_part(html, elsewhere)

    parts_by_html = {}
    render_parts = pdf_render.render_parts

    def recording(parts, **options):
        parts_by_html.update({part.name: part.html for part in parts})
        return render_parts(parts, **options)

    monkeypatch.setattr(pdf_render, "render_part", counting)
    monkeypatch.setattr(pdf_render, "render_parts", recording)
    return names


def both_builds(scope=None):
    extracted_at = timezone.now().replace(microsecond=0)
    scope = scope or RegisterScope()
    single = build_register_pdf_single_pass(scope, generated_by="Inès Faure", extracted_at=extracted_at)[2]
    parts = build_register_pdf(scope, generated_by="Inès Faure", extracted_at=extracted_at)[2]
    return single, parts


def fiche_layouts(names):
    return sorted(name for name in names if name.startswith("fiche-"))


def test_register_in_parts_reads_exactly_like_the_single_pass(fiches, settings):
    settings.PDF_RENDER_PROCESSES = 2  # the fiches go through the pool of processes
    single, parts = both_builds()
    assert pdf_pages(parts) == pdf_pages(single)  # every page's text, footers and contents included
    assert outline_entries(parts) == outline_entries(single)
    assert internal_links(parts) == internal_links(single)
    assert structure_elements(parts) == structure_elements(single)


def test_contents_links_and_bookmarks_of_the_parts_lead_to_each_fiche(fiches):
    parts = build_register_pdf(RegisterScope())[2]
    pages = pdf_pages(parts)
    links = internal_links(parts)
    for fiche in fiches:
        # Its line of the contents (page 2) may be split in several link rectangles: one target.
        [target] = {link[3] for link in links if link[2] == f"fiche-{fiche.pk}" and link[0] == 1}
        assert f"FICHE DE TRAITEMENT N° {fiche.reference}" in pages[target]  # its kicker, in capitals
        assert (0, f"{fiche.reference} · {fiche.name}", target) in [entry[:3] for entry in outline_entries(parts)]
    total = len(pages)
    assert all(f"Page {number} / {total}" in text for number, text in enumerate(pages, start=1))


def test_progress_is_reported_after_each_fiche(fiches):
    reports = []
    build_register_pdf(RegisterScope(), progress=lambda done, total: reports.append((done, total)))
    assert reports[-1] == (4, 4)
    assert [done for done, _total in reports] == sorted(done for done, _total in reports)
    assert {total for _done, total in reports} == {4}


def test_a_second_build_of_an_unchanged_register_lays_no_fiche_out_again(fiches, layouts):
    build_register_pdf(RegisterScope())
    assert fiche_layouts(layouts) == sorted(f"fiche-{fiche.pk}" for fiche in fiches)
    layouts.clear()
    build_register_pdf(RegisterScope())
    assert layouts in (["front"], [])  # the cover tells the time of the extract; the stamps, its day


def test_editing_one_fiche_lays_out_only_that_fiche_again(fiches, layouts):
    first = build_register_pdf(RegisterScope())[2]
    layouts.clear()
    edited = Treatment.objects.get(pk=fiches[2].pk)
    edited.main_purpose = "Mesurer la satisfaction des clients après chaque appel, par un questionnaire court."
    edited.save()
    second = build_register_pdf(RegisterScope())[2]
    assert fiche_layouts(layouts) == [f"fiche-{edited.pk}"]
    assert "par un questionnaire court" in "\n".join(pdf_pages(second))
    assert "par un questionnaire court" not in "\n".join(pdf_pages(first))


def test_a_fiche_laid_out_again_replaces_its_cache_entry(fiches, pdf_parts_cache):
    build_register_pdf(RegisterScope())
    entries = len(list(pdf_parts_cache.iterdir()))
    for fiche in Treatment.objects.filter(pk__in=[fiches[0].pk, fiches[1].pk]):
        fiche.main_purpose += " Revu en décembre."
        fiche.save()
    build_register_pdf(RegisterScope())
    assert len(list(pdf_parts_cache.iterdir())) == entries


def test_another_language_lays_every_fiche_out_again(fiches, layouts):
    build_register_pdf(RegisterScope())
    layouts.clear()
    with translation.override("en"):
        english = build_register_pdf(RegisterScope())[2]
    assert fiche_layouts(layouts) == sorted(f"fiche-{fiche.pk}" for fiche in fiches)
    assert "Processing record no." in "\n".join(pdf_pages(english)) or "Contents" in pdf_pages(english)[1]


def test_a_huge_hostile_field_still_renders_in_parts(fiches):
    hostile = Treatment.objects.get(pk=fiches[1].pk)
    word = "A" * 3000  # one unbreakable word, wider than the page many times over
    markup = '<script>alert(1)</script><a href="#fiche-1">lien</a> ]]> %PDF-1.7 endobj \\) ('
    hostile.main_purpose = f"{markup} {word} " + "Mot " * 4000
    hostile.save()
    single, parts = both_builds()
    pages = pdf_pages(parts)
    assert pages == pdf_pages(single)
    assert "<script>alert(1)</script>" in "\n".join(pages)
    total = len(pages)
    assert all(f"Page {number} / {total}" in text for number, text in enumerate(pages, start=1))
