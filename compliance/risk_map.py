"""The CNIL risk map: severity × likelihood, 4 × 4, as server-rendered SVG.

`fiche_risk_map` places each feared event of a fiche in its cell, before (filled marker)
and after (outlined marker) the planned measures; `register_risk_cells` counts the feared
events of the whole register per cell in two aggregate queries, whatever its size (the
dashboard reads it too). Colours follow `RiskLevel`; the level of each cell is also in
the SVG's text and in the table the pages show beside the map, so colour is never the only
means of reading it.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from register.choices import TreatmentStatus

from .models import FearedEvent, FearedEventKind, RiskLevel, Scale

LEVELS = (1, 2, 3, 4)
COLOURS = {  # light fills: the dark text on them keeps a contrast above 7:1
    RiskLevel.HIGH: "#f2aaaa",
    RiskLevel.SEVERE: "#f7c88f",
    RiskLevel.LIKELY: "#f6e58d",
    RiskLevel.ACCEPTABLE: "#bfe3c0",
}
CELL, LEFT, TOP, BOTTOM = 72, 124, 12, 70
MARKER_RADIUS, MARKERS_PER_ROW = 10, 3


def count_title(count):
    return ngettext("%(count)d événement redouté", "%(count)d événements redoutés", count)


@dataclass
class Marker:
    text: str
    kind: str  # "initial", "residual" or "count"
    title: str = ""
    cx: float = 0
    cy: float = 0


@dataclass
class Cell:
    severity: int
    likelihood: int
    markers: list = field(default_factory=list)

    @property
    def level(self):
        return RiskLevel.of(self.severity, self.likelihood)

    @property
    def colour(self):
        return COLOURS[self.level]

    @property
    def x(self):
        return LEFT + (self.likelihood - 1) * CELL

    @property
    def y(self):
        return TOP + (4 - self.severity) * CELL

    @property
    def label(self):
        return _("Gravité %(severity)d, vraisemblance %(likelihood)d : %(level)s") % {
            "severity": self.severity,
            "likelihood": self.likelihood,
            "level": self.level.label,
        }


@dataclass
class RiskMap:
    title: str
    description: str
    cells: dict  # (severity, likelihood) → Cell
    ident: str = "carte-risques"

    def cell(self, severity, likelihood):
        return self.cells[(severity, likelihood)]

    def rows(self):
        """The cells from the top row (severity 4) down, as the map and its table show them."""
        return [[self.cells[(severity, likelihood)] for likelihood in LEVELS] for severity in reversed(LEVELS)]

    def svg(self):
        self._place_markers()
        return mark_safe(render_to_string("compliance/risk_map.svg", {"map": self, **geometry()}))  # noqa: S308  (autoescaped template)

    def _place_markers(self):
        for cell in self.cells.values():
            for index, marker in enumerate(cell.markers):
                row, column = divmod(index, MARKERS_PER_ROW)
                marker.cx = cell.x + 14 + column * 22 + MARKER_RADIUS - 4
                marker.cy = cell.y + 20 + row * 24


def geometry():
    return {
        "width": LEFT + 4 * CELL + 8,
        "height": TOP + 4 * CELL + BOTTOM,
        "cell_size": CELL,
        "radius": MARKER_RADIUS,
        "axis_x": [(LEFT + (level - 1) * CELL + CELL // 2, level, scale_name(level)) for level in LEVELS],
        "axis_y": [(TOP + (4 - level) * CELL + CELL // 2, level, scale_name(level)) for level in LEVELS],
        "grid_bottom": TOP + 4 * CELL,
        "grid_left": LEFT,
        "grid_right": LEFT + 4 * CELL,
        "title_x": LEFT + 2 * CELL,
        "middle_y": TOP + 2 * CELL,
    }


def scale_name(level):
    """« Négligeable » of « 1 – Négligeable »: the map writes the number apart."""
    return str(Scale(level).label).split(" – ", 1)[-1]


def empty_cells():
    return {(severity, likelihood): Cell(severity, likelihood) for severity in LEVELS for likelihood in LEVELS}


def fiche_risk_map(treatment, feared_events):
    """The map of one fiche: each feared event judged, initial and residual."""
    cells = empty_cells()
    for event in sorted(feared_events, key=lambda event: event.order):
        kind = FearedEventKind(event.kind)
        if event.level:
            cells[(event.severity, event.likelihood)].markers.append(
                Marker(kind.short, "initial", _("%(event)s, risque initial") % {"event": kind.label})
            )
        if event.residual_level:
            cells[(event.residual_severity, event.residual_likelihood)].markers.append(
                Marker(kind.short, "residual", _("%(event)s, risque résiduel") % {"event": kind.label})
            )
    return RiskMap(
        _("Carte des risques de la fiche %(reference)s") % {"reference": treatment.reference},
        _(
            "Gravité (axe vertical) et vraisemblance (axe horizontal) de chaque événement redouté : A accès "
            "illégitime, M modification non désirée, D disparition ; marque pleine avant les mesures prévues, "
            "marque cerclée après."
        ),
        cells,
        ident=f"carte-risques-{treatment.reference}",
    )


def register_risk_cells(*, residual=False):
    """{(severity, likelihood): number of feared events} for the fiches of the register not
    archived, initial or residual (one aggregate query; cells without events are absent)."""
    severity, likelihood = ("residual_severity", "residual_likelihood") if residual else ("severity", "likelihood")
    rows = (
        FearedEvent.objects.exclude(assessment__treatment__status=TreatmentStatus.ARCHIVED)
        .filter(**{f"{severity}__isnull": False, f"{likelihood}__isnull": False})
        .values_list(severity, likelihood)
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {(row_severity, row_likelihood): count for row_severity, row_likelihood, count in rows}


def register_risk_maps():
    """The register's two maps, before and after the planned measures (two queries)."""
    maps = []
    for residual in (False, True):
        cells = empty_cells()
        for key, count in register_risk_cells(residual=residual).items():
            cells[key].markers.append(Marker(str(count), "count", count_title(count) % {"count": count}))
        title = _("Risques résiduels du registre") if residual else _("Risques initiaux du registre")
        maps.append(
            RiskMap(
                title,
                _(
                    "Nombre d'événements redoutés des fiches du registre (hors fiches archivées) par gravité (axe "
                    "vertical) et vraisemblance (axe horizontal), %(when)s."
                )
                % {"when": _("après les mesures prévues") if residual else _("avant les mesures prévues")},
                cells,
                ident="carte-risques-residuels" if residual else "carte-risques-initiaux",
            )
        )
    return maps
