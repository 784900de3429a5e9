"""The SVG builder (compliance/charts.py): named for screen readers, figures written as text, text escaped."""

import re
import xml.etree.ElementTree as ET

from compliance.charts import LABEL_CHARS, LABEL_WIDTH, VALUE_WIDTH, WIDTH, Bar, Chart

SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg):
    return ET.fromstring(str(svg))


def sample(kind="bars"):
    bars = [Bar("Brouillon", 3, "/registre/?status=draft", "draft"), Bar("En vigueur", 9, "", "ok"), Bar("Archivé", 0)]
    return Chart("chart-status", "Fiches par statut", "3 brouillons, 9 en vigueur", bars, kind=kind)


def test_bar_chart_is_an_image_named_by_its_title_and_desc():
    root = parsed(sample().svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-status-title chart-status-desc"
    assert root.find(f"{SVG}title").get("id") == "chart-status-title"
    assert root.find(f"{SVG}title").text == "Fiches par statut"
    assert root.find(f"{SVG}desc").text == "3 brouillons, 9 en vigueur"


def test_bar_chart_writes_each_label_and_value_beside_its_bar():
    root = parsed(sample().svg)
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert texts == ["Brouillon", "3", "En vigueur", "9", "Archivé", "0"]
    bars = [rect for rect in root.iter(f"{SVG}rect") if "chart-bar" in rect.get("class")]
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    assert [int(bar.get("width")) for bar in bars] == [round(room * 3 / 9), room, 0]  # the largest fills the room
    assert bars[0].get("class") == "chart-bar tone-draft"


def test_stacked_bar_names_each_part_with_its_value_and_share():
    root = parsed(sample("stack").svg)
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert texts == ["Brouillon : 3 (25 %)", "En vigueur : 9 (75 %)", "Archivé : 0 (0 %)"]
    segments = [rect for rect in root.iter(f"{SVG}rect") if "chart-segment" in (rect.get("class") or "")]
    assert [float(segment.get("width")) for segment in segments] == [140.0, 420.0]  # an empty part draws nothing


def test_labels_are_escaped_and_long_ones_cut():
    chart = Chart("c", "<b>Titre</b>", "a & b", [Bar("Société <script> & fils, une très longue raison sociale", 1)])
    svg = str(chart.svg)
    assert "<script>" not in svg and "<b>" not in svg
    label = next(parsed(svg).iter(f"{SVG}text")).text
    assert label.startswith("Société <script> & fils") and label.endswith("…") and len(label) <= LABEL_CHARS


def test_a_chart_without_figures_still_draws_and_says_so():
    svg = str(Chart("empty", "Rien", "Aucune fiche.", []).svg)
    assert re.search(r"<title id=\"empty-title\">Rien</title>", svg)
    assert parsed(svg).find(f"{SVG}desc").text == "Aucune fiche."
