"""The collection form pages: list, page with its fields, editor with its rows, « Proposer »
and « Confirmer », each refused with nothing written when the page is stale or the input hostile."""

import pytest
from django.urls import reverse

from processes.models import CollectionForm, FormField
from register.models import DataCategory
from tests.conftest import page_text
from tests.processes.identification_factories import make_collection_form

pytestmark = pytest.mark.django_db


def _edit_data(form, rows, **main):
    data = {
        "name": form.name,
        "description": "",
        "treatment": form.treatment_id or "",
        "process": "",
        "respondent_identified": "on",
        "loaded_version": form.version,
        "fields-TOTAL_FORMS": len(rows),
        "fields-INITIAL_FORMS": sum(1 for row in rows if row.get("id")),
        "fields-MIN_NUM_FORMS": 0,
        "fields-MAX_NUM_FORMS": 200,
        **main,
    }
    for index, row in enumerate(rows):
        values = {"channel": "phone", "is_personal": "unknown", "identification": "", "data_category": "", **row}
        for key, value in values.items():
            if value is not False:
                data[f"fields-{index}-{key}"] = value
    return data


def _rows(form):
    return [
        {"id": field.pk, "position": field.position, "label": field.label, "example": field.example}
        for field in form.fields.all()
    ]


def test_list_and_page_show_the_fields_with_their_proposal(manager_client, treatment):
    form = make_collection_form(treatment=treatment)
    listing = page_text(manager_client.get(reverse("processes:form_list")))
    assert "Questionnaire Osiris" in listing
    page = manager_client.get(form.get_absolute_url())
    text = page_text(page)
    assert "DESMARC" in text and "Question 4 – Pour vous, la publicité sur les réseaux sociaux :" in text
    assert "liée à un répondant identifié par son nom et son courriel dans le même enregistrement" in text
    assert "Proposer" not in text and "Modifier le formulaire" not in text  # a manager reads


def test_form_page_runs_a_fixed_number_of_queries(dpo_client, treatment, django_assert_num_queries):
    form = make_collection_form(treatment=treatment)
    dpo_client.get(form.get_absolute_url())
    with django_assert_num_queries(9):
        dpo_client.get(form.get_absolute_url())
    for number in range(10):
        FormField.objects.create(form=form, label=f"Question {number + 5}", example="Oui", position=20 + number)
    with django_assert_num_queries(9):
        dpo_client.get(form.get_absolute_url())


def test_propose_fills_the_undecided_fields_and_keeps_the_dpo_decision(dpo_client, treatment):
    form = make_collection_form(treatment=treatment)
    name = form.fields.get(label="Nom")
    FormField.objects.filter(pk=name.pk).update(is_personal=False, justification="Je l'ai décidé")
    response = dpo_client.post(reverse("processes:form_propose", args=[form.pk]), {"version": form.version})
    assert response.status_code == 302
    name.refresh_from_db()
    assert (name.is_personal, name.justification) == (False, "Je l'ai décidé")
    question = form.fields.get(label__startswith="Question 2")
    assert (question.is_personal, question.identification, question.data_category.code) == (
        True,
        "indirect",
        "personal_life",
    )
    assert not question.confirmed
    form.refresh_from_db()
    assert form.version == 2


def test_a_stale_page_is_refused_with_409_and_nothing_written(dpo_client, treatment):
    form = make_collection_form(treatment=treatment)
    for name in ("form_propose", "form_confirm"):
        response = dpo_client.post(reverse(f"processes:{name}", args=[form.pk]), {"version": form.version + 5})
        assert response.status_code == 409
        assert "Quelqu'un a modifié ce formulaire" in page_text(response)
    assert not form.fields.filter(is_personal__isnull=False).exists()
    response = dpo_client.post(
        reverse("processes:form_edit", args=[form.pk]),
        _edit_data(form, _rows(form), name="Renommé", loaded_version=form.version - 1),
    )
    assert response.status_code == 409
    assert CollectionForm.objects.get(pk=form.pk).name == "Questionnaire Osiris"


def test_confirm_one_field_then_all(dpo_client, treatment):
    form = make_collection_form(treatment=treatment)
    dpo_client.post(reverse("processes:form_propose", args=[form.pk]), {"version": 1})
    nom = form.fields.get(label="Nom")
    response = dpo_client.post(reverse("processes:form_confirm", args=[form.pk]), {"version": 2, "field": nom.pk})
    assert response.status_code == 302
    assert list(form.fields.filter(confirmed=True).values_list("label", flat=True)) == ["Nom"]
    dpo_client.post(reverse("processes:form_confirm", args=[form.pk]), {"version": 3})
    assert form.fields.filter(confirmed=False).count() == 0


def test_confirming_an_undecided_field_is_refused(dpo_client, treatment):
    form = make_collection_form(treatment=treatment)
    nom = form.fields.get(label="Nom")
    response = dpo_client.post(reverse("processes:form_confirm", args=[form.pk]), {"version": 1, "field": nom.pk})
    assert response.status_code == 400
    assert not FormField.objects.filter(confirmed=True).exists()


def test_create_a_form_with_its_fields_on_one_page(dpo_client, treatment):
    assert dpo_client.get(reverse("processes:form_create")).status_code == 200
    data = _edit_data(
        CollectionForm(name="Enquête"),
        [{"label": "Nom", "example": "DUPONT"}, {"label": "Question 1", "example": "Oui", "position": ""}],
        treatment=treatment.pk,
    )
    data.pop("loaded_version")
    response = dpo_client.post(reverse("processes:form_create"), data)
    assert response.status_code == 302
    form = CollectionForm.objects.get(name="Enquête")
    assert list(form.fields.values_list("label", "position")) == [("Nom", 1), ("Question 1", 2)]


def test_edit_reorders_removes_and_adds_rows_and_records_a_decision(dpo_client, treatment):
    form = make_collection_form(treatment=treatment, fields=[("Nom", "DESMARC"), ("Prénom", "CORINNE")])
    rows = _rows(form)
    rows[0]["position"] = 5  # Nom after Prénom
    rows[1].update(
        is_personal="true",
        identification="direct",
        data_category=DataCategory.objects.get(code="identity").pk,
        justification="Identifie la personne",
        confirmed="on",
    )
    rows.append({"label": "Courriel", "example": "x@y.fr", "position": ""})
    response = dpo_client.post(reverse("processes:form_edit", args=[form.pk]), _edit_data(form, rows))
    assert response.status_code == 302
    assert list(form.fields.values_list("label", flat=True)) == ["Prénom", "Nom", "Courriel"]
    prenom = form.fields.get(label="Prénom")
    assert (prenom.is_personal, prenom.confirmed, prenom.data_category.code) == (True, True, "identity")
    rows = _rows(form)
    rows[2]["DELETE"] = "on"
    form.refresh_from_db()
    dpo_client.post(reverse("processes:form_edit", args=[form.pk]), _edit_data(form, rows))
    assert list(form.fields.values_list("label", flat=True)) == ["Prénom", "Nom"]


@pytest.mark.parametrize(
    "hostile",
    [
        {"label": "x" * 300},
        {"example": "x" * 600},
        {"justification": "x" * 6000},
        {"data_category": "999999"},
        {"channel": "pigeon"},
        {"is_personal": "unknown", "confirmed": "on"},
    ],
)
def test_hostile_rows_are_refused_with_nothing_written(dpo_client, treatment, hostile):
    form = make_collection_form(treatment=treatment, fields=[("Nom", "DESMARC")])
    rows = _rows(form)
    rows[0].update(hostile)
    rows.append({"label": "Nouveau champ"})
    response = dpo_client.post(reverse("processes:form_edit", args=[form.pk]), _edit_data(form, rows, name="Autre"))
    assert response.status_code == 400
    assert "n'a pas été enregistré" in page_text(response)
    form.refresh_from_db()
    assert (form.name, form.version, form.fields.count()) == ("Questionnaire Osiris", 1, 1)
    assert form.fields.get().label == "Nom"


def test_too_many_rows_are_refused(dpo_client, treatment):
    form = make_collection_form(treatment=treatment, fields=[])
    rows = [{"label": f"Champ {number}"} for number in range(201)]
    response = dpo_client.post(reverse("processes:form_edit", args=[form.pk]), _edit_data(form, rows))
    assert response.status_code == 400
    assert not form.fields.exists()


def test_the_page_reads_in_english_when_chosen(manager_client, treatment):
    form = make_collection_form(treatment=treatment, fields=[("Question 1", "OUI")])
    manager_client.cookies.load({"django_language": "en"})
    text = page_text(manager_client.get(form.get_absolute_url()))
    assert "Collected fields" in text and "Result of the identification" in text
    assert "linked to a respondent identified by name and e-mail in the same record" in text


def test_the_editor_works_without_javascript(dpo_client, treatment):
    form = make_collection_form(treatment=treatment, fields=[("Nom", "DESMARC")])
    html = dpo_client.get(reverse("processes:form_edit", args=[form.pk])).content.decode()
    assert 'name="fields-0-DELETE"' in html  # a « Supprimer » checkbox per row
    assert 'name="fields-1-label"' in html  # one empty row to add a field
    assert 'name="fields-0-position"' in html  # « Ordre » reorders
