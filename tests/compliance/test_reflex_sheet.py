"""The one-page « fiche réflexe »: what, which data for how long, who receives it, dos and don'ts, who to call."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from compliance.notices.exports import build_reflex_pdf
from compliance.notices.reflex import build_reflex_sheet
from register.choices import Art9Exception, ContactRole, OrganisationKind
from register.models import Contact, DataCategory, DataCategoryLine, Recipient, RecipientCategory
from register.queries import treatments_with_lines
from tests.compliance.notice_factories import complete_fiche
from tests.conftest import make_organisation, make_treatment
from tests.pdfs import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def centrecall(db):
    organisation = make_organisation("CentreCall", kind=OrganisationKind.SELF)
    Contact.objects.create(
        organisation=organisation, role=ContactRole.DPO, name="Sophie Lambert", email="dpo@centrecall.example"
    )
    return organisation


def loaded(fiche):
    return treatments_with_lines().get(pk=fiche.pk)


def add_line(fiche, code, description, **fields):
    fields.setdefault("retention_value", 6)
    return DataCategoryLine.objects.create(
        treatment=fiche, category=DataCategory.objects.get(code=code), description=description, **fields
    )


def test_the_sheet_derives_its_dos_and_donts_from_the_fiche(centrecall):
    fiche = complete_fiche()
    add_line(fiche, "health", "Allergies déclarées", art9_exception=Art9Exception.EXPLICIT_CONSENT)
    add_line(fiche, "personal_life", "Enregistrement vocal de l'appel", is_call_recording=True)
    sheet = build_reflex_sheet(loaded(fiche))
    donts = " ".join(sheet.donts)
    dos = " ".join(sheet.dos)

    assert "Donnée sensible (Données de santé)" in donts
    assert "numéro de carte bancaire" in donts
    assert "lisez l'annonce d'enregistrement" in dos
    assert "Si la personne s'oppose au traitement" in dos  # legitimate interests
    assert "Règle de sécurité : Comptes nominatifs." in dos
    assert "N'envoyez pas ces données hors de l'Union européenne" not in donts  # the fiche declares a transfer
    assert sheet.dpo == "Sophie Lambert — courriel : dpo@centrecall.example"
    assert sheet.gaps == []


def test_a_fiche_without_recordings_nor_sensitive_data_has_none_of_their_rules(centrecall):
    sheet = build_reflex_sheet(loaded(make_treatment()))
    rules = " ".join(sheet.dos + sheet.donts)
    assert "carte bancaire" not in rules
    assert "Donnée sensible" not in rules
    assert "N'envoyez pas ces données hors de l'Union européenne" in rules


def test_the_sheet_is_one_a4_page_with_the_dpo_and_the_incident_report_address(manager_client, centrecall):
    fiche = complete_fiche()
    response = manager_client.get(reverse("compliance:reflex_pdf", args=[fiche.reference]))
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_pages(response.content)
    assert len(pages) == 1
    assert "Sophie Lambert" in pages[0]
    assert "http://testserver/incidents/signaler/" in pages[0]
    assert "Réponses au questionnaire" in pages[0]
    assert "3 ans à compter du dernier contact" in pages[0]
    assert "fiche-reflexe-" in response["Content-Disposition"]
    assert f"fiche réflexe — fiche {fiche.reference}" in AuditEntry.objects.latest("pk").summary


def test_a_fiche_with_many_lines_still_fits_one_page(centrecall):
    fiche = complete_fiche()
    for number in range(30):
        add_line(fiche, "identity", f"Donnée d'identité numéro {number} avec une description assez longue")
        Recipient.objects.create(
            treatment=fiche, category=RecipientCategory.objects.get(code="partners"), name=f"Partenaire {number}"
        )
    _filename, _mimetype, pdf = build_reflex_pdf(loaded(fiche))
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    assert "et 26 autres lignes : voir la fiche du registre" in pages[0]


def test_what_the_sheet_lacks_is_a_placeholder(db):
    fiche = make_treatment(lines=False, main_purpose="")
    _filename, _mimetype, pdf = build_reflex_pdf(loaded(fiche))
    text = pdf_text(pdf)
    assert "[À compléter : La finalité principale n'est pas renseignée.]" in text
    assert "Aucun délégué à la protection des données joignable" in text  # no organisation keeps the register


def test_hostile_text_is_printed_as_text(centrecall):
    fiche = complete_fiche(main_purpose="<script>alert(1)</script> <b>gras</b>")
    _filename, _mimetype, pdf = build_reflex_pdf(loaded(fiche))
    assert "<script>alert(1)</script> <b>gras</b>" in pdf_text(pdf)
