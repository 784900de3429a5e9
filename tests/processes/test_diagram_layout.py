"""The MOT diagram's layout: columns, boxes and arrows placed so that nothing collides."""

import itertools

import pytest

from processes.diagram.layout import BOX_WIDTH, compute_layout
from processes.diagram.layout_text import BOX_PADDING, LABEL_SIZE, SMALL_SIZE
from processes.diagram.source import Actor, Event, Operation, Process, Rule
from processes.diagram.text import text_width

from .diagram_checks import generated_process, overlaps, segments
from .market_study import market_study_process

SEEDS = range(60)


def test_columns_follow_the_actor_order():
    layout = compute_layout(market_study_process())
    assert [column.key for column in layout.columns] == [
        "actor-manager",
        "actor-operator",
        "actor-respondent",
        "actor-client",
    ]
    assert [column.x for column in layout.columns] == sorted(column.x for column in layout.columns)
    assert [column.external for column in layout.columns] == [False, False, True, True]


def test_each_operation_sits_in_its_actor_column_in_flow_order():
    process = market_study_process()
    layout = compute_layout(process)
    columns = {column.key: column for column in layout.columns}
    tops = []
    for operation in process.operations:
        box, column = layout.nodes[operation.key], columns[operation.actor]
        assert column.x <= box.x and box.right <= column.x + column.w
        tops.append(box.y)
    assert tops == sorted(tops)


def test_an_event_is_drawn_above_the_operation_it_triggers():
    layout = compute_layout(market_study_process())
    assert layout.nodes["ev-planned"].bottom < layout.nodes["op-call"].y
    assert layout.nodes["ev-answered"].bottom < layout.nodes["op-consent"].y


@pytest.mark.parametrize("seed", SEEDS)
def test_no_two_nodes_overlap(seed):
    nodes = list(compute_layout(generated_process(seed)).nodes.values())
    for a, b in itertools.combinations(nodes, 2):
        assert not overlaps(a, b), (a.key, b.key)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_arrow_starts_and_ends_on_its_nodes_borders(seed):
    layout = compute_layout(generated_process(seed))
    for arrow in layout.arrows:
        assert layout.nodes[arrow.source].on_border(arrow.points[0]), arrow
        assert layout.nodes[arrow.target].on_border(arrow.points[-1]), arrow


@pytest.mark.parametrize("seed", SEEDS)
def test_no_arrow_passes_through_a_box(seed):
    layout = compute_layout(generated_process(seed))
    for arrow in layout.arrows:
        for start, end in segments(arrow):
            assert start[0] == end[0] or start[1] == end[1], "strokes are horizontal or vertical"
            for node in layout.nodes.values():
                assert not node.crossed_by(start, end), (arrow.source, arrow.target, node.key)


def test_a_refusal_looping_back_up_goes_round_the_side():
    layout = compute_layout(market_study_process())
    (loop,) = [a for a in layout.arrows if a.source == "op-call" and a.target == "op-plan"]
    rightmost = max(column.x + column.w for column in layout.columns)
    assert max(x for x, _y in loop.points) > rightmost
    assert loop.points[-1][1] < loop.points[0][1]  # it goes back up
    for start, end in segments(loop):
        assert not any(node.crossed_by(start, end) for node in layout.nodes.values())


@pytest.mark.parametrize("seed", SEEDS)
def test_text_stays_inside_its_box(seed):
    layout = compute_layout(generated_process(seed))
    for node in layout.nodes.values():
        if node.kind == "operation":
            for line in node.lines:
                assert text_width(line, LABEL_SIZE) <= node.w - 2 * BOX_PADDING
            assert node.header_h + len(node.lines) * 15 + node.rules_h <= node.h
            for _x, w, lines in node.rules:
                assert all(text_width(line, SMALL_SIZE) <= w - 2 * BOX_PADDING for line in lines)
        elif node.kind == "event":
            assert all(text_width(line, LABEL_SIZE) <= node.w * 0.8 for line in node.lines)
            assert len(node.lines) * 15 <= node.h * 0.6 + 2


def test_a_very_long_word_is_broken_to_the_box_width():
    word = "Enregistrement" * 12
    actor = Actor("a", "Opérateur")
    process = Process("P", (actor,), (), (Operation("o", word, "a", rules=(Rule(word, "o"),)),))
    box = compute_layout(process).nodes["o"]
    assert len(box.lines) > 1
    assert "".join(box.lines) == word
    assert all(text_width(line, LABEL_SIZE) <= BOX_WIDTH - 2 * BOX_PADDING for line in box.lines)


def test_an_operation_waiting_for_several_events_gets_a_join_marker():
    layout = compute_layout(market_study_process())
    assert layout.nodes["op-plan#join"].lines == ("ET",)
    assert layout.nodes["op-enter#join"].lines == ("OU",)
    assert "op-call#join" not in layout.nodes


def test_an_event_without_actor_takes_the_column_of_the_operation_it_triggers():
    actors = (Actor("a", "Manager"), Actor("b", "Opérateur"))
    process = Process("P", actors, (Event("e", "Appel reçu"),), (Operation("o", "Répondre", "b", triggers=("e",)),))
    layout = compute_layout(process)
    assert layout.columns[1].x <= layout.nodes["e"].x < layout.columns[1].x + layout.columns[1].w


@pytest.mark.parametrize("seed", SEEDS)
def test_every_trigger_and_every_rule_gets_its_arrow(seed):
    process = generated_process(seed)
    layout = compute_layout(process)
    events = {event.key for event in process.events}
    drawn = {(arrow.source, arrow.target.removesuffix("#join")) for arrow in layout.arrows if arrow.kind != "join"}
    for operation in process.operations:
        for key in operation.triggers:
            assert (key, operation.key) in drawn
        for rule in operation.rules:
            assert (operation.key, rule.target) in drawn
            assert rule.target in events or rule.target in layout.nodes
