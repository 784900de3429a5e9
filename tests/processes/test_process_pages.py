"""The process list and a process's page: what they show, their filters, their bounded queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from processes.models import Process
from tests.conftest import make_organisation, page_text
from tests.processes.factories import add_event, add_operation, add_rule, make_process

pytestmark = pytest.mark.django_db


def build_process(name="Étude de marché", operations=3, treatment=None):
    process = make_process(name=name)
    week = add_event(process, "Début de semaine")
    refused = add_event(process, "Enregistrement refusé")
    ops = []
    for index in range(operations):
        op = add_operation(process, f"Opération {index + 1}", personal=index % 2 == 0, automated=index == 1)
        op.triggers.add(week)
        ops.append(op)
    add_rule(ops[0], "Refus", event=refused)
    if operations > 1:
        add_rule(ops[1], "Recommencer", operation_target=ops[0])
    if treatment:
        process.treatments.add(treatment)
    return process


def test_list_shows_name_client_status_operation_count_and_fiches(manager_client, treatment):
    process = build_process(treatment=treatment)
    process.client = make_organisation("Société cliente Osiris")
    process.save()
    text = page_text(manager_client.get(reverse("processes:list")))
    assert "Étude de marché" in text
    assert "Osiris" in text
    assert "Brouillon" in text
    assert treatment.reference in text
    assert "1 processus" in text


def test_list_searches_by_name_and_filters_by_status(manager_client):
    make_process(name="Étude de marché")
    Process.objects.create(name="Recrutement", status="in_force")
    text = page_text(manager_client.get(reverse("processes:list"), {"q": "ETUDE marche"}))
    assert "Étude de marché" in text and "Recrutement" not in text
    text = page_text(manager_client.get(reverse("processes:list"), {"status": "in_force"}))
    assert "Recrutement" in text and "Étude de marché" not in text


def test_list_refuses_an_unknown_status_in_french(manager_client):
    response = manager_client.get(reverse("processes:list"), {"status": "nimporte"})
    assert response.status_code == 400
    assert "Ce statut n'existe pas." in page_text(response)


def test_list_pages_by_fifty(manager_client):
    Process.objects.bulk_create(Process(name=f"Processus {index:03}") for index in range(51))
    first = page_text(manager_client.get(reverse("processes:list")))
    assert "Processus 049" in first and "Processus 050" not in first
    assert "Processus 050" in page_text(manager_client.get(reverse("processes:list"), {"page": 2}))


def queries_of(http, url):
    with CaptureQueriesContext(connection) as queries:
        assert http.get(url).status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_the_processes(manager_client, treatment):
    build_process("Premier", treatment=treatment)
    one = queries_of(manager_client, reverse("processes:list"))
    for index in range(5):
        build_process(f"Autre {index}", treatment=treatment)
    assert queries_of(manager_client, reverse("processes:list")) == one
    assert one == 7  # session, user, permissions (2), count, the page of processes, their fiches


def test_page_queries_do_not_grow_with_the_operations(manager_client, treatment):
    small = build_process("Petit", operations=2, treatment=treatment)
    large = build_process("Grand", operations=12, treatment=treatment)
    count = queries_of(manager_client, reverse("processes:detail", args=[small.pk]))
    assert queries_of(manager_client, reverse("processes:detail", args=[large.pk])) == count
    assert count == 11  # session, user, permissions (2), process, fiches, actors, events, operations, triggers, rules


def test_page_shows_header_actors_events_operations_and_the_diagram(auditor_client, treatment):
    process = build_process(treatment=treatment)
    process.description = "Le déroulé d'une étude"
    process.save()
    response = auditor_client.get(reverse("processes:detail", args=[process.pk]))
    html = response.content.decode()
    text = page_text(response)
    assert "Le déroulé d'une étude" in text
    assert f'href="{treatment.get_absolute_url()}"' in html
    assert "Gestionnaire d'appels" in text and "Téléopérateur" in text
    assert "Début de semaine" in text
    assert text.index("Opération 1") < text.index("Opération 2") < text.index("Opération 3")
    assert "OP-01" in text and "OP-02" in text
    assert "automatisée" in text and "manuelle" in text
    assert "Refus → Enregistrement refusé" in text
    assert "Recommencer → OP-01 — Opération 1" in text
    # the page shows the PNG, drawn with the vendored font (an SVG shown through <img> loads no
    # font: it would fall back to the reader's sans-serif, wider or narrower than the measured boxes),
    # at twice its pixels for sharp text
    png = reverse("processes:diagram_png", args=[process.pk])
    assert f'<img id="diagramme" src="{png}" srcset="{png} 2x"' in html
    assert 'alt="Diagramme MOT du processus' in html
    assert reverse("processes:diagram_png", args=[process.pk]) + "?telecharger=1" in html
    assert "Dernière mise à jour le" in text
    assert reverse("admin:processes_process_history", args=[process.pk]) in html  # auditors are staff


def test_triggers_show_et_or_ou(manager_client):
    process = make_process()
    first, second = add_event(process, "Appel reçu"), add_event(process, "Rappel demandé")
    operation = add_operation(process, "Répondre", join="any")
    operation.triggers.add(first, second)
    text = page_text(manager_client.get(reverse("processes:detail", args=[process.pk])))
    assert "Appel reçu OU Rappel demandé" in " ".join(text.split())


def test_manager_sees_no_edit_or_delete_button(manager_client):
    process = make_process()
    html = manager_client.get(reverse("processes:detail", args=[process.pk])).content.decode()
    assert reverse("processes:edit", args=[process.pk]) not in html
    assert reverse("processes:delete", args=[process.pk]) not in html


def test_dpo_deletes_a_process_after_confirming(dpo_client):
    process = build_process()
    confirm = dpo_client.get(reverse("processes:delete", args=[process.pk]))
    assert "La suppression est définitive" in page_text(confirm)
    assert Process.objects.filter(pk=process.pk).exists()
    response = dpo_client.post(reverse("processes:delete", args=[process.pk]))
    assert response.status_code == 302
    assert not Process.objects.filter(pk=process.pk).exists()


def test_menu_has_processus_for_readers(manager_client):
    html = manager_client.get(reverse("processes:list")).content.decode()
    assert f'href="{reverse("processes:list")}"' in html.split("</nav>")[0]


def test_page_anchors_each_operation_for_the_findings_and_links_its_table_and_pdf(manager_client):
    process = build_process()
    html = manager_client.get(reverse("processes:detail", args=[process.pk])).content.decode()
    for operation in process.operations.all():
        assert f'id="operation-{operation.pk}"' in html
    assert f'href="{reverse("processes:operations", args=[process.pk])}"' in html
    assert f'href="{reverse("processes:pdf", args=[process.pk])}"' in html
