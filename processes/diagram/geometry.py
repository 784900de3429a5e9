"""The shapes a laid-out MOT diagram is made of, and the geometry its tests check."""

from dataclasses import dataclass, field


@dataclass
class Node:
    """A box (operation), an ellipse (event) or a synchronisation marker (join)."""

    key: str
    kind: str  # "operation", "event" or "join"
    x: float
    y: float
    w: float
    h: float
    lines: tuple = ()  # the label, wrapped
    reference: str = ""
    nature: str = ""
    header_h: float = 0
    rules: tuple = ()  # (x, w, lines) of each rule cell, in the box's bottom compartment
    rules_h: float = 0

    @property
    def right(self):
        return self.x + self.w

    @property
    def bottom(self):
        return self.y + self.h

    @property
    def cx(self):
        return self.x + self.w / 2

    @property
    def cy(self):
        return self.y + self.h / 2

    def on_border(self, point, tolerance=1e-6):
        px, py = point
        if self.kind == "event":
            rx, ry = self.w / 2, self.h / 2
            return abs(((px - self.cx) / rx) ** 2 + ((py - self.cy) / ry) ** 2 - 1) < 1e-3
        inside = (
            self.x - tolerance <= px <= self.right + tolerance and self.y - tolerance <= py <= self.bottom + tolerance
        )
        edge = min(abs(px - self.x), abs(px - self.right), abs(py - self.y), abs(py - self.bottom))
        return inside and edge < tolerance

    def crossed_by(self, start, end):
        """Whether the axis-aligned stroke start→end enters the inside of this node's box."""
        (x1, y1), (x2, y2) = start, end
        low_x, high_x, low_y, high_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
        return low_x < self.right and high_x > self.x and low_y < self.bottom and high_y > self.y


@dataclass
class Column:
    key: str
    x: float
    w: float
    lines: tuple
    external: bool


@dataclass
class Arrow:
    source: str
    target: str
    points: tuple  # (x, y) corners, first on the source's border, last on the target's
    kind: str  # "trigger", "join" or "rule"


@dataclass
class Layout:
    title_lines: tuple
    width: float
    height: float
    header_top: float
    header_h: float
    columns: list
    nodes: dict = field(default_factory=dict)
    arrows: list = field(default_factory=list)


def without_idle_corners(points):
    """The corners without repeats or straight-through points (a route may not turn)."""
    kept = []
    for point in points:
        if kept and abs(point[0] - kept[-1][0]) < 1e-9 and abs(point[1] - kept[-1][1]) < 1e-9:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (abs(ax - bx) < 1e-9 and abs(bx - point[0]) < 1e-9) or (
                abs(ay - by) < 1e-9 and abs(by - point[1]) < 1e-9
            ):
                kept[-1] = point
                continue
        kept.append(point)
    return tuple(kept)
