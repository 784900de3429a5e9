"""The real CNIL file, filled by hand: near list values, no role, no legal basis, clients, text dates."""

import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from register.choices import ContactRole, LegalBasis, OrganisationKind, TreatmentRole, TreatmentStatus
from register.imports.plan import ImportDefaults, plan_import
from register.models import Contact, Organisation, Treatment
from tests.conftest import make_organisation, make_treatment, page_html
from tests.register.samples.cnil_template import CnilWorkbook, dpo_filled_register, filled_fiche

pytestmark = pytest.mark.django_db

URL = reverse("register:import")
CONFIRM = reverse("register:import_confirm")


@pytest.fixture
def register_organisations(db):
    """The register that receives the file: our own organisation and a client."""
    centrecall = make_organisation("CentreCall", kind=OrganisationKind.SELF)
    artemis = make_organisation("Artémis", kind=OrganisationKind.CLIENT)
    return centrecall, artemis


def upload(data, **fields):
    return {"file": SimpleUploadedFile("registre-traitement-simplifie.ods", data), **fields}


def issues(issue_list):
    return [str(issue) for issue in issue_list]


def test_the_dpo_filled_file_imports_as_drafts_without_legal_basis(dpo_client, register_organisations):
    preview = dpo_client.post(URL, upload(dpo_filled_register().to_bytes()))

    assert preview.status_code == 200
    page = page_html(preview)
    assert "Confirmer l'import" in page and "erreur" not in page
    assert "« Autres » lu comme « Autre (préciser) »" in page
    assert "rôle de l'organisme non indiqué : fiche lue comme celle d'un responsable de traitement" in page
    assert "base légale non indiquée (art. 6(1)) : la fiche est importée en brouillon" in page
    dpo_client.post(CONFIRM)
    fiche = Treatment.objects.get(reference="PROSP-01")
    assert (fiche.role, fiche.legal_basis, fiche.status) == (TreatmentRole.CONTROLLER, "", TreatmentStatus.DRAFT)
    assert [(r.category.code, r.name) for r in fiche.recipients.order_by("position")] == [
        ("internal_service", "Service paie"),
        ("other", "Huissier de justice"),
    ]
    detail = page_html(dpo_client.get(fiche.get_absolute_url()))
    assert "base légale" in detail.split('class="small mb-0 missing-items"', 1)[1].split("</ul>", 1)[0]


def test_a_near_list_value_is_taken_with_a_warning_naming_sheet_row_and_cell(register_organisations):
    workbook = CnilWorkbook()
    sheet = filled_fiche(workbook, "Paie", reference="PAIE-01", name="Paie", purpose="Payer")
    row = sheet.fill("Destinataire 2", "autres", None, None, "Huissier")
    sheet.fill("Catégorie de personnes 2", "prospect")

    plan = plan_import(workbook.to_bytes())

    assert plan.errors == []
    assert (
        f"Onglet « Paie », ligne {row + 1}, colonne B (Destinataire 2) : « autres » lu comme « Autre (préciser) », "
        "la valeur la plus proche de la liste : vérifiez." in issues(plan.warnings)
    )
    assert any("« prospect » lu comme « Prospects »" in warning for warning in issues(plan.warnings))
    subjects = [line.category.code for line in plan.fiches[0].lines["data_subject_lines"]]
    assert subjects == ["employees", "prospects"]


def test_a_value_with_no_near_match_is_still_an_error(register_organisations):
    workbook = CnilWorkbook()
    sheet = filled_fiche(workbook, "Paie", reference="PAIE-01", name="Paie", purpose="Payer")
    sheet.fill("Destinataire 2", "Autorités")
    plan = plan_import(workbook.to_bytes())
    assert any("valeur « Autorités » inconnue" in error for error in issues(plan.errors))


def test_a_role_chosen_on_the_form_replaces_the_templates_meaning_without_warning(register_organisations):
    plan = plan_import(dpo_filled_register().to_bytes(), ImportDefaults(role=TreatmentRole.PROCESSOR))
    assert {fiche.treatment.role for fiche in plan.fiches} == {TreatmentRole.PROCESSOR}
    assert not any("rôle de l'organisme non indiqué" in warning for warning in issues(plan.warnings))
    # A processor fiche's legal basis is its client's: no draft forced, no warning.
    assert not any("base légale non indiquée" in warning for warning in issues(plan.warnings))


def test_a_default_legal_basis_stays_possible(register_organisations):
    plan = plan_import(dpo_filled_register().to_bytes(), ImportDefaults(legal_basis=LegalBasis.CONSENT))
    assert {fiche.treatment.legal_basis for fiche in plan.fiches} == {LegalBasis.CONSENT}


def test_organisations_match_ignoring_case_accents_and_parentheses_and_the_preview_lists_them(
    dpo_client, register_organisations
):
    centrecall, artemis = register_organisations
    page = page_html(dpo_client.post(URL, upload(dpo_filled_register().to_bytes())))

    assert "« ARTEMIS (M. Paul Friand, directeur) » est « Artémis »" in page
    assert "« CentreCall » est « CentreCall »" in page
    assert "Organisations à créer" not in page
    dpo_client.post(CONFIRM)
    assert Treatment.objects.get(reference="ART-01").controller == artemis
    assert Organisation.objects.count() == 2


def test_a_new_organisation_is_shown_for_the_dpo_to_confirm(dpo_client):
    make_organisation("CentreCall", kind=OrganisationKind.SELF)
    page = page_html(dpo_client.post(URL, upload(dpo_filled_register().to_bytes())))
    assert "Organisations à créer" in page and "ARTEMIS (M. Paul Friand, directeur)" in page


def test_the_dpo_block_is_the_registers_keepers_dpo_not_the_clients(register_organisations):
    centrecall, artemis = register_organisations
    plan = plan_import(dpo_filled_register().to_bytes())
    dpos = [
        (contact.organisation.name, contact.name) for contact in plan.new_contacts if contact.role == ContactRole.DPO
    ]
    assert dpos == [("CentreCall", "Sophie Lambert")]
    assert any(
        "« Sophie Lambert » est le DPO de l'organisme qui tient le registre" in warning and "Artémis" in warning
        for warning in issues(plan.warnings)
    )


def test_text_dates_are_read_day_first_and_written_out_in_the_preview(dpo_client, register_organisations):
    page = page_html(dpo_client.post(URL, upload(dpo_filled_register().to_bytes())))
    assert "(Date de création du traitement) : « 05/06/2020 » lu comme le 5 juin 2020." in page
    assert "« 13/05/2024 » lu comme le 13 mai 2024." in page  # the other fiche's update, typed as text
    assert "15 janvier 2024" not in page  # a date cell is taken as it is, nothing to explain
    dpo_client.post(CONFIRM)
    assert Treatment.objects.get(reference="PROSP-01").created_at.isoformat() == "2020-06-05"


def without_french_language(data):
    """The same file with its default cell style in English: no day-first convention declared."""
    source = zipfile.ZipFile(BytesIO(data))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "styles.xml":
                content = content.replace(b'fo:language="fr" fo:country="CH"', b'fo:language="en" fo:country="US"')
            target.writestr(info, content)
    return buffer.getvalue()


def test_a_text_date_is_refused_when_the_workbook_declares_no_french_convention(register_organisations):
    plan = plan_import(without_french_language(dpo_filled_register().to_bytes()))
    assert any(
        "« 05/06/2020 » : date saisie en texte dans un classeur qui ne déclare pas" in e for e in issues(plan.errors)
    )


def test_the_file_cannot_move_a_fiche_where_the_lifecycle_does_not_lead(register_organisations):
    archived = make_treatment(reference="PAIE-01", name="Paie", status=TreatmentStatus.ARCHIVED)
    workbook = CnilWorkbook()
    sheet = filled_fiche(workbook, "Paie", reference="PAIE-01", name="Paie", purpose="Payer", legal_basis="Contrat")
    row = sheet.row_of("Mise à jour du traitement")
    sheet.insert_row_copy(row + 1, row)
    sheet.set(row + 1, 0, "Statut de la fiche")
    sheet.set(row + 1, 1, "Brouillon")

    plan = plan_import(workbook.to_bytes())

    assert any(
        "une fiche « Archivé » ne peut pas passer au statut « Brouillon » (cycle de vie du registre)" in error
        for error in issues(plan.errors)
    )
    archived.refresh_from_db()
    assert archived.status == TreatmentStatus.ARCHIVED


def test_a_fiche_without_legal_basis_is_not_put_in_force_by_the_file(register_organisations):
    workbook = CnilWorkbook()
    sheet = filled_fiche(workbook, "Paie", reference="PAIE-01", name="Paie", purpose="Payer")
    row = sheet.row_of("Mise à jour du traitement")
    sheet.insert_row_copy(row + 1, row)
    sheet.set(row + 1, 0, "Statut de la fiche")
    sheet.set(row + 1, 1, "En vigueur")
    plan = plan_import(workbook.to_bytes())
    assert plan.fiches[0].treatment.status == TreatmentStatus.DRAFT
    assert any("statut « En vigueur » non repris : sans base légale" in w for w in issues(plan.warnings))


def test_the_command_takes_the_same_defaults_and_prints_the_same_preview(tmp_path, capsys, register_organisations):
    path = tmp_path / "registre-traitement-simplifie.ods"
    path.write_bytes(dpo_filled_register().to_bytes())

    call_command("import_register", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "« Autres » lu comme « Autre (préciser) »" in out
    assert "« 05/06/2020 » lu comme le 5 juin 2020." in out
    assert "« ARTEMIS (M. Paul Friand, directeur) » est « Artémis »" in out
    assert "PROSP-01" in out and "sans base légale, Brouillon" in out
    assert not Treatment.objects.exists()

    call_command("import_register", str(path), "--role", "processor", "--legal-basis", "contract")
    assert set(Treatment.objects.values_list("role", "legal_basis")) == {(TreatmentRole.PROCESSOR, "contract")}
    assert Contact.objects.filter(organisation__name="CentreCall", role=ContactRole.DPO).exists()


def test_the_command_reports_an_error_and_writes_nothing(tmp_path, capsys, register_organisations):
    workbook = CnilWorkbook()
    sheet = filled_fiche(workbook, "Paie", reference="PAIE-01", name="Paie", purpose="Payer")
    sheet.fill("Destinataire 2", "Autorités")
    path = tmp_path / "registre.ods"
    path.write_bytes(workbook.to_bytes())
    with pytest.raises(CommandError, match="rien n'a été importé"):
        call_command("import_register", str(path))
    assert "valeur « Autorités » inconnue" in capsys.readouterr().err
    assert not Treatment.objects.exists()


def test_a_name_that_fits_two_organisations_is_an_error_unless_written_exactly(register_organisations):
    make_organisation("ARTEMIS (Lyon)", kind=OrganisationKind.CLIENT)

    def plan_with_controller(name):
        workbook = CnilWorkbook()
        sheet = filled_fiche(workbook, "Artemis", reference="ART-01", name="Études", purpose="Sonder")
        sheet.fill("Responsable du traitement", name)
        return plan_import(workbook.to_bytes())

    assert any(
        "« artemis » désigne plusieurs organisations du registre" in error
        for error in issues(plan_with_controller("artemis").errors)
    )
    exact = plan_with_controller("ARTEMIS (Lyon)")
    assert exact.errors == [] and exact.fiches[0].treatment.controller.name == "ARTEMIS (Lyon)"
