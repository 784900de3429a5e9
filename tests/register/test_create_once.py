"""A create form sent twice creates one fiche; a new fiche named like another is created only
once the user confirms it."""

import threading
from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from register.choices import OrganisationKind
from register.models import Treatment
from register.views import edit
from tests.conftest import make_organisation, make_treatment, make_user
from tests.register.fiche_form import FormData
from tests.register.test_edit import CREATE_URL, new_fiche_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def centrecall(db):
    return make_organisation("CentreCall", kind=OrganisationKind.SELF)


def test_create_form_sent_again_leads_to_the_fiche_it_created(dpo_client, centrecall):
    data = new_fiche_form(dpo_client).post_data()
    first = dpo_client.post(CREATE_URL, data)
    fiche = Treatment.objects.get()
    assert first.status_code == 302 and first["Location"] == fiche.get_absolute_url()
    dpo_client.get(first["Location"])  # the success message is read

    again = dpo_client.post(CREATE_URL, data)  # back, then « Créer la fiche » once more

    assert again.status_code == 302 and again["Location"] == fiche.get_absolute_url()
    assert Treatment.objects.count() == 1 and fiche.history.count() == 1
    page = unescape(dpo_client.get(again["Location"]).content.decode())
    assert f"Ce formulaire a déjà créé la fiche {fiche.reference}" in page


def test_two_create_forms_create_two_fiches(dpo_client, centrecall):
    first = new_fiche_form(dpo_client, name="Paie").post_data()
    second = new_fiche_form(dpo_client, name="Recrutement").post_data()
    assert first["creation_token"] != second["creation_token"]
    assert dpo_client.post(CREATE_URL, first).status_code == 302
    assert dpo_client.post(CREATE_URL, second).status_code == 302
    assert sorted(Treatment.objects.values_list("name", flat=True)) == ["Paie", "Recrutement"]


def test_a_form_corrected_after_an_error_is_still_created_once(dpo_client, centrecall):
    data = new_fiche_form(dpo_client, main_purpose="")
    refused = dpo_client.post(CREATE_URL, data.post_data())
    assert refused.status_code == 400
    assert f'name="creation_token" value="{data["creation_token"]}"' in refused.content.decode()
    data["main_purpose"] = "Recruter"
    assert dpo_client.post(CREATE_URL, data.post_data()).status_code == 302
    assert dpo_client.post(CREATE_URL, data.post_data()).status_code == 302
    assert Treatment.objects.count() == 1


def test_another_session_cannot_reach_a_fiche_through_someone_elses_form(dpo_client, centrecall):
    data = new_fiche_form(dpo_client, name="Paie").post_data()
    dpo_client.post(CREATE_URL, data)
    other = Client()
    other.force_login(make_user("dpo2", "DPO"))
    response = other.post(CREATE_URL, data)
    assert response.status_code == 400  # not sent to the fiche: asked about the name instead
    assert Treatment.objects.count() == 1


def test_new_fiche_named_like_another_asks_for_confirmation(dpo_client, centrecall):
    existing = make_treatment(name="Gestion de la paie", lines=False)
    data = new_fiche_form(dpo_client, name="gestion de la PAIE ")
    response = dpo_client.post(CREATE_URL, data.post_data())
    assert response.status_code == 400
    page = unescape(response.content.decode())
    assert f"La fiche {existing.reference} porte déjà ce nom." in page
    assert f'href="{existing.get_absolute_url()}"' in page
    assert 'name="confirm_same_name"' in page and "Créer quand même une fiche du même nom" in page
    assert Treatment.objects.count() == 1

    data["confirm_same_name"] = "1"
    response = dpo_client.post(CREATE_URL, data.post_data())
    assert response.status_code == 302
    assert Treatment.objects.filter(name__iexact="gestion de la paie").count() == 2


def test_other_errors_keep_the_confirmation_ticked(dpo_client, centrecall):
    make_treatment(name="Gestion de la paie", lines=False)
    data = new_fiche_form(dpo_client, name="Gestion de la paie", main_purpose="", confirm_same_name="1")
    response = dpo_client.post(CREATE_URL, data.post_data())
    assert response.status_code == 400
    assert 'id="id_confirm_same_name" value="1" checked' in response.content.decode()
    assert "porte déjà ce nom." not in unescape(response.content.decode())


def test_editing_a_fiche_does_not_ask_about_its_own_name(dpo_client, treatment):
    make_treatment(name=treatment.name, lines=False)  # another fiche of the same name, created before
    url = reverse("register:edit", args=[treatment.reference])
    data = FormData.from_response(dpo_client.get(url))
    data["main_purpose"] = "Nouvelle finalité"
    assert dpo_client.post(url, data.post_data()).status_code == 302


def test_same_input_from_a_page_fetched_anew_leads_to_the_fiche_created(dpo_client, centrecall):
    # Going back, a browser may fetch the form again (a new token) and restore what was typed.
    data = new_fiche_form(dpo_client).post_data()
    dpo_client.post(CREATE_URL, data)
    again = new_fiche_form(dpo_client).post_data()
    assert again["creation_token"] != data["creation_token"]
    response = dpo_client.post(CREATE_URL, again)
    assert response.status_code == 302 and response["Location"] == Treatment.objects.get().get_absolute_url()


def test_changed_input_after_going_back_is_a_new_fiche_to_confirm(dpo_client, centrecall):
    data = new_fiche_form(dpo_client).post_data()
    dpo_client.post(CREATE_URL, data)
    data["main_purpose"] = "Recruter des superviseurs"
    data["creation_token"] = "another-page"
    response = dpo_client.post(CREATE_URL, data)
    assert response.status_code == 400 and "porte déjà ce nom" in unescape(response.content.decode())
    assert Treatment.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite serialises every writing transaction; its in-memory test database cannot hold two",
)
def test_a_double_click_sending_the_form_twice_at_once_creates_one_fiche(dpo_client, centrecall, monkeypatch):
    """The second POST arrives while the first is still saving: it waits, then leads to the first's fiche."""
    data = new_fiche_form(dpo_client).post_data()
    first_saving, release = threading.Event(), threading.Event()
    real_save = edit.save_fiche

    def slow_save(fiche):  # the first POST holds its transaction open until released
        treatment = real_save(fiche)
        if not first_saving.is_set():
            first_saving.set()
            release.wait(10)
        return treatment

    monkeypatch.setattr(edit, "save_fiche", slow_save)
    responses = {}

    def post(name):
        client = Client()
        client.cookies = dpo_client.cookies  # the same browser: one session
        try:
            responses[name] = client.post(CREATE_URL, data)
        finally:
            connection.close()

    first = threading.Thread(target=post, args=("first",))
    first.start()
    assert first_saving.wait(10)
    second = threading.Thread(target=post, args=("second",))
    second.start()
    second.join(0.5)
    assert second.is_alive(), "the second POST must wait for the first to be saved"
    release.set()
    first.join(10)
    second.join(10)
    fiche = Treatment.objects.get()
    assert responses["first"]["Location"] == responses["second"]["Location"] == fiche.get_absolute_url()
