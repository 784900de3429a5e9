"""A process's rows become the diagram's source values in a fixed number of queries."""

import pytest

from processes.diagram import render_svg
from processes.diagram.source import Join
from processes.diagram_source import diagram_source

from .factories import add_event, add_operation, add_rule, make_process

pytestmark = pytest.mark.django_db


def build_consent_process():
    process = make_process(actors=("Téléopérateur", "Personne interrogée"))
    operator, respondent = process.actors.all()
    call = add_event(process, "Appel décroché", actor=respondent)
    asking = add_operation(process, "Demander l'accord d'enregistrement", actor=operator, personal=False)
    asking.triggers.add(call)
    recording = add_operation(process, "Enregistrement d'un appel téléphonique", actor=operator, automated=True)
    refused = add_event(process, "Enregistrement refusé")
    add_rule(asking, "Acceptation", operation_target=recording)
    add_rule(asking, "Refus", event=refused)
    return process


def test_the_source_carries_actors_events_operations_and_rules_in_order():
    process = build_consent_process()
    drawn = diagram_source(process)
    assert [actor.name for actor in drawn.actors] == ["Téléopérateur", "Personne interrogée"]
    asking, recording = drawn.operations
    assert (asking.reference, recording.reference, recording.automated) == ("", "OP-01", True)
    assert asking.join is Join.ALL
    assert [rule.label for rule in asking.rules] == ["Acceptation", "Refus"]
    assert asking.rules[0].target == recording.key
    assert asking.rules[1].target in {event.key for event in drawn.events}
    assert asking.triggers == (drawn.events[0].key,)


def test_the_source_is_built_in_five_queries_whatever_the_size(django_assert_num_queries):
    process = build_consent_process()
    for n in range(10):
        add_operation(process, f"Opération {n}")
    with django_assert_num_queries(5):
        drawn = diagram_source(process)
    assert len(drawn.operations) == 12


def test_the_source_draws_as_svg_with_the_operations_reference():
    svg = render_svg(diagram_source(build_consent_process()))
    assert "OP-01" in svg and "Acceptation" in svg
