"""Bad input gets a precise French error — sheet, row, column, what was expected — and no write."""

import html
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse

from register.choices import LegalBasis, TreatmentRole
from register.cnil import MIMETYPE
from register.models import Contact, DataCategoryLine, Organisation, Treatment
from tests.conftest import make_treatment
from tests.register.samples.cnil_template import ROWS_REPEATED, CnilWorkbook, filled_fiche

pytestmark = pytest.mark.django_db

URL = reverse("register:import")
DEFAULTS = {"default_role": TreatmentRole.CONTROLLER, "default_legal_basis": LegalBasis.CONTRACT}


@pytest.fixture
def existing(db):
    """A register that already holds a fiche: an import error must leave it exactly as it is."""
    return make_treatment(reference="T-001", name="Fiche existante")


def database_state():
    return (
        list(Treatment.objects.values_list("reference", "name", "version")),
        Organisation.objects.count(),
        Contact.objects.count(),
        DataCategoryLine.objects.count(),
    )


def post(client, data, name="registre.ods", **fields):
    upload = SimpleUploadedFile(name, data, "application/vnd.oasis.opendocument.spreadsheet")
    response = client.post(URL, {"file": upload, **DEFAULTS, **fields})
    return response, html.unescape(response.content.decode())


def assert_refused(client, data, *messages, name="registre.ods"):
    before = database_state()
    response, page = post(client, data, name)
    assert response.status_code == 400
    for message in messages:
        assert message in page
    assert "Confirmer l'import" not in page
    assert database_state() == before
    return page


def workbook_with_fiche(**options):
    workbook = CnilWorkbook()
    sheet = filled_fiche(workbook, "Paie", reference="PAIE-01", name="Gestion de la paie", purpose="Payer", **options)
    return workbook, sheet


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_file_that_is_not_an_ods_is_refused(dpo_client, existing):
    assert_refused(dpo_client, b"Nom;Finalite\nPaie;Payer\n", "Ce fichier n'est pas un classeur ODS", name="r.csv")


def test_an_excel_workbook_is_refused_with_a_hint(dpo_client, existing):
    xlsx = zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    assert_refused(dpo_client, xlsx, "classeur Excel (.xlsx)", "enregistrez-le au format ODS")


def test_a_corrupt_archive_is_refused(dpo_client, existing):
    data = bytearray(workbook_with_fiche()[0].to_bytes())
    start = data.find(b"content.xml") + 200
    data[start : start + 2000] = bytes(2000)  # zeroes in the middle of the compressed content
    assert_refused(dpo_client, bytes(data), "L'archive du classeur ODS est endommagée")


def test_a_truncated_archive_is_refused(dpo_client, existing):
    data = workbook_with_fiche()[0].to_bytes()
    assert_refused(dpo_client, data[: len(data) // 2], "L'archive du classeur ODS est endommagée")


def test_a_file_over_10_mb_is_refused(dpo_client, existing):
    # The upload handler drops the file as it passes 10 MB: it never lands in memory or on disk.
    assert_refused(dpo_client, b"PK" + bytes(10 * 1024 * 1024), "Le fichier dépasse 10 Mo : la limite est de 10 Mo.")


def test_a_zip_bomb_is_refused_before_it_is_expanded(dpo_client, existing):
    bomb = zip_bytes({"mimetype": MIMETYPE, "content.xml": b" " * (60 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    assert_refused(dpo_client, bomb, "« content.xml » est compressé", "bombe de décompression")


def test_uncompressed_content_over_the_cap_is_refused(dpo_client, existing, monkeypatch):
    monkeypatch.setattr("register.imports.odf_reader.MAX_UNCOMPRESSED_BYTES", 100 * 1024)
    workbook, _sheet = workbook_with_fiche()
    assert_refused(dpo_client, workbook.to_bytes(), "Le contenu décompressé du classeur dépasse")


def test_a_filled_row_repeated_a_million_times_is_refused_without_expanding_it(dpo_client, existing):
    workbook, sheet = workbook_with_fiche()
    sheet.row(sheet.row_of("Finalité principale")).set(ROWS_REPEATED, "1000000")
    assert_refused(dpo_client, workbook.to_bytes(), "Une ligne remplie est répétée 1000000 fois")


def test_xml_entities_are_refused(dpo_client, existing):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<office:document-content>&lol2;</office:document-content>"
    )
    data = zip_bytes({"mimetype": MIMETYPE, "content.xml": laughs})
    assert_refused(dpo_client, data, "déclare une DTD ou des entités XML")


def test_entities_declared_in_utf_16_xml_are_refused(dpo_client, existing):
    """A byte scan for "<!DOCTYPE" misses UTF-16: the parser itself must refuse the DTD."""
    workbook, sheet = workbook_with_fiche()
    sheet.fill("Finalité principale", "PLACEHOLDER")
    archive = zipfile.ZipFile(io.BytesIO(workbook.to_bytes()))
    entries = {name: archive.read(name) for name in archive.namelist()}
    declaration, body = entries["content.xml"].decode().split("?>", 1)
    dtd = '<!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    xml = '<?xml version="1.0" encoding="UTF-16"?>' + dtd + body.replace("PLACEHOLDER", "&b;" * 100)
    encoded = xml.encode("utf-16")
    assert b"<!DOCTYPE" not in encoded and b"<!ENTITY" not in encoded
    entries["content.xml"] = encoded
    assert_refused(dpo_client, zip_bytes(entries), "déclare une DTD ou des entités XML")


def test_malformed_xml_is_refused(dpo_client, existing):
    data = zip_bytes({"mimetype": MIMETYPE, "content.xml": b"<office:document-content><table:table"})
    assert_refused(dpo_client, data, "Le contenu du classeur est illisible")


def test_an_unknown_data_category_is_refused_with_its_cell(dpo_client, existing):
    workbook, sheet = workbook_with_fiche()
    row = sheet.row_of("Numéro de Sécurité Sociale (ou NIR)")
    sheet.insert_row_copy(row + 1, row)
    sheet.set(row + 1, 0, "Données astrologiques")
    sheet.set(row + 1, 1, "Signe du zodiaque")
    assert_refused(
        dpo_client,
        workbook.to_bytes(),
        f"Onglet « Paie », ligne {row + 2}, colonne A (Données astrologiques) : catégorie de données "
        "« Données astrologiques » inconnue ; attendu : une catégorie du modèle de la CNIL",
    )


def test_an_unknown_recipient_type_is_refused_with_the_accepted_values(dpo_client, existing):
    workbook, sheet = workbook_with_fiche()
    row = sheet.fill("Destinataire 2", "Voisins")
    assert_refused(
        dpo_client,
        workbook.to_bytes(),
        f"Onglet « Paie », ligne {row + 1}, colonne B (Destinataire 2) : valeur « Voisins » inconnue ; "
        "valeurs acceptées : Service interne qui traite les données ; Sous-traitants",
    )


@pytest.mark.parametrize("typed", ["05/06/20", "2020/06/05", "5-6-2020", "juin 2020"])
def test_an_ambiguous_date_is_refused_not_guessed(dpo_client, existing, typed):
    workbook, sheet = workbook_with_fiche(dates=False)
    row = sheet.fill("Date de création du traitement", typed)
    assert_refused(
        dpo_client,
        workbook.to_bytes(),
        f"Onglet « Paie », ligne {row + 1}, colonne B (Date de création du traitement) : « {typed} » n'est pas "
        "une date au format JJ/MM/AAAA ou AAAA-MM-JJ.",
    )


def test_a_month_over_twelve_is_refused_not_swapped(dpo_client, existing):
    workbook, sheet = workbook_with_fiche(dates=False)
    row = sheet.fill("Mise à jour du traitement", "05/13/2020")
    assert_refused(
        dpo_client,
        workbook.to_bytes(),
        f"ligne {row + 1}, colonne B (Mise à jour du traitement) : « 05/13/2020 » : le mois 13 n'existe pas",
    )


def test_a_missing_mandatory_field_is_refused(dpo_client, existing):
    workbook, sheet = workbook_with_fiche()
    row = sheet.fill("Nom du traitement", "")
    sheet.set(sheet.row_of("Finalité principale"), 1, "")
    page = assert_refused(
        dpo_client,
        workbook.to_bytes(),
        f"Onglet « Paie », ligne {row + 1}, colonne B (Nom du traitement) : nom du traitement : "
        "Ce champ ne peut pas être vide.",
    )
    assert "(Finalité principale) : finalité principale : Ce champ ne peut pas être vide." in page


def test_a_retention_that_cannot_be_parsed_is_reported_not_dropped(dpo_client, existing):
    workbook, sheet = workbook_with_fiche()
    row = sheet.fill("Vie personnelle (habitudes de vie, situation familiale, etc.)", "Loisirs", None, None, "variable")
    assert_refused(
        dpo_client,
        workbook.to_bytes(),
        f"ligne {row + 1}, colonne E (Vie personnelle (habitudes de vie, situation familiale, etc.)) : "
        "Durée de conservation « variable » non comprise",
    )


def test_the_void_privacy_shield_is_refused(dpo_client, existing):
    workbook, sheet = workbook_with_fiche()
    sheet.fill("Organisme destinataire 1", "Hébergeur", "Etats-Unis", "Privacy shield")
    assert_refused(dpo_client, workbook.to_bytes(), "le Privacy Shield a été invalidé par la CJUE")


def test_one_bad_fiche_blocks_the_whole_file(dpo_client, existing):
    workbook, _sheet = workbook_with_fiche()
    other = filled_fiche(workbook, "Recrutement", reference="RH-02", name="Recrutement", purpose="Recruter")
    other.fill("Date de création du traitement", "31/02/2024")
    assert_refused(dpo_client, workbook.to_bytes(), "Onglet « Recrutement »", "n'est pas une date qui existe")
    assert not Treatment.objects.filter(reference__in=["PAIE-01", "RH-02"]).exists()


def test_a_reference_used_twice_in_the_file_is_refused(dpo_client, existing):
    workbook, _sheet = workbook_with_fiche()
    filled_fiche(workbook, "Paie bis", reference="PAIE-01", name="Autre paie", purpose="Payer")
    assert_refused(dpo_client, workbook.to_bytes(), "la référence « PAIE-01 » est déjà celle de l'onglet « Paie »")


def test_a_database_failure_while_writing_leaves_nothing(dpo_client, existing, monkeypatch):
    workbook, _sheet = workbook_with_fiche()
    before = database_state()
    response, _page = post(dpo_client, workbook.to_bytes())
    assert response.status_code == 200

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr("register.imports.apply.bulk_create_with_history", fail)
    response = dpo_client.post(reverse("register:import_confirm"))
    assert response.status_code == 400
    assert "rien n'a été importé" in html.unescape(response.content.decode())
    assert database_state() == before  # the fiche and organisations saved before the failure were rolled back


def test_an_empty_controller_row_names_its_cell(dpo_client, existing):
    workbook, sheet = workbook_with_fiche()
    row = sheet.row_of("Responsable du traitement")
    for column in range(1, 8):
        sheet.set(row, column, "")
    assert_refused(
        dpo_client,
        workbook.to_bytes(),
        f"Onglet « Paie », ligne {row + 1}, colonne B (Responsable du traitement) : valeur manquante",
    )


def test_a_file_of_too_many_xml_elements_is_refused(dpo_client, existing, monkeypatch):
    from register.imports import odf_reader

    data = workbook_with_fiche()[0].to_bytes()
    monkeypatch.setattr(odf_reader, "MAX_ELEMENTS", 500)  # the real cap is 5,000,000: same code path
    assert_refused(dpo_client, data, "Le classeur contient plus de 500 éléments : fichier refusé.")


def test_elements_outside_rows_are_dropped_while_reading(monkeypatch):
    """Memory holds one row at a time: a sheet's columns and styles are not kept."""
    from register.imports import odf_reader

    kept = []
    original = odf_reader.iterparse

    def spying_iterparse(*args, **kwargs):
        for event, element in original(*args, **kwargs):
            if event == "end" and element.tag == odf_reader.TABLE:
                kept.append(len(element))
            yield event, element

    workbook = workbook_with_fiche()[0]
    data = workbook.to_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml")
    monkeypatch.setattr(odf_reader, "iterparse", spying_iterparse)
    sheets = odf_reader._parse(io.BytesIO(content))
    assert sheets and kept and max(kept) == 0  # every child of every table was dropped once read
