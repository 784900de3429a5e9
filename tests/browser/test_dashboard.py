"""The DPO logs in, lands on the dashboard and follows a figure to the list it counts."""

import re

import pytest
from playwright.sync_api import expect

from register.choices import OrganisationKind, TreatmentStatus
from tests.conftest import make_organisation, make_treatment, make_user
from tests.incidents.conftest import make_breach, make_incident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def register():
    own = make_organisation("CentreCall", kind=OrganisationKind.SELF)
    make_treatment(controller=own, name="Gestion de la paie", status=TreatmentStatus.DRAFT)
    make_treatment(controller=own, name="Recrutement", status=TreatmentStatus.DRAFT)
    make_treatment(controller=own, name="Vidéosurveillance", status=TreatmentStatus.IN_FORCE)
    make_incident(subject="Écran resté ouvert")
    make_breach(subject="Fichier envoyé au mauvais client")
    make_user("dpo", "DPO", is_staff=True)


def test_dpo_lands_on_the_dashboard_and_follows_the_drafts_figure_to_the_filtered_register(
    live_server, page, log_in, register, artifacts
):
    log_in("dpo")
    expect(page).to_have_url(re.compile(r"/conformite/$"))
    expect(page.get_by_role("heading", name="Tableau de bord", level=1)).to_be_visible()
    status = page.locator("section", has=page.get_by_role("heading", name="Fiches par statut"))
    expect(status.get_by_role("img", name=re.compile("Fiches par statut"))).to_be_visible()
    page.screenshot(path=artifacts / "dashboard.png", full_page=True)

    status.get_by_role("link", name="2 — Brouillon").click()

    expect(page).to_have_url(re.compile(r"/registre/\?status=draft$"))
    expect(page.get_by_label("Statut")).to_have_value("draft")
    expect(page.get_by_text("Statut brouillon")).to_be_visible()
    rows = page.locator("table.table-register tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Gestion de la paie")).to_have_count(1)
    expect(rows.filter(has_text="Recrutement")).to_have_count(1)


def test_dpo_follows_the_breaches_figure_to_the_filtered_incident_list(live_server, page, log_in, register):
    log_in("dpo")
    page.get_by_role("link", name="1 — Violations de données").click()

    expect(page).to_have_url(re.compile(r"/incidents/\?status=open&breach=yes$"))
    expect(page.get_by_label("Violation")).to_have_value("yes")
    rows = page.locator("table.incident-list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Fichier envoyé au mauvais client")
