"""A recipient linked to an organisation is written once: « Osiris, sur demande motivée »,
never « Osiris, sur demande motivée (Osiris) », on the page and in the PDF."""

import pytest
from django.urls import reverse

from register.exports.pdf import build_register_pdf
from register.models import Recipient, RecipientCategory
from register.scopes import RegisterScope
from tests.conftest import make_organisation, make_treatment
from tests.pdfs import pdf_text
from tests.register.test_fiche_page import section

pytestmark = pytest.mark.django_db


def recipient(name, organisation=None):
    return Recipient(category=RecipientCategory.objects.get(code="processors"), name=name, organisation=organisation)


@pytest.mark.parametrize(
    "name, organisation_name, shown",
    [
        ("Osiris (client, responsable de traitement)", "Osiris", "Osiris (client, responsable de traitement)"),
        ("Osiris, sur demande motivée", "Osiris", "Osiris, sur demande motivée"),
        ("Verdier Distribution", "Verdier Distribution", "Verdier Distribution"),
        ("société générale, service paie", "Société Générale", "société générale, service paie"),
        ("Service juridique du client", "Osiris", "Service juridique du client (Osiris)"),
        ("Osirisation des données", "Osiris", "Osirisation des données (Osiris)"),  # a whole word only
        ("Service paie", None, "Service paie"),
    ],
)
def test_recipient_names_its_organisation_once(name, organisation_name, shown):
    organisation = make_organisation(organisation_name) if organisation_name else None
    assert recipient(name, organisation).display_name == shown


@pytest.fixture
def fiche_with_linked_recipients():
    osiris = make_organisation("Osiris")
    treatment = make_treatment(controller=osiris, name="Études de marché", lines=False)
    for name in ("Osiris, sur demande motivée", "Service juridique du client"):
        line = recipient(name, osiris)
        line.treatment = treatment
        line.save()
    return treatment


def test_fiche_page_writes_a_linked_recipient_once(manager_client, fiche_with_linked_recipients):
    html = manager_client.get(reverse("register:detail", args=[fiche_with_linked_recipients.reference])).content
    text = section(html.decode(), "destinataires")
    assert "Osiris, sur demande motivée" in text
    assert "(Osiris)" not in text.replace("Service juridique du client (Osiris)", "")
    assert "Service juridique du client (Osiris)" in text


def test_pdf_writes_a_linked_recipient_once(fiche_with_linked_recipients):
    _filename, _mimetype, content = build_register_pdf(RegisterScope(reference=fiche_with_linked_recipients.reference))
    text = pdf_text(content)
    assert "Osiris, sur demande motivée" in text
    assert "Osiris, sur demande motivée (Osiris)" not in text
    assert "Service juridique du client (Osiris)" in text
