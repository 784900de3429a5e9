"""The register as ODS in the CNIL template's layout, read back with odfpy."""

from datetime import date

import pytest

from register import exports
from register.choices import TreatmentRole, TreatmentStatus
from register.cnil.layout import OVERVIEW_SHEET
from register.demo import load_demo
from register.exports.ods import build_register_ods
from register.models import Organisation, Treatment
from register.scopes import RegisterScope
from tests.conftest import make_organisation, make_treatment
from tests.register.samples.odf_cells import convert, read_sheets, row_labelled

pytestmark = pytest.mark.django_db

ODS = "application/vnd.oasis.opendocument.spreadsheet"


def export(**scope):
    filename, mimetype, content = build_register_ods(RegisterScope(**scope), generated_by="Sophie Lambert")
    assert mimetype == ODS and filename.endswith(".ods")
    return read_sheets(content)


def fiche_sheets(sheets):
    return {name: rows for name, rows in sheets.items() if name not in (OVERVIEW_SHEET, "Listes")}


def overview_references(sheets):
    rows = sheets[OVERVIEW_SHEET]
    header = next(i for i, row in enumerate(rows) if row and row[0].text == "Nom du traitement")
    return [row[1].text for row in rows[header + 1 :] if len(row) > 1]


def test_full_register_has_the_overview_and_one_sheet_per_fiche_in_the_cnil_layout():
    load_demo()
    sheets = export(status="all")
    assert list(sheets)[0] == OVERVIEW_SHEET
    assert overview_references(sheets) == [f"T-00{n}" for n in range(1, 8)]
    assert len(fiche_sheets(sheets)) == 7
    overview = sheets[OVERVIEW_SHEET]
    dpo = row_labelled(overview, "Coordonnées du délégué à la protection des données (DPO)")
    assert [cell.text for cell in dpo[1:5]] == ["Nom :", "Lambert", "Prénom :", "Sophie"]
    organisation = row_labelled(overview, "Organisme")
    assert "CentreCall" in [cell.text for cell in organisation]
    t001 = next(rows for name, rows in sheets.items() if name.startswith("T-001"))
    assert row_labelled(t001, "Nom du traitement")[1].text.startswith("Études de marché")
    assert row_labelled(t001, "Responsable du traitement")[1].text == "Osiris"
    assert row_labelled(t001, "Société du DPO (si celui-ci est externe)")[1].text == "DPO Conseil SAS"


def test_dates_are_real_date_cells():
    treatment = make_treatment(next_review_date=date(2026, 3, 4))
    Treatment.objects.filter(pk=treatment.pk).update(created_at=date(2024, 3, 4))
    sheets = export()
    fiche = next(iter(fiche_sheets(sheets).values()))
    created = row_labelled(fiche, "Date de création du traitement")[1]
    assert (created.value_type, created.date_value, created.text) == ("date", "2024-03-04", "04/03/2024")
    review = row_labelled(fiche, "Prochaine revue")[1]
    assert (review.value_type, review.date_value) == ("date", "2026-03-04")
    listed = [row for row in sheets[OVERVIEW_SHEET] if len(row) > 2 and row[1].text == treatment.reference][0]
    assert listed[2].value_type == "date" and listed[2].date_value == "2024-03-04"


def test_retention_is_written_as_a_readable_sentence():
    load_demo()
    sheets = export(reference="T-002")
    fiche = next(iter(fiche_sheets(sheets).values()))
    recording = row_labelled(fiche, "Vie personnelle (habitudes de vie, situation familiale, etc.)")
    assert recording[1].text == "Enregistrement vocal de la conversation téléphonique"
    assert "6 mois à compter de l'enregistrement de l'appel" in [cell.text for cell in recording]


def test_legal_basis_role_and_processors_are_added_to_the_template_layout():
    load_demo()
    fiche = next(iter(fiche_sheets(export(reference="T-007")).values()))
    assert row_labelled(fiche, "Base légale (art. 6(1) RGPD)")[1].text == "Intérêt légitime (art. 6(1)(f))"
    assert row_labelled(fiche, "Rôle de l'organisme")[1].text == "Sous-traitant"
    processors = [row[1].text for row in fiche if row and row[0].text == "Sous-traitant(s)"]
    assert processors == ["Atlas Saisie", "SMS Connect"]


@pytest.mark.parametrize(
    "text", ["=1+1", '=HYPERLINK("http://evil.example";"clic")', "+33 1 23 45", "-2+3", "@SUM(A1)"]
)
def test_formula_like_text_stays_text(text):
    make_treatment(name=text, main_purpose=text, software=text)
    sheets = export()
    fiche = next(iter(fiche_sheets(sheets).values()))
    for label in ("Nom du traitement", "Finalité principale", "Logiciel ou application"):
        cell = row_labelled(fiche, label)[1]
        assert (cell.text, cell.value_type, cell.formula) == (text, "string", None)
    every_cell = [cell for rows in sheets.values() for row in rows for cell in row]
    assert all(cell.formula is None for cell in every_cell)


def test_libreoffice_shows_formula_like_text_as_text(tmp_path):
    make_treatment(name="=1+1", main_purpose="@SUM(1;2)")
    _name, _mimetype, content = build_register_ods(RegisterScope())
    (tmp_path / "registre.ods").write_bytes(content)
    result = convert(tmp_path / "registre.ods", "csv", tmp_path)
    assert result.returncode == 0, result.stderr
    csv = (tmp_path / "registre.csv").read_bytes().decode("utf-8", errors="replace")
    assert "=1+1" in csv and "@SUM(1;2)" in csv


def test_the_file_opens_in_libreoffice_without_repair(tmp_path):
    load_demo()
    _name, _mimetype, content = build_register_ods(RegisterScope(status="all"))
    (tmp_path / "registre.ods").write_bytes(content)
    result = convert(tmp_path / "registre.ods", "pdf", tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "registre.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 20_000  # the overview and seven fiche sheets, not an empty page


def test_one_fiche_scope_exports_that_fiche_only():
    load_demo()
    sheets = export(reference="T-003")
    assert overview_references(sheets) == ["T-003"]
    assert [name[:5] for name in fiche_sheets(sheets)] == ["T-003"]


def test_filtered_list_scope_follows_the_search():
    load_demo()
    assert overview_references(export(q="paie")) == ["T-003"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (TreatmentRole.CONTROLLER, ["T-003", "T-004", "T-005"]),
        (TreatmentRole.PROCESSOR, ["T-001", "T-002", "T-006", "T-007"]),
    ],
)
def test_controller_and_processor_registers(role, expected):
    load_demo()
    assert overview_references(export(role=role)) == expected


def test_processor_register_for_one_client():
    load_demo()
    verdier = Organisation.objects.get(name="Verdier Distribution")
    sheets = export(role=TreatmentRole.PROCESSOR, client=verdier, status="all")
    assert overview_references(sheets) == ["T-006"]
    scope = row_labelled(sheets[OVERVIEW_SHEET], "Périmètre")[1].text
    assert scope == "sous-traitant, pour le compte de Verdier Distribution"


def test_register_as_of_a_past_date_shows_the_fiches_of_that_day():
    load_demo()
    Treatment.objects.filter(reference="T-004").update(name="Nom changé après coup")
    sheets = export(as_of=date(2024, 1, 1))
    assert overview_references(sheets) == ["T-003", "T-004"]
    assert "Prospection commerciale des entreprises clientes" in [row[0].text for row in sheets[OVERVIEW_SHEET] if row]


def test_archived_fiches_leave_the_default_export_but_not_the_full_one():
    make_treatment(reference="T-010", status=TreatmentStatus.ARCHIVED)
    make_treatment(reference="T-011")
    assert overview_references(export()) == ["T-011"]
    assert overview_references(export(status="all")) == ["T-010", "T-011"]


def test_dispatch_builds_the_ods():
    make_treatment()
    filename, mimetype, content = exports.build("ods", RegisterScope(), generated_by="dpo")
    assert mimetype == ODS and content[:2] == b"PK" and filename.startswith("registre-complet-")


def test_export_runs_the_same_number_of_queries_for_3_or_30_fiches(django_assert_num_queries):
    client = make_organisation("Client")
    for _ in range(3):
        make_treatment(controller=client)
    with django_assert_num_queries(15, exact=False) as small:
        build_register_ods(RegisterScope())
    for _ in range(27):
        make_treatment(controller=client)
    with django_assert_num_queries(len(small.captured_queries)):
        build_register_ods(RegisterScope())
