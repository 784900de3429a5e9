"""The CNIL risk map: each feared event in its cell, initial and residual told apart, cells
coloured by level, the register's counts in bounded queries."""

import re

import pytest

from compliance.models import FearedEventKind, RiskLevel
from compliance.risk_map import COLOURS, fiche_risk_map, register_risk_cells, register_risk_maps
from register.choices import TreatmentStatus
from register.models import Treatment
from tests.conftest import make_treatment

from .factories import assess

pytestmark = pytest.mark.django_db

ACCESS, MODIFICATION, DISAPPEARANCE = FearedEventKind.values


def cell_markers(svg, severity, likelihood):
    """[(kind, letter)] of the markers the SVG draws in the cell (severity, likelihood)."""
    cell = re.search(
        rf'<g class="risk-cell[^"]*" data-severity="{severity}" data-likelihood="{likelihood}"[^>]*>(.*?)</g>\n'
        r'(?=<g class="risk-cell|<g class="risk-axes)',
        svg,
        re.S,
    ).group(1)
    return re.findall(r'class="risk-marker risk-marker-(\w+)" data-event="(\w)"', cell)


@pytest.mark.parametrize(
    ("severity", "likelihood", "level"),
    [
        (4, 4, RiskLevel.HIGH),
        (3, 3, RiskLevel.HIGH),
        (4, 1, RiskLevel.SEVERE),
        (3, 2, RiskLevel.SEVERE),
        (1, 4, RiskLevel.LIKELY),
        (2, 3, RiskLevel.LIKELY),
        (2, 2, RiskLevel.ACCEPTABLE),
        (1, 1, RiskLevel.ACCEPTABLE),
    ],
)
def test_levels_follow_the_cnil_zones(severity, likelihood, level):
    assert RiskLevel.of(severity, likelihood) == level


def test_an_unjudged_pair_has_no_level():
    assert RiskLevel.of(None, 3) is None


def test_each_feared_event_lands_in_its_cell_initial_and_residual(treatment):
    assessment = assess(
        treatment,
        access=(4, 3, 4, 1),
        modification=(2, 3, 2, 1),
        disappearance=(2, 3, None, None),
    )
    risk_map = fiche_risk_map(treatment, assessment.feared_events.all())
    svg = risk_map.svg()
    assert cell_markers(svg, 4, 3) == [("initial", "A")]
    assert cell_markers(svg, 4, 1) == [("residual", "A")]
    assert cell_markers(svg, 2, 3) == [("initial", "M"), ("initial", "D")]
    assert cell_markers(svg, 2, 1) == [("residual", "M")]
    assert cell_markers(svg, 1, 1) == []


def test_cells_are_coloured_by_level(treatment):
    svg = fiche_risk_map(treatment, []).svg()
    for severity, likelihood, level in [(4, 4, RiskLevel.HIGH), (4, 1, RiskLevel.SEVERE), (1, 4, RiskLevel.LIKELY)]:
        cell = re.search(
            rf'data-severity="{severity}" data-likelihood="{likelihood}" data-level="(\w+)">'
            r'\s*<title>[^<]*</title>\s*<rect[^>]*fill="([^"]+)"',
            svg,
        )
        assert cell.groups() == (level.value, COLOURS[level])
    assert svg.count("<rect") == 16


def test_the_map_is_accessible(treatment):
    svg = fiche_risk_map(treatment, []).svg()
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert (
        f'<title id="carte-risques-{treatment.reference}-title">'
        f"Carte des risques de la fiche {treatment.reference}</title>" in svg
    )
    assert "<desc" in svg and "A accès illégitime" in svg
    assert "Gravité 4, vraisemblance 4 : À éviter ou réduire absolument" in svg


def test_the_register_counts_feared_events_per_cell_without_archived_fiches(django_assert_num_queries):
    assess(make_treatment(), access=(4, 3, 2, 1), modification=(4, 3, 2, 2))
    assess(make_treatment(), access=(4, 3, 2, 1))
    assess(make_treatment(status=TreatmentStatus.ARCHIVED), access=(4, 3, 2, 1))
    with django_assert_num_queries(1):
        assert register_risk_cells() == {(4, 3): 3}
    assert register_risk_cells(residual=True) == {(2, 1): 2, (2, 2): 1}


@pytest.mark.parametrize("fiches", [2, 30])
def test_the_register_maps_take_two_queries_whatever_the_size(django_assert_num_queries, fiches):
    for _ in range(fiches):
        assess(make_treatment(lines=False), access=(3, 3, 1, 1))
    with django_assert_num_queries(2):
        initial, residual = register_risk_maps()
    assert initial.cell(3, 3).markers[0].text == str(fiches)
    assert residual.cell(1, 1).markers[0].text == str(fiches)
    assert Treatment.objects.count() == fiches
