"""The process editor: rows added, removed and reordered in one save, all or nothing,
never over someone else's save, and hostile input refused with nothing written."""

import re

import pytest
from django.apps import apps
from django.urls import reverse

from processes.models import Actor, EmissionRule, Event, Operation, Process
from tests.conftest import page_text
from tests.processes.editor_posts import editor_data
from tests.processes.factories import add_event, add_operation, add_rule, make_process

pytestmark = pytest.mark.django_db


def every_row():
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label == "processes"
    }


def edit(client, process, data):
    return client.post(reverse("processes:edit", args=[process.pk]), data)


def test_dpo_creates_a_process_then_lands_on_its_editor(dpo_client):
    response = dpo_client.post(reverse("processes:create"), {"name": "Étude de marché", "status": "draft"})
    process = Process.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("processes:edit", args=[process.pk])
    page = dpo_client.get(response["Location"])
    assert "Ajoutez maintenant ses acteurs" in page_text(page)


def test_create_without_a_name_is_refused_in_french(dpo_client):
    response = dpo_client.post(reverse("processes:create"), {"name": "", "status": "draft"})
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in page_text(response)
    assert not Process.objects.exists()


def test_dpo_builds_a_three_operation_process_with_a_rule_in_three_saves(dpo_client):
    process = Process.objects.create(name="Étude")
    data = editor_data(
        process,
        actors=[{"name": "Gestionnaire"}, {"name": "Téléopérateur"}],
        events=[{"label": "Début de semaine"}, {"label": "Enregistrement refusé"}],
    )
    data["continuer"] = "1"
    response = edit(dpo_client, process, data)
    assert response.status_code == 302, page_text(response)
    assert response["Location"] == reverse("processes:edit", args=[process.pk])
    process.refresh_from_db()
    manager, operator = process.actors.all()
    week, refused = process.events.all()
    assert (manager.position, operator.position) == (1, 2)

    response = edit(
        dpo_client,
        process,
        editor_data(
            process,
            operations=[
                {"description": "Planifier", "actor": str(manager.pk), "triggers": [str(week.pk)], "join": "all"},
                {
                    "description": "Enregistrer l'appel",
                    "actor": str(operator.pk),
                    "join": "all",
                    "personal_data": "on",
                    "purpose": "Preuve de l'appel",
                },
                {"description": "Saisir", "actor": str(operator.pk), "join": "any", "automated": "on"},
            ],
        ),
    )
    assert response.status_code == 302, page_text(response)
    process.refresh_from_db()
    plan, record, enter = process.operations.all()
    assert [op.reference for op in (plan, record, enter)] == ["", "OP-01", ""]
    assert list(plan.triggers.all()) == [week]

    response = edit(
        dpo_client,
        process,
        editor_data(
            process,
            rules=[{"operation": str(record.pk), "label": "Refus", "target_event": str(refused.pk)}],
        ),
    )
    assert response.status_code == 302, page_text(response)
    rule = EmissionRule.objects.get()
    assert (rule.operation, rule.label, rule.target) == (record, "Refus", refused)
    assert process.__class__.objects.get().version == 4  # three saves after creation


def test_rows_are_removed_and_reordered_in_one_save(dpo_client):
    process = make_process(actors=("A", "B", "C"))
    data = editor_data(
        process,
        actors=[{"position": "3"}, {"position": "1", "DELETE": "on"}, {"position": "2"}],
    )
    assert edit(dpo_client, process, data).status_code == 302
    assert list(process.actors.values_list("name", flat=True)) == ["C", "A"]


def test_stale_edit_is_refused_409_and_writes_nothing(dpo_client):
    process = make_process()
    first_tab = editor_data(process, actors=[{"name": "Renommé onglet 1"}])
    second_tab = editor_data(process, actors=[{}, {"name": "Renommé onglet 2"}])
    assert edit(dpo_client, process, first_tab).status_code == 302
    before = every_row()

    response = edit(dpo_client, process, second_tab)

    assert response.status_code == 409
    assert "Quelqu'un a enregistré ce processus pendant que vous le modifiiez" in page_text(response)
    assert "Renommé onglet 2" in response.content.decode()  # the user's input is kept
    assert every_row() == before


def test_operation_whose_actor_is_deleted_in_the_same_post_is_refused(dpo_client):
    process = make_process()
    operation = add_operation(process, "Appeler", actor=process.actors.last())
    before = every_row()
    data = editor_data(process, actors=[{}, {"DELETE": "on"}])

    response = edit(dpo_client, process, data)

    assert response.status_code == 400
    assert "Cet élément est supprimé dans ce même enregistrement" in page_text(response)
    assert every_row() == before
    assert Actor.objects.filter(pk=operation.actor_id).exists()


def test_rule_with_both_or_no_target_is_refused(dpo_client):
    process = make_process()
    operation = add_operation(process, "Appeler")
    event = add_event(process, "Refusé")
    before = every_row()
    for targets in ({"target_event": str(event.pk), "target_operation": str(operation.pk)}, {}):
        data = editor_data(process, rules=[{"operation": str(operation.pk), "label": "Refus", **targets}])
        response = edit(dpo_client, process, data)
        assert response.status_code == 400
        assert "Une règle mène soit à un événement résultat, soit à une opération suivante" in page_text(response)
    assert every_row() == before


def test_duplicate_actor_names_are_refused(dpo_client):
    process = make_process(actors=("Gestionnaire",))
    before = every_row()
    response = edit(dpo_client, process, editor_data(process, actors=[{}, {"name": "gestionnaire"}]))
    assert response.status_code == 400
    assert "Deux acteurs de ce processus portent ce nom" in page_text(response)
    assert every_row() == before


def test_personal_operation_without_purpose_is_refused(dpo_client):
    process = make_process()
    actor = process.actors.first()
    data = editor_data(
        process,
        operations=[{"description": "Enregistrer", "actor": str(actor.pk), "join": "all", "personal_data": "on"}],
    )
    response = edit(dpo_client, process, data)
    assert response.status_code == 400
    assert "Indiquez la finalité" in page_text(response)
    assert not Operation.objects.exists()


def test_forged_pks_of_another_process_are_refused_with_nothing_written(dpo_client):
    process = make_process()
    other = make_process(name="Autre")
    foreign_actor = other.actors.first()
    foreign_event = add_event(other, "Ailleurs")
    foreign_operation = add_operation(other, "Ailleurs", actor=foreign_actor)
    foreign_rule = add_rule(foreign_operation, "Ok", event=foreign_event)
    own_operation = add_operation(process, "Ici")
    before = every_row()
    forged = [
        {"operations": [{}, {"description": "X", "actor": str(foreign_actor.pk), "join": "all"}]},
        {
            "operations": [
                {},
                {
                    "description": "X",
                    "actor": str(process.actors.first().pk),
                    "triggers": [str(foreign_event.pk)],
                    "join": "all",
                },
            ]
        },
        {"rules": [{"operation": str(foreign_operation.pk), "label": "R", "target_event": str(foreign_event.pk)}]},
        {"rules": [{"operation": str(own_operation.pk), "label": "R", "target_event": str(foreign_event.pk)}]},
        {
            "rules": [
                {
                    "id": str(foreign_rule.pk),
                    "operation": str(own_operation.pk),
                    "label": "R",
                    "target_operation": str(own_operation.pk),
                }
            ]
        },
        {"events": [{"label": "E", "actor": str(foreign_actor.pk)}]},
        {"actors": [{"id": str(foreign_actor.pk), "name": "Volé"}]},
    ]
    for tables in forged:
        data = editor_data(process, **tables)
        if "rules" in tables and "id" in tables["rules"][0]:
            data["rules-INITIAL_FORMS"] = "1"
        response = edit(dpo_client, process, data)
        assert response.status_code == 400, tables
        text = page_text(response)
        assert "Sélectionnez un choix valide" in text or "Une ligne envoyée n'existe pas" in text, tables
    assert every_row() == before


def test_oversized_fields_are_refused_with_nothing_written(dpo_client):
    process = make_process()
    before = every_row()
    data = editor_data(process, actors=[{"name": "A" * 151}], events=[{"label": "E" * 256}])
    data["name"] = "N" * 256
    response = edit(dpo_client, process, data)
    assert response.status_code == 400
    assert "Assurez-vous que cette valeur comporte au plus" in page_text(response)
    assert every_row() == before


def test_unchanged_save_writes_nothing(dpo_client):
    process = make_process()
    before = every_row()
    response = edit(dpo_client, process, editor_data(process))
    assert response.status_code == 302
    assert every_row() == before


def test_editor_lists_only_this_process_rows(dpo_client):
    process = make_process(actors=("Gestionnaire",))
    make_process(name="Autre", actors=("Acteur d'ailleurs",))
    add_event(process, "Début")
    page = dpo_client.get(reverse("processes:edit", args=[process.pk])).content.decode()
    assert "Gestionnaire" in page
    assert "Acteur d&#x27;ailleurs" not in page and "Acteur d'ailleurs" not in page


def test_deleting_an_event_with_kept_rule_to_it_is_refused(dpo_client):
    process = make_process()
    operation = add_operation(process, "Appeler")
    event = add_event(process, "Refusé")
    add_rule(operation, "Refus", event=event)
    before = every_row()
    response = edit(dpo_client, process, editor_data(process, events=[{"DELETE": "on"}]))
    assert response.status_code == 400
    assert every_row() == before
    assert Event.objects.filter(pk=event.pk).exists()


def test_an_empty_row_numbered_by_the_script_is_no_new_row(dpo_client):
    process = make_process()
    before = every_row()
    data = editor_data(process, actors=[{}, {}, {"position": "3"}], events=[{"position": "1"}])
    response = edit(dpo_client, process, data)
    assert response.status_code == 302
    assert every_row() == before


def test_operation_rows_offer_and_save_the_categories_the_processs_fiches_declare(dpo_client, treatment):
    from register.models import DataCategory, DataSubjectCategory, RecipientCategory

    process = make_process()
    process.treatments.add(treatment)
    declared = treatment.data_lines.first().category
    undeclared = DataCategory.objects.exclude(pk__in=treatment.data_lines.values("category")).first()
    subject = treatment.data_subject_lines.first().category
    recipient = treatment.recipients.first().category
    operation = add_operation(process, "Enregistrer l'appel", treatment=treatment)

    page = dpo_client.get(reverse("processes:edit", args=[process.pk])).content.decode()
    offered = re.search(r'<select name="operations-0-data_categories".*?</select>', page, re.S).group(0)
    assert f'<option value="{declared.pk}">' in offered
    assert f'<option value="{undeclared.pk}">' not in offered

    data = editor_data(
        process,
        operations=[
            {
                "data_categories": [str(declared.pk)],
                "data_subjects": [str(subject.pk)],
                "recipients": [str(recipient.pk)],
            }
        ],
    )
    assert edit(dpo_client, process, data).status_code == 302
    assert list(operation.data_categories.all()) == [declared]
    assert list(operation.data_subjects.all()) == [subject]
    assert list(operation.recipients.all()) == [recipient]

    process.refresh_from_db()
    forged = editor_data(process, operations=[{"data_categories": [str(undeclared.pk)]}])
    before = every_row()
    assert edit(dpo_client, process, forged).status_code == 400
    assert every_row() == before
    assert DataSubjectCategory.objects.exists() and RecipientCategory.objects.exists()


@pytest.mark.parametrize("rows", [1, 8])
def test_the_editor_runs_the_same_queries_for_1_or_8_rows_per_table(dpo_client, django_assert_num_queries, rows):
    from tests.conftest import make_treatment

    process = make_process()
    fiche = make_treatment()
    process.treatments.add(fiche)
    for number in range(rows):
        event = add_event(process, f"Événement {number}")
        operation = add_operation(process, f"Opération {number}", treatment=fiche)
        operation.triggers.add(event)
        add_rule(operation, f"Règle {number}", event=event)
    # session, user, 2 × permissions, the process and its fiches; each table's saved rows (the
    # operations' four lists prefetched); each list read once for the page: actors, events,
    # operations, fiches and the three category lists; the process form's clients and fiches
    with django_assert_num_queries(23):
        response = dpo_client.get(reverse("processes:edit", args=[process.pk]))
    html = response.content.decode()
    # every operation's triggers and every rule's target still offer every event of the process:
    # the saved rows, the empty row and the script's row template of both tables
    assert html.count(f">Événement {rows - 1}</option>") == 2 * (rows + 2)


def test_each_rows_hidden_process_key_is_written_once(dpo_client):
    process = make_process()
    add_event(process, "Début de semaine")
    html = dpo_client.get(reverse("processes:edit", args=[process.pk])).content.decode()

    for prefix in ("actors", "events", "operations"):
        assert html.count(f'id="id_{prefix}-0-process"') == 1
        assert f'for="id_{prefix}-0-process"' not in html  # no label for a hidden input
