"""A processor's fiche follows art. 30(2): the client controller and its DPO, the processing
carried out for it, transfers, security; the legal basis is the client's and optional."""

import re

import pytest
from django.urls import reverse

from register import compliance
from register.choices import ContactRole, LegalBasis, OrganisationKind, TreatmentRole, TreatmentStatus
from register.compliance import Severity
from register.models import Contact, Treatment
from register.queries import treatments_with_lines
from tests.conftest import make_organisation, make_treatment, page_html
from tests.register.fiche_form import FormData

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("register:create")


def _text(response):
    """The page's words without its tags, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", page_html(response)).split())


def _fresh(treatment):
    return treatments_with_lines().get(pk=treatment.pk)


def _processor_fiche(**fields):
    client = fields.pop("controller", None) or make_organisation("Osiris", address="48, avenue de la République")
    fields.setdefault("dpia_status", "not_required")
    return make_treatment(controller=client, role=TreatmentRole.PROCESSOR, **fields)


def test_completeness_of_a_processor_fiche_counts_the_client_contact_details_and_dpo():
    report = compliance.completeness_for(_fresh(_processor_fiche()))
    assert report.missing_items == [
        "téléphone du responsable de traitement (art. 30(2)(a))",
        "courriel du responsable de traitement (art. 30(2)(a))",
        "délégué à la protection des données du responsable (art. 30(2)(a))",
    ]
    assert report.percent == 50  # 3 of the 6 items of art. 30(2)
    assert "Osiris" in report.missing[0].message and report.missing[0].url.endswith("#id_phone")


def test_a_processor_fiche_with_its_client_fully_described_is_complete():
    client = make_organisation("Osiris", address="1, rue", phone="01 02 03 04 05", email="dpo@osiris.example")
    Contact.objects.create(organisation=client, role=ContactRole.DPO, name="Antoine Roux")
    fiche = _processor_fiche(controller=client, legal_basis="")
    assert compliance.completeness_for(_fresh(fiche)).percent == 100
    # No legal basis: the client's, optional — only the advice to ask the client for it.
    [finding] = compliance.findings_for(_fresh(fiche))
    assert finding.message == "« Base légale » : la base légale du client « Osiris » n'est pas connue."


def test_contract_justified_by_the_processing_contract_is_a_warning():
    fiche = _processor_fiche(
        legal_basis=LegalBasis.CONTRACT, legal_basis_detail="Contrat de sous-traitance avec Osiris"
    )
    [finding] = compliance.findings_for(_fresh(fiche))
    assert finding.severity == Severity.WARNING
    assert "le contrat de sous-traitance avec le client (art. 28) n'est pas la base légale" in finding.message


def test_contract_of_the_client_with_its_customers_is_not_flagged():
    fiche = _processor_fiche(
        legal_basis=LegalBasis.CONTRACT, legal_basis_detail="Contrat de fidélité entre Osiris et ses clients."
    )
    assert compliance.findings_for(_fresh(fiche)) == []


def test_the_processor_fiche_page_cites_art_30_2_and_shows_the_legal_basis_as_optional(manager_client):
    fiche = _processor_fiche(legal_basis="")
    content = _text(manager_client.get(fiche.get_absolute_url()))
    for article in ("art. 30(2)(a)", "art. 30(2)(b)", "art. 30(2)(c), chapitre V", "art. 30(2)(d), art. 32"):
        assert article in content
    assert "art. 30(1)(a)" not in content
    assert "Catégories de traitements effectués pour le compte du responsable" in content
    assert "Base légale du responsable de traitement (pour information, facultative) non renseignée" in content
    assert "Non indiqué (art. 30(2)(a) : le DPO du responsable de traitement)" in content
    assert "délégué à la protection des données du responsable (art. 30(2)(a))" in content


def test_a_controller_draft_without_legal_basis_says_it_is_missing_everywhere(manager_client):
    draft = make_treatment(legal_basis="", dpia_status="not_required")
    [finding] = compliance.findings_for(_fresh(draft))
    assert finding.severity == Severity.BLOCKING and finding.url.endswith("#id_legal_basis")
    assert compliance.completeness_for(_fresh(draft)).missing_items == ["base légale (art. 6(1))"]
    content = _text(manager_client.get(draft.get_absolute_url()))
    assert "Base légale non renseignée (obligatoire pour mettre la fiche en vigueur)" in content
    assert "« Base légale » n'est pas renseignée" in content


def _form(client, **values):
    data = FormData.from_response(client.get(CREATE_URL))
    for name, value in {"name": "Enquête", "main_purpose": "Interroger", **values}.items():
        data[name] = value
    return data


def test_the_form_saves_a_processor_fiche_without_legal_basis(dpo_client):
    make_organisation("CentreCall", kind=OrganisationKind.SELF)
    client = make_organisation("Osiris")
    data = _form(dpo_client, role=TreatmentRole.PROCESSOR, controller=client.pk, legal_basis="")
    assert dpo_client.post(CREATE_URL, data.post_data()).status_code == 302
    assert Treatment.objects.get().legal_basis == ""


def test_the_form_saves_a_controller_draft_without_legal_basis_but_not_one_in_force(dpo_client):
    make_organisation("CentreCall", kind=OrganisationKind.SELF)
    assert dpo_client.post(CREATE_URL, _form(dpo_client, legal_basis="").post_data()).status_code == 302
    fiche = Treatment.objects.get()
    fiche.status = TreatmentStatus.IN_FORCE
    fiche.legal_basis = LegalBasis.CONTRACT
    fiche.save()
    url = reverse("register:edit", args=[fiche.reference])
    data = FormData.from_response(dpo_client.get(url))
    data["legal_basis"] = ""
    response = dpo_client.post(url, data.post_data())
    assert response.status_code == 400
    assert "la fiche d'un responsable de traitement ne peut pas être en vigueur sans elle" in page_html(response)


def test_the_processor_fiche_page_names_the_register_keeper_as_processor_with_its_dpo(manager_client):
    own = make_organisation("CentreCall", kind=OrganisationKind.SELF, email="contact@centrecall.fr")
    Contact.objects.create(organisation=own, role=ContactRole.DPO, name="Claire Martin", email="dpo@centrecall.fr")
    content = _text(manager_client.get(_processor_fiche().get_absolute_url()))
    assert "Sous-traitant (art. 28) CentreCall" in content and "contact@centrecall.fr" in content
    assert "Délégué à la protection des données du sous-traitant Claire Martin" in content
    controller_fiche = make_treatment(name="Paie", role=TreatmentRole.CONTROLLER, controller=own)
    assert "du sous-traitant" not in _text(manager_client.get(controller_fiche.get_absolute_url()))
