"""A DPO fills a fiche in the browser; a manager then finds no way to change it.

Drives Debian's Chromium through Playwright against the live server (`make test-browser`).
Screenshots of the form and of the filled fiche land in artifacts/ (git-ignored).
"""

import pytest
from playwright.sync_api import expect

from register.choices import OrganisationKind
from register.models import Treatment
from tests.conftest import make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def fill_data_line(page, index, category, description, duration):
    page.select_option(f"[name='data_lines-{index}-category']", label=category)
    page.fill(f"[name='data_lines-{index}-description']", description)
    page.fill(f"[name='data_lines-{index}-retention_value']", duration)


def test_dpo_creates_and_edits_a_fiche_and_a_manager_cannot_edit_it(live_server, page, new_page, log_in, artifacts):
    make_organisation("CentreCall", kind=OrganisationKind.SELF)
    make_organisation("Osiris")
    make_user("dpo", "DPO", is_staff=True)
    make_user("manager", "Manager")

    log_in("dpo")
    page.get_by_role("link", name="Nouvelle fiche").click()
    page.fill("[name=name]", "Études de marché Osiris")
    page.select_option("[name=role]", label="Sous-traitant")
    page.select_option("[name=controller]", label="Osiris")
    page.fill("[name=main_purpose]", "Recueillir les attentes du marché de la publicité sur les réseaux sociaux.")
    page.select_option("[name=legal_basis]", label="Contrat (art. 6(1)(b))")
    page.fill("[name='sub_purposes-0-description']", "Appeler les personnes à interroger")

    data_lines = page.locator("#donnees")
    add_data_line = data_lines.get_by_role("button", name="+ Ajouter une ligne")
    fill_data_line(page, 0, "État civil, identité, données d'identification", "Nom, prénom, adresse", "6")
    add_data_line.click()
    fill_data_line(page, 1, "Vie personnelle (habitudes de vie, situation familiale…)", "Réseaux sociaux utilisés", "6")
    add_data_line.click()
    add_data_line.click()  # one row too many: removed without reloading
    expect(page.locator("#donnees [data-row]")).to_have_count(4)
    page.locator("#donnees [data-row]").nth(3).get_by_role("button", name="Supprimer").click()
    expect(page.locator("#donnees [data-row]")).to_have_count(3)
    fill_data_line(page, 2, "Données de connexion (adresse IP, journaux…)", "Horodatage des appels", "1")
    page.select_option("[name='data_lines-2-retention_unit']", label="ans")

    add_data_line.click()
    art9 = page.locator("#donnees [data-row]").nth(3).locator("[data-art9]")
    expect(art9).to_be_hidden()
    fill_data_line(page, 3, "Données de santé (art. 9(1))", "Handicap signalé pour adapter l'entretien", "6")
    expect(art9).to_be_visible()  # a sensitive category asks for its art. 9(2) exception

    page.select_option("[name='data_subjects-0-category']", label="Prospects")
    page.select_option("[name='recipients-0-category']", label="Service interne")
    page.fill("[name='recipients-0-name']", "Opérateurs et call managers")
    page.select_option("[name='security_measures-0-category']", label="Contrôle d'accès des utilisateurs")
    page.fill("[name='security_measures-0-description']", "Comptes nominatifs, droits par profil")
    page.get_by_role("button", name="Créer la fiche").click()

    # Refused: the sensitive line has no art. 9(2) exception; everything typed is still there.
    expect(page.locator("#erreurs")).to_contain_text("La fiche n'a pas été enregistrée : 1 erreur.")
    expect(art9).to_contain_text("est une donnée sensible (art. 9(1))")
    expect(page.locator("[name='data_lines-3-description']")).to_have_value("Handicap signalé pour adapter l'entretien")
    expect(page.locator("[name='data_lines-2-retention_unit']")).to_have_value("years")
    assert Treatment.objects.count() == 0
    page.select_option("[name='data_lines-3-art9_exception']", value="a")
    page.get_by_role("button", name="Créer la fiche").click()

    expect(page.get_by_text("Fiche T-001 créée en brouillon")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Handicap signalé pour adapter l'entretien")
    expect(page.locator("body")).to_contain_text("1 an à compter de la collecte")
    treatment = Treatment.objects.get()
    assert [line.description for line in treatment.data_lines.all()] == [
        "Nom, prénom, adresse",
        "Réseaux sociaux utilisés",
        "Horodatage des appels",
        "Handicap signalé pour adapter l'entretien",
    ]

    # Edit: rename, drop a line, add a sub-purpose.
    page.get_by_role("link", name="Modifier").click()
    page.fill("[name=name]", "Études de marché Osiris 2026")
    page.locator("#donnees [data-row]").nth(1).get_by_role("button", name="Supprimer").click()
    expect(page.locator("#donnees [data-row]").nth(1)).to_contain_text("Ligne supprimée à l'enregistrement.")
    page.locator("#finalites").get_by_role("button", name="+ Ajouter une ligne").click()
    page.fill("[name='sub_purposes-1-description']", "Produire une synthèse anonyme pour le client")
    # Unstuck for a full-page screenshot, through the CSSOM: the CSP refuses an added <style>.
    page.locator(".fiche-form-actions, .fiche-toc").evaluate_all(
        "bars => bars.forEach(bar => { bar.style.position = 'static'; })"
    )
    page.screenshot(path=artifacts / "formulaire-fiche.png", full_page=True)
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.get_by_text("Fiche T-001 enregistrée.")).to_be_visible()
    expect(page.get_by_role("heading", name="Études de marché Osiris 2026")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Réseaux sociaux utilisés")
    expect(page.locator("body")).to_contain_text("Produire une synthèse anonyme pour le client")
    page.screenshot(path=artifacts / "fiche-remplie.png", full_page=True)
    fiche_url = page.url

    # The history shows who changed what: the rename, old → new, and the dropped line.
    page.get_by_role("link", name="Historique").click()
    timeline = page.locator("main")
    expect(timeline).to_contain_text("Nom du traitement")
    expect(timeline).to_contain_text("Études de marché Osiris")
    expect(timeline).to_contain_text("Études de marché Osiris 2026")
    expect(timeline).to_contain_text("Réseaux sociaux utilisés")
    expect(timeline).to_contain_text("Ligne supprimée")
    expect(timeline).to_contain_text("dpo")
    page.screenshot(path=artifacts / "historique-fiche.png", full_page=True)

    # The manager reads the same fiche and finds no way to change it.
    manager = log_in("manager", on=new_page())
    manager.goto(fiche_url)
    expect(manager.get_by_role("heading", name="Études de marché Osiris 2026")).to_be_visible()
    for label in ("Modifier", "Dupliquer", "Archiver", "Mettre en vigueur", "Marquer comme revue", "Supprimer"):
        expect(manager.get_by_role("link", name=label)).to_have_count(0)
        expect(manager.get_by_role("button", name=label)).to_have_count(0)
    expect(manager.get_by_role("link", name="Nouvelle fiche")).to_have_count(0)
    response = manager.goto(f"{fiche_url}modifier/")
    assert response.status == 403
