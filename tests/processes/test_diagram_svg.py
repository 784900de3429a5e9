"""The MOT diagram as an SVG document: well-formed, self-contained, escaped, deterministic."""

import pytest
from defusedxml.ElementTree import fromstring

from processes.diagram import render_svg
from processes.diagram.source import Actor, Event, Operation, Process, Rule

from .diagram_checks import generated_process
from .market_study import market_study_process

SVG = "{http://www.w3.org/2000/svg}"


def texts(root):
    return [element.text for element in root.iter(f"{SVG}text")]


def test_the_market_study_renders_one_column_per_actor_and_every_operation():
    process = market_study_process()
    root = fromstring(render_svg(process))
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox").startswith("0 0 ")
    assert root.find(f"{SVG}title").text == "Diagramme MOT : Étude de marché pour un client"
    headers = root.findall(f".//{SVG}rect[@class='actor-header']") + root.findall(
        f".//{SVG}rect[@class='actor-header external']"
    )
    assert len(headers) == len(process.actors) == 4
    assert len(root.findall(f".//{SVG}rect[@class='actor-header external']")) == 2
    words = " ".join(texts(root))
    for expected in ("Call manager", "OP-01", "Enregistrement d'un appel", "Acceptation", "Refus", "ET", "OU"):
        assert expected in words
    assert len(root.findall(f".//{SVG}g[@class='operation']")) == len(process.operations)
    assert len(root.findall(f".//{SVG}g[@class='event']")) == len(process.events)


def test_the_svg_refers_to_nothing_outside_itself_and_runs_no_script():
    svg = render_svg(market_study_process())
    root = fromstring(svg)
    assert not root.findall(f".//{SVG}script")
    assert "href" not in svg
    assert "url(" not in svg
    assert "Source Sans 3" in svg


def test_hostile_labels_are_escaped_and_stay_text():
    hostile = '<script>alert("x")</script> & \' " ]]> ' + "W" * 200
    actor = Actor("a", hostile, external=True)
    process = Process(
        hostile,
        (actor,),
        (Event("e", hostile),),
        (Operation("o", hostile, "a", reference=hostile, triggers=("e",), rules=(Rule(hostile, "o"),)),),
    )
    root = fromstring(render_svg(process))  # parses: nothing broke out of its element
    assert not root.findall(f".//{SVG}script")
    box = root.find(f".//{SVG}g[@data-key='o']")
    label = "".join(element.text for element in box.iter(f"{SVG}text") if element.get("class") == "label")
    assert label.replace(" ", "") == hostile.replace(" ", "")  # every character kept, the long word broken over lines
    assert '<script>alert("x")</script>' in texts(root)[0]  # the title line, as text


@pytest.mark.parametrize("seed", range(10))
def test_the_same_process_gives_the_same_bytes(seed):
    assert render_svg(generated_process(seed)) == render_svg(generated_process(seed))


def test_a_process_without_operations_still_renders():
    root = fromstring(render_svg(Process("Vide", (Actor("a", "Manager"),))))
    assert "Manager" in texts(root)
