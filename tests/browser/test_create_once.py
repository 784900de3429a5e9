"""Back after creating a fiche, « Créer la fiche » again: the browser lands on the fiche
already created, and no second fiche appears."""

import re

import pytest
from playwright.sync_api import expect

from register.choices import OrganisationKind
from register.models import Treatment
from tests.conftest import make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_back_button_and_save_again_leads_to_the_fiche_already_created(live_server, page, log_in):
    make_organisation("CentreCall", kind=OrganisationKind.SELF)
    make_user("dpo", "DPO", is_staff=True)
    log_in("dpo")
    expect(page).to_have_url(re.compile(r"/conformite/$"))

    page.goto(f"{live_server.url}/registre/nouveau/")
    page.fill("#id_name", "Gestion des candidatures")
    page.fill("#id_main_purpose", "Recruter les téléconseillers")
    page.select_option("#id_legal_basis", "contract")
    page.get_by_role("button", name="Créer la fiche").click()
    expect(page).to_have_url(re.compile(r"/registre/T-001/$"))
    expect(page.get_by_text("Fiche T-001 créée en brouillon")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(re.compile(r"/registre/nouveau/$"))
    expect(page.locator("#id_name")).to_have_value("Gestion des candidatures")
    page.get_by_role("button", name="Créer la fiche").click()

    expect(page).to_have_url(re.compile(r"/registre/T-001/$"))
    expect(page.get_by_text("Ce formulaire a déjà créé la fiche T-001")).to_be_visible()
    assert list(Treatment.objects.values_list("reference", flat=True)) == ["T-001"]
