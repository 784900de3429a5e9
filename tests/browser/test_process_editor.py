"""A DPO builds a process in the browser: two actors, three operations (one on personal
data) and a rule « Refus » leading to an event; the page shows OP-01 and the diagram."""

import re

import pytest
from playwright.sync_api import expect

from processes.models import Process
from register.choices import OrganisationKind
from tests.conftest import make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def add_row(page, table):
    page.locator(f"#table-{table} [data-add-row]").click()


def test_dpo_builds_a_three_operation_process_with_a_rule_and_sees_its_diagram(live_server, page, log_in):
    make_organisation("CentreCall", kind=OrganisationKind.SELF)
    make_user("dpo", "DPO", is_staff=True)
    log_in("dpo")
    page.get_by_role("link", name="Processus", exact=True).click()
    page.get_by_role("link", name="Nouveau processus").click()
    page.fill("#id_name", "Étude de marché")
    page.get_by_role("button", name="Créer le processus").click()
    expect(page).to_have_url(re.compile(r"/processus/\d+/modifier/$"))

    # Step 1: the actors and the events.
    page.fill("#id_actors-0-name", "Gestionnaire d'appels")
    add_row(page, "actors")
    page.fill("#id_actors-1-name", "Téléopérateur")
    page.fill("#id_events-0-label", "Début de semaine")
    add_row(page, "events")
    page.fill("#id_events-1-label", "Enregistrement refusé")
    page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.get_by_text("Processus « Étude de marché » enregistré.")).to_be_visible()

    # Step 2: three operations, the third moved up to second place before saving.
    page.fill("#id_operations-0-description", "Planifier les appels")
    page.select_option("#id_operations-0-actor", label="Gestionnaire d'appels")
    page.select_option("#id_operations-0-triggers", label="Début de semaine")
    add_row(page, "operations")
    page.fill("#id_operations-1-description", "Saisir les réponses")
    page.select_option("#id_operations-1-actor", label="Téléopérateur")
    add_row(page, "operations")
    page.fill("#id_operations-2-description", "Enregistrer l'appel")
    page.select_option("#id_operations-2-actor", label="Téléopérateur")
    page.check("#id_operations-2-personal_data")
    page.fill("#id_operations-2-purpose", "Preuve de l'appel")
    page.locator("#table-operations [data-row]").nth(2).locator("[data-move-up]").click()
    page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.get_by_text("Processus « Étude de marché » enregistré.")).to_be_visible()

    # Step 3: the rule (and a row added by mistake and left empty, which saves nothing).
    add_row(page, "events")
    page.select_option("#id_rules-0-operation", label="OP-01 — Enregistrer l'appel")
    page.fill("#id_rules-0-label", "Refus")
    page.select_option("#id_rules-0-target_event", label="Enregistrement refusé")
    page.get_by_role("button", name="Enregistrer et voir le processus").click()

    expect(page).to_have_url(re.compile(r"/processus/\d+/$"))
    operations = page.locator("#operations tbody tr")
    expect(operations).to_have_count(3)
    expect(operations.nth(1)).to_contain_text("OP-01")
    expect(operations.nth(1)).to_contain_text("Enregistrer l'appel")
    expect(operations.nth(1)).to_contain_text("Refus → Enregistrement refusé")
    expect(operations.nth(2)).to_contain_text("Saisir les réponses")

    diagram = page.locator("img#diagramme")
    diagram.scroll_into_view_if_needed()
    page.wait_for_function("document.getElementById('diagramme').complete")
    assert page.evaluate("document.getElementById('diagramme').naturalWidth") > 100
    svg_file = page.get_by_role("link", name="Télécharger en SVG").get_attribute("href")
    svg = page.evaluate("src => fetch(src).then(response => response.text())", svg_file)
    for text in ("Planifier les appels", "Enregistrer l", "Saisir les réponses", "Refus", "OP-01"):
        assert text in svg, text
    process = Process.objects.get()
    assert process.operations.get(personal_data=True).reference == "OP-01"
    assert process.events.count() == 2
