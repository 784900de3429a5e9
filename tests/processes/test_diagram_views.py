"""The diagram files: SVG inline or downloaded, PNG that opens with sane dimensions."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from PIL import Image

from tests.processes.factories import add_event, add_operation, add_rule, make_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def process(db):
    process = make_process(name="Étude de marché")
    refused = add_event(process, "Enregistrement refusé")
    first = add_operation(process, "Demander le consentement")
    add_operation(process, "Enregistrer l'appel", actor=process.actors.last())
    add_rule(first, "Refus", event=refused)
    return process


def test_svg_is_served_inline_and_parses(manager_client, process):
    response = manager_client.get(reverse("processes:diagram_svg", args=[process.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"].startswith("inline;")
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = response.content.decode()
    assert "Demander le consentement" in text and "Refus" in text


def test_svg_download_is_an_attachment_named_by_the_file_rule(manager_client, process):
    response = manager_client.get(reverse("processes:diagram_svg", args=[process.pk]), {"telecharger": "1"})
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="processus-')
    assert "etude-de-marche-diagramme-" in disposition and disposition.endswith('.svg"')


def test_png_opens_with_the_diagram_size(auditor_client, process):
    svg = auditor_client.get(reverse("processes:diagram_svg", args=[process.pk])).content
    root = ET.fromstring(svg)
    width, height = float(root.get("width")), float(root.get("height"))
    response = auditor_client.get(reverse("processes:diagram_png", args=[process.pk]), {"telecharger": "1"})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].endswith('.png"')
    image = Image.open(io.BytesIO(response.content))
    image.load()
    assert image.format == "PNG"
    assert image.size == (round(width * 2), round(height * 2))  # drawn at twice the size, for print
    colours = image.convert("L").getextrema()
    assert colours[0] < 100 and colours[1] > 200  # ink on white, not a blank picture


def test_empty_process_still_draws(manager_client):
    process = make_process(actors=())
    assert manager_client.get(reverse("processes:diagram_png", args=[process.pk])).status_code == 200
