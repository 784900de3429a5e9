"""The MOT diagram as a standalone SVG document: no script, no external reference.

Every text is a real <text> element (readers and search find it, the PDF keeps it as
text) set in the vendored Source Sans 3 the layout measured, with generic fallbacks; user
text is escaped where it is written, so a label with <, & or quotes stays a label.
Coordinates are written with one decimal, so the same process gives the same bytes.
"""

from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

from .layout import HEADER_LINE_HEIGHT, LINE_HEIGHT, TITLE_LINE_HEIGHT, compute_layout
from .layout_text import BOX_PADDING, HEADER_SIZE, LABEL_SIZE, SMALL_SIZE, TITLE_SIZE

FONT_FAMILY = "'Source Sans 3', 'Source Sans Pro', 'Segoe UI', Arial, sans-serif"
INK, MUTED, LINE, EXTERNAL_FILL = "#1b1f24", "#4a5563", "#5b6472", "#f1f3f5"
ARROW_LENGTH, ARROW_HALF_WIDTH = 7, 3.5
STYLE = f"""
text {{ font-family: {FONT_FAMILY}; fill: {INK}; }}
.title {{ font-size: {TITLE_SIZE}px; font-weight: 700; }}
.actor {{ font-size: {HEADER_SIZE}px; font-weight: 700; }}
.label {{ font-size: {LABEL_SIZE}px; }}
.small {{ font-size: {SMALL_SIZE}px; }}
.ref {{ font-size: {SMALL_SIZE}px; font-weight: 700; }}
.nature {{ font-size: {SMALL_SIZE}px; font-style: italic; fill: {MUTED}; }}
.join {{ font-size: {SMALL_SIZE}px; font-weight: 700; }}
"""


def render_svg(process):
    """The SVG text of the MOT diagram of `process` (a `source.Process`)."""
    layout = compute_layout(process)
    width, height = _n(layout.width), _n(layout.height)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="mot-title">',
        f'<title id="mot-title">{escape(_("Diagramme MOT : %(title)s") % {"title": process.title})}</title>',
        f"<style>{STYLE}</style>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for index, line in enumerate(layout.title_lines):
        out.append(_text(16, 16 + TITLE_SIZE + index * TITLE_LINE_HEIGHT, line, "title"))
    out += _columns(layout)
    for arrow in layout.arrows:
        path = " ".join(f"{_n(x)},{_n(y)}" for x, y in arrow.points)
        out.append(
            f'<polyline class="arrow arrow-{arrow.kind}" data-source={quoteattr(arrow.source)} '
            f'data-target={quoteattr(arrow.target)} points="{path}" fill="none" stroke="{LINE}" '
            'stroke-width="1.3"/>'
        )
        out.append(_arrowhead(arrow.points))
    for node in layout.nodes.values():
        out += {"operation": _operation, "event": _event, "join": _join}[node.kind](node)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _arrowhead(points):
    """A filled triangle whose tip is the arrow's last point (drawn, not an SVG marker, so
    every renderer orients it alike)."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    dx, dy = (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)  # strokes are horizontal or vertical
    back_x, back_y = x2 - dx * ARROW_LENGTH, y2 - dy * ARROW_LENGTH
    side_x, side_y = -dy * ARROW_HALF_WIDTH, dx * ARROW_HALF_WIDTH
    corners = ((x2, y2), (back_x + side_x, back_y + side_y), (back_x - side_x, back_y - side_y))
    return f'<polygon class="arrowhead" points="{" ".join(f"{_n(x)},{_n(y)}" for x, y in corners)}" fill="{LINE}"/>'


def _columns(layout):
    out = []
    bottom = layout.height - 16
    for column in layout.columns:
        x, top, w = _n(column.x), _n(layout.header_top), _n(column.w)
        dash = ' stroke-dasharray="5 3"' if column.external else ""
        fill = EXTERNAL_FILL if column.external else "#ffffff"
        out.append(
            f'<rect class="lane" x="{x}" y="{top}" width="{w}" height="{_n(bottom - layout.header_top)}" '
            f'fill="{fill}" stroke="#c4cad3"{dash}/>'
        )
        header_fill = "#dfe3e8" if column.external else "#e8eef7"
        out.append(
            f'<rect class="actor-header{" external" if column.external else ""}" x="{x}" y="{top}" '
            f'width="{w}" height="{_n(layout.header_h)}" fill="{header_fill}" stroke="#8a94a3"{dash}/>'
        )
        first = layout.header_top + (layout.header_h - len(column.lines) * HEADER_LINE_HEIGHT) / 2 + HEADER_SIZE - 1
        for index, line in enumerate(column.lines):
            out.append(_text(column.x + column.w / 2, first + index * HEADER_LINE_HEIGHT, line, "actor", "middle"))
    return out


def _operation(node):
    out = [
        f'<g class="operation" data-key={quoteattr(node.key)}>',
        f'<rect x="{_n(node.x)}" y="{_n(node.y)}" width="{_n(node.w)}" height="{_n(node.h)}" rx="3" '
        'fill="#ffffff" stroke="#2f3a48" stroke-width="1.2"/>',
        f'<rect x="{_n(node.x)}" y="{_n(node.y)}" width="{_n(node.w)}" height="{_n(node.header_h)}" rx="3" '
        'fill="#e8eef7" stroke="#2f3a48" stroke-width="1.2"/>',
    ]
    baseline = node.y + node.header_h - 6
    if node.reference:
        out.append(_text(node.x + BOX_PADDING, baseline, node.reference, "ref"))
    out.append(_text(node.right - BOX_PADDING, baseline, node.nature, "nature", "end"))
    for index, line in enumerate(node.lines):
        out.append(
            _text(node.x + BOX_PADDING, node.y + node.header_h + 5 + LABEL_SIZE + index * LINE_HEIGHT, line, "label")
        )
    if node.rules:
        top = node.bottom - node.rules_h
        out.append(f'<line x1="{_n(node.x)}" y1="{_n(top)}" x2="{_n(node.right)}" y2="{_n(top)}" stroke="#2f3a48"/>')
        for index, (x, w, lines) in enumerate(node.rules):
            if index:
                out.append(f'<line x1="{_n(x)}" y1="{_n(top)}" x2="{_n(x)}" y2="{_n(node.bottom)}" stroke="#2f3a48"/>')
            for number, line in enumerate(lines):
                out.append(_text(x + w / 2, top + 5 + SMALL_SIZE + number * 14, line, "small", "middle"))
    out.append("</g>")
    return out


def _event(node):
    out = [
        f'<g class="event" data-key={quoteattr(node.key)}>',
        f'<ellipse cx="{_n(node.cx)}" cy="{_n(node.cy)}" rx="{_n(node.w / 2)}" ry="{_n(node.h / 2)}" '
        'fill="#fffbea" stroke="#7a5d00" stroke-width="1.2"/>',
    ]
    first = node.cy - len(node.lines) * LINE_HEIGHT / 2 + LABEL_SIZE - 1
    for index, line in enumerate(node.lines):
        out.append(_text(node.cx, first + index * LINE_HEIGHT, line, "label", "middle"))
    out.append("</g>")
    return out


def _join(node):
    return [
        f'<g class="join" data-key={quoteattr(node.key)}>',
        f'<rect x="{_n(node.x)}" y="{_n(node.y)}" width="{_n(node.w)}" height="{_n(node.h)}" rx="9" '
        'fill="#ffffff" stroke="#2f3a48" stroke-width="1.2"/>',
        _text(node.cx, node.cy + 4, node.lines[0], "join", "middle"),
        "</g>",
    ]


def _text(x, y, content, css_class, anchor="start"):
    anchor_attribute = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text class="{css_class}" x="{_n(x)}" y="{_n(y)}"{anchor_attribute}>{escape(content)}</text>'


def _n(value):
    """A coordinate with at most one decimal, the same on every run."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
