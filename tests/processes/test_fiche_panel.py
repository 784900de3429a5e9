"""The fiche page lists the operations and the collection forms that belong to it, through
register.fiche_panels."""

from html import unescape

import pytest

from register.generator import generate_register
from tests.conftest import make_treatment, make_user

from .factories import add_operation, make_process
from .identification_factories import make_collection_form

pytestmark = pytest.mark.django_db


def test_the_fiche_page_lists_its_operations_with_their_process(manager_client):
    fiche = make_treatment(reference="T-070")
    study = make_process("Étude de marché")
    other = make_process("Campagne de fidélisation")
    add_operation(study, "Planifier les appels", personal=False, treatment=fiche)  # no reference: not listed
    record = add_operation(study, "Enregistrement d'un appel téléphonique", treatment=fiche)
    add_operation(other, "Envoyer le SMS", treatment=make_treatment())  # another fiche's
    html = unescape(manager_client.get(fiche.get_absolute_url()).content.decode())
    panel = html[html.index('id="operations"') :]
    assert "Opérations des processus" in panel
    assert "OP-01" in panel and "Enregistrement d'un appel téléphonique" in panel and "Étude de marché" in panel
    assert f"#operation-{record.pk}" in panel
    assert "Planifier les appels" not in panel and "Envoyer le SMS" not in panel


def test_a_fiche_without_operations_says_so(manager_client):
    html = unescape(manager_client.get(make_treatment().get_absolute_url()).content.decode())
    assert "Aucune opération d'un processus ne relève de cette fiche." in html


def test_the_panel_is_not_shown_to_who_cannot_read_processes(client):
    from django.contrib.auth.models import Permission

    reader = make_user("lecteur")
    reader.user_permissions.add(Permission.objects.get(codename="view_treatment"))
    client.force_login(reader)
    response = client.get(make_treatment().get_absolute_url())
    assert response.status_code == 200
    assert 'id="operations"' not in response.content.decode()
    assert 'id="collection-forms"' not in response.content.decode()


def test_the_fiche_as_of_a_past_day_has_no_operations_panel(manager_client):
    fiche = generate_register(1)[0]
    html = manager_client.get(fiche.get_absolute_url(), {"date": "2024-06-30"}).content.decode()
    assert 'id="operations"' not in html and 'id="collection-forms"' not in html


def test_the_fiche_page_lists_its_collection_forms_with_their_personal_fields(manager_client):
    fiche = make_treatment(reference="T-071")
    osiris = make_collection_form(treatment=fiche)
    osiris.fields.filter(position__lte=3).update(is_personal=True)
    make_collection_form(treatment=make_treatment(), name="Questionnaire d'une autre fiche")
    html = unescape(manager_client.get(fiche.get_absolute_url()).content.decode())
    panel = html[html.index('id="collection-forms"') :]
    assert "Formulaires de collecte" in panel
    assert f'<a href="{osiris.get_absolute_url()}">Questionnaire Osiris</a>' in panel
    assert f"<td>{osiris.fields.count()}</td><td>3</td>" in panel
    assert "Questionnaire d'une autre fiche" not in panel


def test_a_fiche_without_collection_forms_says_so(manager_client):
    html = unescape(manager_client.get(make_treatment().get_absolute_url()).content.decode())
    assert "Aucun formulaire de collecte ne relève de cette fiche." in html


@pytest.mark.parametrize("count", [0, 12])
def test_the_panel_adds_two_queries_whatever_the_number_of_operations_and_forms(
    manager_client, django_assert_num_queries, count
):
    fiche = make_treatment()
    process = make_process()
    for number in range(count):
        add_operation(process, f"Opération {number}", treatment=fiche)
        make_collection_form(treatment=fiche, name=f"Formulaire {number}", fields=[("Nom", "Dupont")])
    # a controller fiche's page (tests/register/test_fiche_page.py counts a processor fiche's, which
    # adds the register keeper and its contacts), the panel's two queries included (operations,
    # collection forms with their field counts), and the compliance app's: the fiche's DPIA
    # screenings and its feared events; the contracts app's: its contracts; the rights app's: its requests
    with django_assert_num_queries(20):
        manager_client.get(fiche.get_absolute_url())
