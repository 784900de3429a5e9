"""A fiche's contracts on its page and after it in the register's PDF (the processor register too)."""

import pytest
from django.urls import reverse

from contracts.choices import ContractDirection
from contracts.fiche_panels import contracts_pdf_sections
from register import fiche_panels
from register.choices import OrganisationKind, TreatmentRole
from register.queries import treatments_with_lines
from tests.conftest import make_organisation, make_treatment, make_user, page_text
from tests.contracts.conftest import make_contract
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def test_a_controller_fiche_shows_its_processors_contract_and_the_processors_without_one(manager_client):
    hoster, router = (make_organisation(name, kind=OrganisationKind.PROCESSOR) for name in ("Hexanet", "Routage SMS"))
    fiche = make_treatment()
    fiche.processors.set([hoster, router])
    contract = make_contract(organisation=hoster, clause_h=False)

    page = page_text(manager_client.get(fiche.get_absolute_url()))

    assert f"{contract.reference} — Hexanet (Sous-traitant de CentreCall (art. 28(1) et 28(4))) : " in page
    assert "En vigueur, 1 clause(s) de l'art. 28(3) à vérifier — à revoir" in page
    assert "Sous-traitants sans contrat enregistré (art. 28(3)) : Routage SMS" in page


def test_a_processor_fiche_shows_its_clients_contract(manager_client):
    client = make_organisation("Osiris")
    fiche = make_treatment(role=TreatmentRole.PROCESSOR, controller=client)
    contract = make_contract(organisation=client, direction=ContractDirection.CLIENT)
    make_contract(organisation=make_organisation("Verdier"), direction=ContractDirection.CLIENT)

    html = manager_client.get(fiche.get_absolute_url()).content.decode()

    assert f'href="{contract.get_absolute_url()}"' in html
    assert "Verdier" not in page_text(manager_client.get(fiche.get_absolute_url()))
    assert "En vigueur, clauses de l&#x27;art. 28(3) vérifiées" in html


def test_a_user_without_the_right_gets_no_panel():
    fiche = make_treatment()
    panels = fiche_panels.panels_for(fiche, user=make_user("personne", is_staff=True))
    assert "contracts/fiche_panel.html" not in [panel.template for panel in panels]


@pytest.mark.parametrize("count", [3, 9])
def test_the_pdf_sections_give_each_fiche_its_contracts_in_a_fixed_number_of_queries(django_assert_num_queries, count):
    hoster = make_organisation("Hexanet", kind=OrganisationKind.PROCESSOR)
    fiches = [make_treatment() for _ in range(count)]
    for fiche in fiches[:2]:
        fiche.processors.add(hoster)
    contract = make_contract(organisation=hoster)
    loaded = list(treatments_with_lines().filter(pk__in=[fiche.pk for fiche in fiches]).order_by("pk"))
    with django_assert_num_queries(5):  # the contracts, their contacts, fiches, transfers, sub-processors
        sections = contracts_pdf_sections(loaded)
    assert [[row[0] for row in sections[fiche.pk]["rows"]] for fiche in loaded] == [[contract]] * 2 + [[]] * (count - 2)


def test_the_processor_register_pdf_shows_the_contract_status(manager_client):
    client = make_organisation("Osiris")
    fiche = make_treatment(role=TreatmentRole.PROCESSOR, controller=client, status="in_force")
    contract = make_contract(organisation=client, direction=ContractDirection.CLIENT, clause_b=False)
    response = manager_client.get(reverse("register:export", args=["pdf"]) + "?role=processor")
    text = " ".join(pdf_text(response.content).split())
    assert fiche.reference in text
    assert f"{contract.reference} — Osiris" in text
    assert "1 clause(s) de l'art. 28(3) à vérifier" in text
