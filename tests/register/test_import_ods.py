"""Bringing a register in from ODS: the CNIL template filled by hand, and the app's export."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from register.choices import ContactRole, LegalBasis, RetentionStart, TreatmentRole, TreatmentStatus
from register.demo import load_demo
from register.exports.ods import build_register_ods
from register.imports.apply import apply_plan
from register.imports.pending import PendingImport
from register.imports.plan import ImportDefaults, plan_import
from register.models import Contact, DataCategoryLine, Organisation, Treatment
from register.scopes import RegisterScope
from tests.conftest import make_organisation, make_treatment, page_text
from tests.register.samples.cnil_template import CnilWorkbook, filled_fiche

pytestmark = pytest.mark.django_db

URL = reverse("register:import")
CONFIRM = reverse("register:import_confirm")


def upload(data, name="registre.ods", **defaults):
    return {"file": SimpleUploadedFile(name, data, "application/vnd.oasis.opendocument.spreadsheet"), **defaults}


def hand_filled(**options):
    """The CNIL template with one fiche filled as a DPO does, without a legal basis row."""
    workbook = CnilWorkbook()
    filled_fiche(
        workbook, "Paie", reference="PAIE-01", name="Gestion de la paie", purpose="Payer les salariés", **options
    )
    return workbook


def test_dpo_imports_a_hand_filled_cnil_register_after_a_preview(dpo_client):
    data = hand_filled(legal_basis="Obligation légale").to_bytes()
    preview = dpo_client.post(URL, upload(data, default_role=TreatmentRole.CONTROLLER))
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Gestion de la paie" in page and "PAIE-01" in page and "Confirmer l'import" in page
    assert "5 ans à compter de la collecte" in page  # how "5 ans" was understood
    assert not Treatment.objects.exists()  # the preview writes nothing
    done = dpo_client.post(CONFIRM, follow=True)
    assert done.redirect_chain[-1][0] == reverse("register:list")
    assert "1 fiche(s) créée(s)" in done.content.decode()
    treatment = Treatment.objects.get(reference="PAIE-01")
    assert (treatment.name, treatment.role, treatment.legal_basis) == (
        "Gestion de la paie",
        TreatmentRole.CONTROLLER,
        LegalBasis.LEGAL_OBLIGATION,
    )
    assert treatment.controller.name == "CentreCall" and treatment.controller.city == "Tours"
    assert treatment.controller.dpo.name == "Sophie Lambert"
    assert [s.description for s in treatment.sub_purposes.all()] == ["Calcul des rémunérations"]
    line = treatment.data_lines.get()
    assert (line.category.code, line.description, line.retention_value, line.retention_unit) == (
        "identity",
        "Noms, prénoms",
        5,
        "years",
    )
    assert [str(s.category) for s in treatment.data_subject_lines.all()] == ["Salariés"]
    assert [(r.category.code, r.name) for r in treatment.recipients.all()] == [("internal_service", "Service paie")]
    assert treatment.security_measures.get().description == "Comptes nominatifs"
    assert treatment.created_at == date(2023, 9, 12)  # a date cell
    assert timezone_date(treatment.updated_at) == date(2024, 5, 13)  # typed as text 13/05/2024


def timezone_date(moment):
    from django.utils import timezone

    return timezone.localdate(moment)


def test_labels_are_found_when_rows_and_columns_are_shifted_and_repeated():
    workbook = hand_filled(legal_basis="Contrat")
    sheet = workbook.sheet("Paie")
    sheet.insert_blank_rows(sheet.row_of("Acteurs"), 3)
    sheet.insert_column(1)  # a column inserted between the labels and the values
    identity = "État civil, identité, données d'identification, images…"
    row = sheet.row_of(identity)
    sheet.insert_row_copy(row + 1, row)  # the same category twice: two data lines
    sheet.set(row + 1, 2, "Adresse postale")
    sheet.set(row + 1, 5, "3 ans après le dernier contact")
    other = sheet.row_of("Numéro de Sécurité Sociale (ou NIR)")
    sheet.insert_row_copy(other + 1, other)
    sheet.set(other + 1, 0, "Vie professionnelle")  # a category the template lacks, typed by the DPO
    sheet.set(other + 1, 2, "CV")
    sheet.set(other + 1, 5, "2 ans")
    plan = plan_import(workbook.to_bytes(), ImportDefaults(role=TreatmentRole.CONTROLLER))
    assert plan.errors == []
    fiche = plan.fiches[0]
    assert fiche.treatment.name == "Gestion de la paie"
    lines = [(line.category.code, line.description, line.retention_start) for line in fiche.lines["data_lines"]]
    assert lines == [
        ("identity", "Noms, prénoms", RetentionStart.COLLECTION),
        ("identity", "Adresse postale", RetentionStart.LAST_CONTACT),
        ("professional_life", "CV", RetentionStart.COLLECTION),
    ]


def test_comments_in_cells_are_not_values():
    workbook = hand_filled(legal_basis="Contrat")
    sheet = workbook.sheet("Paie")
    sheet.fill("Sous-finalité 2", "Virements", comment="à vérifier avec la DAF")
    sheet.set(sheet.row_of("Sous-finalité 3"), 1, "", comment="rien ici")
    plan = plan_import(workbook.to_bytes(), ImportDefaults(role=TreatmentRole.CONTROLLER))
    descriptions = [line.description for line in plan.fiches[0].lines["sub_purposes"]]
    assert descriptions == ["Calcul des rémunérations", "Virements"]
    # The template's own comments (on "Représentant", "Pays"…) did not become actors or values either.
    assert plan.fiches[0].treatment.controller.name == "CentreCall"


def test_the_cnil_example_row_and_sheets_and_the_blank_model_are_skipped():
    plan = plan_import(hand_filled(legal_basis="Contrat").to_bytes(), ImportDefaults(role=TreatmentRole.CONTROLLER))
    assert [fiche.treatment.reference for fiche in plan.fiches] == ["PAIE-01"]
    warnings = " ".join(str(issue) for issue in plan.warnings)
    assert "exemple de la CNIL, ignoré" in warnings and "fiche vide" in warnings


def test_a_listed_fiche_without_its_own_sheet_is_imported_from_the_overview_row():
    workbook = hand_filled(legal_basis="Contrat")
    overview = workbook.overview
    example = overview.row_of("(EXEMPLE) Gestion de la paie")
    overview.insert_row_copy(example + 1, example)
    overview.set(example + 1, 0, "Standard téléphonique")
    overview.set(example + 1, 1, "STD-01")
    overview.set(example + 1, 2, "01/02/2024")
    overview.set(example + 1, 4, "Acheminer les appels entrants")
    defaults = ImportDefaults(role=TreatmentRole.CONTROLLER, legal_basis=LegalBasis.CONTRACT)
    defaults.controller = make_organisation("CentreCall")
    plan = plan_import(workbook.to_bytes(), defaults)
    assert plan.errors == []
    listed = next(fiche for fiche in plan.fiches if fiche.treatment.reference == "STD-01")
    assert listed.treatment.main_purpose == "Acheminer les appels entrants"
    assert "fiche sans onglet détaillé" in " ".join(str(issue) for issue in plan.warnings)


def test_a_missing_legal_basis_imports_a_draft_without_one_unless_the_dpo_chooses_a_default():
    data = hand_filled().to_bytes()  # the CNIL template has no legal basis row
    without = plan_import(data, ImportDefaults(role=TreatmentRole.CONTROLLER))
    assert without.errors == []
    assert without.fiches[0].treatment.legal_basis == ""
    assert without.fiches[0].treatment.status == TreatmentStatus.DRAFT
    assert "Onglet « Paie » : base légale non indiquée (art. 6(1)) : la fiche est importée en brouillon" in " ".join(
        str(issue) for issue in without.warnings
    )
    chosen = plan_import(data, ImportDefaults(role=TreatmentRole.CONTROLLER, legal_basis=LegalBasis.CONTRACT))
    assert chosen.errors == []
    assert chosen.fiches[0].treatment.legal_basis == LegalBasis.CONTRACT
    assert chosen.fiches[0].defaults_used == ["Rôle de l'organisme", "Base légale (art. 6(1) RGPD)"]


def test_an_existing_reference_is_updated_and_its_lines_replaced(dpo_client):
    load_demo()
    treatment = Treatment.objects.get(reference="T-004")
    _name, _type, data = build_register_ods(RegisterScope(reference="T-004"))
    treatment.name = "Nom modifié dans l'application"
    treatment.save()
    DataCategoryLine.objects.filter(treatment=treatment).delete()
    version = Treatment.objects.get(pk=treatment.pk).version
    dpo_client.post(URL, upload(data))
    response = dpo_client.post(CONFIRM, follow=True)
    assert "0 fiche(s) créée(s), 1 mise(s) à jour" in response.content.decode()
    treatment.refresh_from_db()
    assert treatment.name == "Prospection commerciale des entreprises clientes"
    assert treatment.version == version + 1
    assert treatment.data_lines.count() == 2
    assert Treatment.objects.count() == 7


def test_the_register_changing_between_preview_and_confirm_asks_again(dpo_client):
    data = hand_filled(legal_basis="Contrat").to_bytes()
    dpo_client.post(URL, upload(data, default_role=TreatmentRole.CONTROLLER))
    make_treatment(reference="PAIE-01")  # someone created that reference meanwhile
    response = dpo_client.post(CONFIRM)
    assert response.status_code == 409
    assert "Le registre a changé depuis l'aperçu" in page_text(response)
    assert Treatment.objects.get(reference="PAIE-01").name != "Gestion de la paie"
    dpo_client.post(CONFIRM)  # confirming the new preview updates it
    assert Treatment.objects.get(reference="PAIE-01").name == "Gestion de la paie"


def test_an_edit_saved_between_preview_and_confirm_is_not_overwritten_silently(dpo_client):
    load_demo()
    _name, _type, data = build_register_ods(RegisterScope(reference="T-004"))
    dpo_client.post(URL, upload(data))
    treatment = Treatment.objects.get(reference="T-004")
    treatment.notes = "Revue par un collègue pendant l'aperçu"
    treatment.version += 1  # what a save through the edit page does
    treatment.save()
    response = dpo_client.post(CONFIRM)
    assert response.status_code == 409
    assert "Le registre a changé depuis l'aperçu" in page_text(response)
    assert Treatment.objects.get(reference="T-004").notes == "Revue par un collègue pendant l'aperçu"


def test_confirming_without_a_pending_upload_is_refused(dpo_client):
    response = dpo_client.post(CONFIRM)
    assert response.status_code == 400
    assert "Aucun import en attente" in page_text(response)


def test_a_client_cannot_point_the_confirmation_at_another_file(dpo_client):
    session = dpo_client.session
    session["register_import"] = {"token": "../../etc/passwd", "sha256": "x", "defaults": {}, "signature": ""}
    session.save()
    response = dpo_client.post(CONFIRM)
    assert response.status_code == 400 and not Treatment.objects.exists()


def test_the_import_page_is_for_the_dpo_only(dpo_user, manager_user, auditor_user):
    anonymous = Client()
    assert anonymous.get(URL).status_code == 302 and reverse("login") in anonymous.get(URL)["Location"]
    assert anonymous.post(CONFIRM).status_code == 302
    data = hand_filled().to_bytes()
    for user in (manager_user, auditor_user):
        other = Client()
        other.force_login(user)
        assert other.get(URL).status_code == 403
        assert other.post(URL, upload(data)).status_code == 403
        assert other.post(CONFIRM).status_code == 403
    dpo = Client()
    dpo.force_login(dpo_user)
    page = dpo.get(URL)
    assert page.status_code == 200 and "Importer un registre" in page_text(page)
    assert not Treatment.objects.exists()


def test_the_command_previews_with_dry_run_then_imports(tmp_path, capsys):
    path = tmp_path / "registre.ods"
    path.write_bytes(hand_filled().to_bytes())
    call_command("import_register", str(path), "--dry-run", "--role", "controller", "--legal-basis", "contract")
    assert "Essai à blanc : 1 fiche(s) à créer" in capsys.readouterr().out
    assert not Treatment.objects.exists()
    call_command("import_register", str(path), "--role", "controller", "--legal-basis", "contract")
    assert Treatment.objects.get(reference="PAIE-01").legal_basis == LegalBasis.CONTRACT


def test_overview_contacts_are_imported_for_the_named_organisation():
    load_demo()
    _name, _type, data = build_register_ods(RegisterScope(status="all"))
    Treatment.objects.all().delete()
    Contact.objects.all().delete()
    plan = plan_import(data)
    apply_plan(plan)
    centrecall = Organisation.objects.get(name="CentreCall")
    assert centrecall.legal_representative.name == "Marc Delorme"
    assert centrecall.contact(ContactRole.DPO).email == "dpo@centrecall.example"


def test_imported_fiches_have_history_with_their_processors():
    load_demo()
    _name, _type, data = build_register_ods(RegisterScope(status="all"))
    Treatment.objects.all().delete()
    apply_plan(plan_import(data))
    imported = Treatment.objects.get(reference="T-007")
    record = imported.history.get()
    assert record.history_change_reason == "Import ODS" and record.history_type == "+"
    as_of_today = RegisterScope(reference="T-007", as_of=timezone_date(record.history_date)).treatments()
    assert {organisation.name for organisation in as_of_today[0].processors.all()} == {"SMS Connect", "Atlas Saisie"}
    assert imported.data_lines.first().history.exists()


def test_reading_a_file_runs_the_same_queries_for_3_or_30_fiches(django_assert_num_queries):
    client = make_organisation("Client")
    for _ in range(3):
        make_treatment(controller=client)
    small = build_register_ods(RegisterScope())[2]
    for _ in range(27):
        make_treatment(controller=client)
    large = build_register_ods(RegisterScope())[2]
    with django_assert_num_queries(20, exact=False) as counted:
        plan_import(small)
    with django_assert_num_queries(len(counted.captured_queries)):
        assert len(plan_import(large).fiches) == 30


def test_a_fiche_whose_name_says_exemple_is_not_mistaken_for_the_cnil_example():
    treatment = make_treatment(reference="T-050", name="Exemple de campagne d'appels")
    _name, _type, data = build_register_ods(RegisterScope())
    Treatment.objects.all().delete()
    plan = plan_import(data)
    assert [fiche.treatment.name for fiche in plan.fiches] == [treatment.name]
    assert len(plan.fiches[0].lines["data_lines"]) == 1  # read from its own sheet, not only the list
    assert not plan.warnings


def test_a_second_confirmation_sent_at_once_applies_nothing_more(dpo_client):
    data = hand_filled(legal_basis="Contrat").to_bytes()
    dpo_client.post(URL, upload(data, default_role=TreatmentRole.CONTROLLER))
    kept = PendingImport.load(dpo_client.session)
    assert kept.claim()  # the first click's request holds the file…
    assert not kept.claim()  # …so a second one cannot take it
    response = dpo_client.post(CONFIRM)
    assert response.status_code == 400
    assert "Aucun import en attente" in page_text(response)
    assert not Treatment.objects.filter(reference="PAIE-01").exists()


def test_a_reference_typed_in_another_case_updates_the_existing_fiche(dpo_client):
    make_treatment(reference="PAIE-01", name="Ancien nom")
    workbook = CnilWorkbook()
    filled_fiche(
        workbook, "Paie", reference="paie-01", name="Gestion de la paie", purpose="Payer", legal_basis="Contrat"
    )
    data = workbook.to_bytes()
    dpo_client.post(URL, upload(data, default_role=TreatmentRole.CONTROLLER))
    assert dpo_client.post(CONFIRM).status_code == 302
    assert list(Treatment.objects.values_list("reference", "name")) == [("PAIE-01", "Gestion de la paie")]
