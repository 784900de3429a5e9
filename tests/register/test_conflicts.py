"""Two DPOs edit the same fiche: the second save is refused, shown what changed, never lost."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from register.editing import StaleFiche, save_fiche
from register.forms import FicheForm
from register.forms.lines import SubPurposeFormSet
from register.models import DataCategory, DataCategoryLine, Treatment
from tests.conftest import make_organisation, make_user, page_text
from tests.register.fiche_form import FormData

pytestmark = pytest.mark.django_db


@pytest.fixture
def claire(db):
    user = make_user("claire", "DPO")
    user.first_name, user.last_name = "Claire", "Martin"
    user.save()
    client = Client()
    client.force_login(user)
    return client


def edit_url(treatment):
    return reverse("register:edit", args=[treatment.reference])


def open_page(client, treatment):
    return FormData.from_response(client.get(edit_url(treatment)))


def save(client, treatment, data):
    return client.post(edit_url(treatment), data.post_data())


def test_second_save_from_an_older_page_is_refused_with_what_changed(dpo_client, claire, treatment):
    mine = open_page(dpo_client, treatment)
    theirs = open_page(claire, treatment)
    theirs["name"] = "Études Osiris (v2)"
    assert save(claire, treatment, theirs).status_code == 302

    mine["notes"] = "Ma note"
    response = save(dpo_client, treatment, mine)

    assert response.status_code == 409
    content = page_text(response)
    assert "Quelqu'un a enregistré cette fiche pendant que vous la modifiiez" in content
    assert "Rien n'a été enregistré" in content
    assert "Claire Martin" in content
    assert "Nom du traitement" in content and "Études de marché Osiris" in content and "Études Osiris (v2)" in content
    treatment.refresh_from_db()
    assert (treatment.name, treatment.notes, treatment.version) == ("Études Osiris (v2)", "", 2)


def test_conflict_page_keeps_my_changes_on_top_of_theirs_and_saving_it_loses_neither(dpo_client, claire, treatment):
    mine = open_page(dpo_client, treatment)
    theirs = open_page(claire, treatment)
    theirs["name"] = "Études Osiris (v2)"
    save(claire, treatment, theirs)
    mine["notes"] = "Ma note"
    mine.fill_row("security_measures", 0, description="Comptes nominatifs, revus chaque trimestre")

    conflict = FormData.from_response(save(dpo_client, treatment, mine))
    assert conflict["name"] == "Études Osiris (v2)"  # theirs, I did not touch it
    assert conflict["notes"] == "Ma note"  # mine
    assert conflict.row("security_measures", 0)["description"] == "Comptes nominatifs, revus chaque trimestre"

    assert save(dpo_client, treatment, conflict).status_code == 302
    treatment.refresh_from_db()
    assert (treatment.name, treatment.notes, treatment.version) == ("Études Osiris (v2)", "Ma note", 3)
    assert treatment.security_measures.first().description == "Comptes nominatifs, revus chaque trimestre"


def test_a_field_changed_on_both_sides_is_pointed_out_and_keeps_my_input(dpo_client, claire, treatment):
    mine = open_page(dpo_client, treatment)
    theirs = open_page(claire, treatment)
    theirs["main_purpose"] = "Leur finalité"
    save(claire, treatment, theirs)
    mine["main_purpose"] = "Ma finalité"

    response = save(dpo_client, treatment, mine)

    content = page_text(response)
    assert "Modifié des deux côtés : Finalité principale." in content
    assert FormData.from_response(response)["main_purpose"] == "Ma finalité"
    assert Treatment.objects.get(pk=treatment.pk).main_purpose == "Leur finalité"


def test_a_line_deleted_meanwhile_is_reported_and_stays_deleted(dpo_client, claire, treatment):
    mine = open_page(dpo_client, treatment)
    theirs = open_page(claire, treatment)
    theirs.delete_row("recipients", 0)
    save(claire, treatment, theirs)
    mine["software"] = "ComPlus"

    response = save(dpo_client, treatment, mine)

    assert response.status_code == 409
    assert "Destinataire : ligne supprimée" in page_text(response)
    conflict = FormData.from_response(response)
    assert conflict["recipients-INITIAL_FORMS"] == "0"
    assert save(dpo_client, treatment, conflict).status_code == 302
    treatment.refresh_from_db()
    assert treatment.software == "ComPlus" and not treatment.recipients.exists()


def test_a_line_i_changed_but_they_deleted_comes_back_as_a_new_row(dpo_client, claire, treatment):
    mine = open_page(dpo_client, treatment)
    theirs = open_page(claire, treatment)
    theirs.delete_row("data_lines", 0)
    save(claire, treatment, theirs)
    mine.fill_row("data_lines", 0, description="Nom, prénom, courriel")

    conflict = FormData.from_response(save(dpo_client, treatment, mine))

    assert conflict["data_lines-INITIAL_FORMS"] == "0"
    assert conflict.row("data_lines", 0)["description"] == "Nom, prénom, courriel"
    assert save(dpo_client, treatment, conflict).status_code == 302
    assert treatment.data_lines.get().description == "Nom, prénom, courriel"


def test_lines_added_on_both_sides_are_all_kept(dpo_client, claire, treatment):
    health = DataCategory.objects.get(code="health").pk
    connection = DataCategory.objects.get(code="connection").pk
    mine = open_page(dpo_client, treatment)
    theirs = open_page(claire, treatment)
    theirs.add_row("data_lines", category=health, description="Handicap déclaré", retention_value=1, art9_exception="b")
    save(claire, treatment, theirs)
    mine.add_row("data_lines", category=connection, description="Adresse IP", retention_value=6)

    response = save(dpo_client, treatment, mine)
    assert "Catégorie de données traitée : ligne ajoutée" in page_text(response)
    assert save(dpo_client, treatment, FormData.from_response(response)).status_code == 302
    assert [line.description for line in treatment.data_lines.all()] == [
        "Nom, prénom",
        "Handicap déclaré",
        "Adresse IP",
    ]


def test_a_status_change_meanwhile_also_refuses_the_save(dpo_client, claire, treatment):
    mine = open_page(dpo_client, treatment)
    claire.post(reverse("register:change_status", args=[treatment.reference]), {"status": "in_force"})
    mine["name"] = "Autre nom"

    response = save(dpo_client, treatment, mine)

    assert response.status_code == 409
    content = page_text(response)
    assert "Statut" in content and "Brouillon" in content and "En vigueur" in content
    assert Treatment.objects.get(pk=treatment.pk).name == "Études de marché Osiris"


def test_save_that_loses_the_race_after_validation_writes_nothing(dpo_client, treatment):
    """Both pages were valid; the other save commits between validation and write."""
    data = open_page(dpo_client, treatment)
    data["name"] = "Perdant"
    data.fill_row("data_lines", 0, description="Modifiée par le perdant")
    fiche = FicheForm(data.query_dict(), instance=Treatment.objects.get(pk=treatment.pk))
    assert fiche.is_valid()
    Treatment.objects.filter(pk=treatment.pk).update(version=2)  # the winner's save

    with pytest.raises(StaleFiche):
        save_fiche(fiche)

    treatment.refresh_from_db()
    assert (treatment.name, treatment.version) == ("Études de marché Osiris", 2)
    assert DataCategoryLine.objects.get(treatment=treatment).description == "Nom, prénom"


def test_conflict_page_reads_no_more_rows_than_the_formset_accepts(dpo_client, claire, treatment):
    # A forged TOTAL_FORMS of 10**9 would otherwise keep the server busy for hours.
    mine = open_page(dpo_client, treatment)
    theirs = open_page(claire, treatment)
    theirs["name"] = "Études Osiris (v2)"
    save(claire, treatment, theirs)
    beyond = SubPurposeFormSet.absolute_max
    mine["sub_purposes-TOTAL_FORMS"] = beyond + 1
    mine[f"sub_purposes-{beyond}-description"] = "Ligne au-delà du maximum"

    response = save(dpo_client, treatment, mine)

    assert response.status_code == 409
    conflict = FormData.from_response(response)
    descriptions = [
        conflict.row("sub_purposes", index).get("description") for index in range(conflict.total("sub_purposes"))
    ]
    assert descriptions == ["Sous-finalité", ""]


def test_page_without_its_version_is_refused(dpo_client, treatment):
    data = open_page(dpo_client, treatment)
    data["loaded_version"] = ""
    data["name"] = "Sans version"
    response = save(dpo_client, treatment, data)
    assert response.status_code == 400
    assert "rechargez la page" in page_text(response)
    assert Treatment.objects.get(pk=treatment.pk).name == "Études de marché Osiris"


def test_fiche_without_history_still_refuses_the_stale_save_and_keeps_my_input(dpo_client, claire, treatment):
    mine = open_page(dpo_client, treatment)
    Treatment.objects.filter(pk=treatment.pk).update(version=5)  # e.g. changed by an import
    Treatment.history.filter(id=treatment.pk).delete()
    mine["notes"] = "Ma note"

    response = save(dpo_client, treatment, mine)

    assert response.status_code == 409
    assert "L'historique ne détaille pas ces changements." in page_text(response)
    conflict = FormData.from_response(response)
    assert conflict["notes"] == "Ma note" and conflict["loaded_version"] == "5"


@pytest.mark.parametrize("rounds", [1, 4])
def test_conflict_page_runs_the_same_queries_for_few_or_many_saves_meanwhile(
    dpo_client, claire, treatment, django_assert_num_queries, rounds
):
    """Each save meanwhile changes a field, the processors, a line's category and adds a line."""
    mine = open_page(dpo_client, treatment)
    categories = [DataCategory.objects.get(code=code) for code in ("connection", "identity")]
    processors = [make_organisation(f"Sous-traitant {number}") for number in range(rounds)]
    for number in range(rounds):
        theirs = open_page(claire, treatment)
        theirs["name"] = f"Nom {number}"
        theirs["processors"] = [str(processor.pk) for processor in processors[: number + 1]]
        theirs.fill_row("data_lines", 0, category=categories[number % 2].pk)
        theirs.add_row("sub_purposes", description=f"Sous-finalité {number}")
        assert save(claire, treatment, theirs).status_code == 302
    mine["notes"] = "Ma note"

    # Rendering the page with its form; the changes themselves: the fiche's records, the
    # 2 m2m tables, then the records and predecessors of each of the 6 line tables.
    with django_assert_num_queries(61):
        response = save(dpo_client, treatment, mine)

    assert response.status_code == 409
    rows = conflict_rows(response)
    assert (
        "Nom du traitement",
        f"Nom {rounds - 2}" if rounds > 1 else "Études de marché Osiris",
        f"Nom {rounds - 1}",
    ) in rows
    assert (
        "Sous-traitants",
        ", ".join(f"Sous-traitant {n}" for n in range(rounds - 1)) or "—",
        ", ".join(f"Sous-traitant {n}" for n in range(rounds)),
    ) in rows
    assert ("Sous-finalité : ligne ajoutée", "—", f"Sous-finalité {rounds - 1}") in rows
    last_category = [row for row in rows if row[0].endswith("Nom, prénom » : catégorie")][-1]
    assert last_category[1:] == (str(categories[rounds % 2]), str(categories[(rounds - 1) % 2]))


def conflict_rows(response):
    """(what, before, after) of each row of the table of changes made meanwhile."""
    table = response.content.decode().split('id="conflit"')[1].split("</table>")[0]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]
    return [tuple(html.unescape(cell).strip() for cell in row[2:]) for row in cells if row]
