"""The fiche form with the keyboard and a screen reader: rows added and removed, the save bar.

The focus lands where the user goes on, each change is said in a live region, every row's
buttons say which table and row they act on, and the sticky save bar hides no focused field.
"""

import pytest
from playwright.sync_api import expect

from tests.conftest import make_treatment, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def edit_page(live_server, page, log_in):
    make_user("dpo", "DPO", is_staff=True)
    treatment = make_treatment(name="Études de marché Osiris")
    log_in("dpo")
    page.goto(f"{live_server.url}/registre/{treatment.reference}/modifier/")
    return page


def focused(page):
    return page.evaluate("document.activeElement.name || document.activeElement.textContent.trim()")


def test_added_row_takes_the_focus_on_its_first_field_and_is_announced(edit_page):
    page = edit_page
    data = page.locator("#donnees")
    number = data.locator("[data-row]").count() + 1  # the saved line and the form's empty one, then this
    add = data.get_by_role("button", name="+ Ajouter une ligne (catégories de données traitées)")
    add.focus()
    page.keyboard.press("Enter")
    assert focused(page) == f"data_lines-{number - 1}-category"
    expect(page.locator(f"[name='data_lines-{number - 1}-category']")).to_be_in_viewport()
    expect(data.get_by_role("status")).to_have_text(f"Ligne {number} ajoutée (catégories de données traitées).")
    expect(
        data.get_by_role("button", name=f"Supprimer la ligne {number} (catégories de données traitées)")
    ).to_be_visible()

    purposes = page.locator("#finalites")
    number = purposes.locator("[data-row]").count() + 1
    purposes.get_by_role("button", name="+ Ajouter une ligne (sous-finalités)").click()
    assert focused(page) == f"sub_purposes-{number - 1}-description"


def test_each_table_names_its_add_button_and_its_rows(edit_page):
    page = edit_page
    names = page.locator("[data-add-row]").evaluate_all("buttons => buttons.map(button => button.textContent.trim())")
    assert names == [
        "+ Ajouter une ligne (sous-finalités)",
        "+ Ajouter une ligne (catégories de données traitées)",
        "+ Ajouter une ligne (personnes concernées)",
        "+ Ajouter une ligne (destinataires)",
        "+ Ajouter une ligne (transferts hors UE)",
        "+ Ajouter une ligne (mesures de sécurité)",
    ]
    expect(page.get_by_role("button", name="Supprimer la ligne 1 (destinataires)")).to_be_visible()


def test_removed_row_hands_the_focus_to_its_neighbour(edit_page):
    page = edit_page
    recipients = page.locator("#destinataires")
    expect(recipients.locator("[data-row]")).to_have_count(2)  # the saved line and an empty one
    recipients.get_by_role("button", name="+ Ajouter une ligne (destinataires)").click()
    page.fill("[name='recipients-2-name']", "Troisième")

    recipients.get_by_role("button", name="Supprimer la ligne 2 (destinataires)").click()
    # The row below takes its place and the focus; rows are renumbered, the removal is said.
    assert focused(page) == "recipients-1-category"
    expect(page.locator("[name='recipients-1-name']")).to_have_value("Troisième")
    expect(recipients.get_by_role("status")).to_have_text("Ligne 2 retirée (destinataires).")
    recipients.get_by_role("button", name="Supprimer la ligne 2 (destinataires)").click()
    assert focused(page) == "recipients-0-category"  # no row below: the one above

    # A saved row is only marked: the focus goes to its undo button, then back.
    recipients.get_by_role("button", name="Supprimer la ligne 1 (destinataires)").click()
    assert focused(page) == "Annuler la suppression"
    expect(recipients.get_by_role("status")).to_have_text("Ligne 1 supprimée à l'enregistrement (destinataires).")
    page.keyboard.press("Enter")
    assert focused(page).startswith("Supprimer")
    expect(recipients.get_by_role("status")).to_have_text("Suppression annulée : ligne 1 (destinataires).")


def test_skip_link_leads_to_the_content(edit_page):
    page = edit_page
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_the_sticky_save_bar_never_hides_the_focused_field(edit_page):
    page = edit_page
    page.locator("[name=name]").focus()
    hidden = []
    for _ in range(60):
        page.keyboard.press("Tab")
        overlap = page.evaluate(
            """() => {
                const element = document.activeElement;
                const bar = document.querySelector('.fiche-form-actions');
                if (!element || bar.contains(element)) return null;
                const box = element.getBoundingClientRect(), barBox = bar.getBoundingClientRect();
                return box.bottom > barBox.top + 1 ? (element.name || element.textContent.trim()) : null;
            }"""
        )
        if overlap:
            hidden.append(overlap)
    assert hidden == []
