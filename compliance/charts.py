"""Small server-rendered SVG charts for the dashboard: a horizontal bar chart and a stacked bar.

No JavaScript and nothing from a CDN: the page carries the drawing, so it prints and passes
the Content-Security-Policy as it is. Each chart is an `<svg role="img">` named by its own
`<title>` and `<desc>` (aria-labelledby); its figures are written as text beside the bars and
in the legend, so nothing is said by colour alone. The page puts the same figures next to
the drawing as a table of links (the text alternative, and the way to the list behind each
figure), which is why the drawing itself holds no link.

Colours come from the `tone` of each bar (a CSS class of static/css/dashboard.css, e.g.
`tone-blocking`), not from attributes, so the print stylesheet can change them.
"""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 560
LABEL_WIDTH = 220  # the bar chart's label column
VALUE_WIDTH = 56  # room after the longest bar for its value
ROW_HEIGHT = 30
BAR_HEIGHT = 18
LABEL_CHARS = 28  # longer labels are cut (the table beside the chart gives them whole)
STACK_HEIGHT = 28
LEGEND_ROW = 24


@dataclass(frozen=True)
class Bar:
    """One figure of a chart: what it counts, how many, and the list it links to."""

    label: str
    value: int
    url: str = ""
    tone: str = ""  # a CSS modifier: tone-<tone> (severity, status…)
    note: str = ""  # shown in the table only (e.g. « 3 fiches »)


@dataclass(frozen=True)
class Chart:
    """A titled set of bars, drawn as bars (`kind="bars"`) or as one stacked bar (`kind="stack"`)."""

    chart_id: str  # unique in the page: the SVG's title and desc ids derive from it
    title: str
    desc: str
    bars: list = field(default_factory=list)
    kind: str = "bars"
    unit: str = ""  # what the values count, for the table header (« Fiches », « Lignes »…)

    @property
    def total(self):
        return sum(bar.value for bar in self.bars)

    @property
    def svg(self):
        return bar_chart(self) if self.kind == "bars" else stacked_bar(self)


def short(label, chars=LABEL_CHARS):
    label = str(label)
    return label if len(label) <= chars else label[: chars - 1].rstrip() + "…"


def percent(value, total):
    return round(100 * value / total) if total else 0


def _open_svg(chart, height):
    title_id, desc_id = f"{chart.chart_id}-title", f"{chart.chart_id}-desc"
    return (
        f'<svg class="chart chart-{chart.kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(chart.desc)}</desc>'
    )


def bar_chart(chart):
    """Horizontal bars, one row per figure: its label on the left, its value after the bar."""
    rows = chart.bars or [Bar("—", 0)]
    height = ROW_HEIGHT * len(rows) + 8
    largest = max(bar.value for bar in rows) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = [_open_svg(chart, height)]
    for index, bar in enumerate(rows):
        top = 4 + index * ROW_HEIGHT
        middle = top + ROW_HEIGHT / 2
        length = round(room * bar.value / largest) if bar.value else 0
        tone = f" tone-{bar.tone}" if bar.tone else ""
        parts.append(
            f'<g class="chart-row">'
            f'<text class="chart-label" x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(short(bar.label))}</text>'
            f'<rect class="chart-track" x="{LABEL_WIDTH}" y="{middle - BAR_HEIGHT / 2}" width="{room}" '
            f'height="{BAR_HEIGHT}"/>'
            f'<rect class="chart-bar{tone}" x="{LABEL_WIDTH}" y="{middle - BAR_HEIGHT / 2}" width="{length}" '
            f'height="{BAR_HEIGHT}"/>'
            f'<text class="chart-value" x="{LABEL_WIDTH + length + 6}" y="{middle}" '
            f'dominant-baseline="middle">{bar.value}</text>'
            f"</g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def stacked_bar(chart):
    """One bar split in proportion to the figures, with a legend naming each part, its value and share."""
    total = chart.total
    legend_top = STACK_HEIGHT + 16
    height = legend_top + LEGEND_ROW * max(len(chart.bars), 1) + 4
    parts = [_open_svg(chart, height)]
    parts.append(f'<rect class="chart-track" x="0" y="4" width="{WIDTH}" height="{STACK_HEIGHT}"/>')
    left = 0.0
    for bar in chart.bars:
        if not bar.value:
            continue
        length = WIDTH * bar.value / total
        tone = f" tone-{bar.tone}" if bar.tone else ""
        parts.append(
            f'<rect class="chart-bar chart-segment{tone}" x="{left:.1f}" y="4" width="{length:.1f}" '
            f'height="{STACK_HEIGHT}"/>'
        )
        left += length
    for index, bar in enumerate(chart.bars):
        top = legend_top + index * LEGEND_ROW
        tone = f" tone-{bar.tone}" if bar.tone else ""
        text = f"{short(bar.label, 48)} : {bar.value} ({percent(bar.value, total)} %)"
        parts.append(
            f'<g class="chart-legend">'
            f'<rect class="chart-bar{tone}" x="0" y="{top}" width="16" height="16"/>'
            f'<text class="chart-label" x="24" y="{top + 8}" dominant-baseline="middle">{escape(text)}</text>'
            f"</g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
