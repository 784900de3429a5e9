"""Where everything of a MOT diagram goes: a grid of actor columns × flow rows, then arrows.

Time flows downwards. Each operation has its own row, so a row holds one box and nothing
else; above each row lies a band of event ellipses (the events that first trigger that
operation, and the result events of the operation before). Between rows and bands run
empty channels, and to the right of the last column run empty lanes. Arrows are made
only of vertical strokes that stay inside one column's free space and horizontal strokes
laid in a channel or in a row, where no other box stands; any arrow that would have to
pass over a row (a trigger that waits several rows, a refusal that loops back up) goes
out to a lane of its own. That is what keeps arrows off boxes without any search.
"""

from django.utils.translation import gettext as _

from .geometry import Arrow, Column, Layout, Node, without_idle_corners
from .layout_text import event_lines, header_lines, operation_parts, title_lines
from .source import Join

MARGIN = 16
COLUMN_WIDTH = 232
BOX_INSET = 14  # between a column's edge and its boxes
BOX_WIDTH = COLUMN_WIDTH - 2 * BOX_INSET
EVENT_GAP = 8  # between two ellipses side by side
EVENT_SLOT = 104  # the narrowest room an ellipse gets: a column widens to give it
ELLIPSE_MIN_HEIGHT = 34
LINE_HEIGHT = 15
TITLE_LINE_HEIGHT = 21
HEADER_LINE_HEIGHT = 16
JOIN_WIDTH, JOIN_HEIGHT = 34, 18
TRACK = 8  # between two horizontal strokes of one channel
LANE = 10  # between two lanes
ENTRY = 10  # between two arrows entering one box on its right edge


def join_key(operation):
    return f"{operation.key}#join"


def compute_layout(process):
    """The `Layout` of `process`: deterministic, from the process alone."""
    return _Planner(process).layout()


class _Planner:
    def __init__(self, process):
        self.process = process
        self.operations = list(process.operations)
        self.row = {operation.key: index for index, operation in enumerate(self.operations)}
        self.column = {actor.key: index for index, actor in enumerate(process.actors)}
        self.events = {event.key: event for event in process.events}
        self.band, self.event_column = self._place_events()
        self.joins = {op.key for op in self.operations if len([t for t in op.triggers if t in self.events]) > 1}

    # -- grid -----------------------------------------------------------------------------

    def _operation_column(self, operation):
        return self.column.get(operation.actor, 0)

    def _place_events(self):
        """The band (the row above which it is drawn) and the column of every event."""
        first_trigger, first_emitter = {}, {}
        for index, operation in enumerate(self.operations):
            for key in operation.triggers:
                first_trigger.setdefault(key, index)
            for rule in operation.rules:
                first_emitter.setdefault(rule.target, index)
        band, column = {}, {}
        for event in self.process.events:
            if event.key in first_trigger:
                band[event.key] = first_trigger[event.key]
                fallback = self._operation_column(self.operations[first_trigger[event.key]])
            elif event.key in first_emitter:
                band[event.key] = first_emitter[event.key] + 1
                fallback = self._operation_column(self.operations[first_emitter[event.key]])
            else:
                band[event.key], fallback = 0, 0
            column[event.key] = self.column.get(event.actor, fallback)
        return band, column

    # -- routes, before any coordinate ----------------------------------------------------

    def _plan_routes(self):
        """Every arrow as a plan: which channel tracks, lane and box entry it will use."""
        self.rule_tracks = {b: [] for b in range(len(self.operations) + 1)}  # channel above band b
        self.exit_tracks = {r: [] for r in range(len(self.operations))}  # channel below band r
        self.direct_track = set()  # rows whose channel carries a stroke across columns
        self.entries = {op.key: [] for op in self.operations}  # arrows entering a box's right edge
        self.plans = []
        for operation in self.operations:
            row = self.row[operation.key]
            for key in operation.triggers:
                if key not in self.events:
                    continue
                plan = {"kind": "trigger", "source": key, "target": operation.key, "rule": None}
                if self.band[key] == row:
                    plan["route"] = "direct"
                    if self.event_column[key] != self._operation_column(operation) or operation.key in self.joins:
                        self.direct_track.add(row)
                else:
                    plan["route"] = "lane"
                    plan["exit"] = self._take(self.exit_tracks[self.band[key]], plan)
                    plan["span"] = row - self.band[key]
                    if operation.key not in self.joins:
                        self.entries[operation.key].append(plan)
                self.plans.append(plan)
            for index, rule in enumerate(operation.rules):
                plan = {"kind": "rule", "source": operation.key, "target": rule.target, "rule": index}
                if rule.target in self.events:
                    band = self.band[rule.target]
                    plan["route"] = "direct" if band == row + 1 else "lane"
                    plan["exit"] = self._take(self.rule_tracks[row + 1], plan)
                    if plan["route"] == "lane":
                        plan["enter"] = self._take(self.rule_tracks[band], plan)
                        plan["span"] = abs(band - row)
                elif rule.target in self.row:
                    target_row = self.row[rule.target]
                    plan["route"] = "next" if target_row == row + 1 else "lane"
                    plan["exit"] = self._take(self.rule_tracks[row + 1], plan)
                    plan["span"] = abs(target_row - row) + 1
                    self.entries[rule.target].append(plan)  # "next" gives its entry back if it can go straight
                else:
                    continue  # a rule leading nowhere known is drawn in its box without an arrow
                self.plans.append(plan)

    @staticmethod
    def _take(tracks, plan):
        tracks.append(plan)
        return len(tracks) - 1

    # -- coordinates ----------------------------------------------------------------------

    def layout(self):
        self._plan_routes()
        process = self.process
        self._size_columns()
        columns_width = sum(self.widths) if self.widths else COLUMN_WIDTH
        title = tuple(title_lines(process.title, columns_width))
        header_top = MARGIN + len(title) * TITLE_LINE_HEIGHT + 8
        columns, header_h = [], 0
        for index, actor in enumerate(process.actors):
            lines = tuple(header_lines(actor.name, self.widths[index] - 16))
            header_h = max(header_h, len(lines) * HEADER_LINE_HEIGHT + 12)
            columns.append(Column(actor.key, self._column_x(index), self.widths[index], lines, actor.external))
        self.result = Layout(title, 0, 0, header_top, header_h, columns)
        y = header_top + header_h
        self.channel_top, self.exit_top, self.zone_top = {}, {}, {}
        for band in range(len(self.operations) + 1):
            self.channel_top[band] = y
            y += 12 + TRACK * len(self.rule_tracks[band])
            y = self._place_band(band, y)
            if band == len(self.operations):
                break
            self.exit_top[band] = y
            y += 8 + TRACK * len(self.exit_tracks[band])
            self.zone_top[band] = y
            operation = self.operations[band]
            y += 42 if operation.key in self.joins else (26 if band in self.direct_track else 14)
            y = self._place_operation(operation, y)
        lanes_left = MARGIN + columns_width + 14
        self._draw_arrows(lanes_left)
        lane_count = sum(1 for plan in self.plans if plan.get("lane") is not None)
        self.result.width = lanes_left + LANE * lane_count + MARGIN
        self.result.height = y + MARGIN
        return self.result

    def _size_columns(self):
        """Each column's width: the usual one, or wider where a band has many of its events."""
        counts = {}
        for event in self.process.events:
            spot = (self.event_column[event.key], self.band[event.key])
            counts[spot] = counts.get(spot, 0) + 1
        self.widths = [COLUMN_WIDTH] * len(self.process.actors)
        for (column, _band), count in counts.items():
            if column < len(self.widths):
                self.widths[column] = max(self.widths[column], count * EVENT_SLOT)

    def _column_x(self, index):
        return MARGIN + sum(self.widths[:index])

    def _column_width(self, index):
        return self.widths[index] if index < len(self.widths) else COLUMN_WIDTH

    def _place_band(self, band, top):
        by_column = {}
        for event in self.process.events:
            if self.band[event.key] == band:
                by_column.setdefault(self.event_column[event.key], []).append(event)
        height = 0
        for column, events in sorted(by_column.items()):
            slot = self._column_width(column) / len(events)
            for index, event in enumerate(events):
                w = slot - EVENT_GAP if len(events) > 1 else BOX_WIDTH * 0.85
                lines = tuple(event_lines(event.label, w * 0.8 - 2))
                h = max(ELLIPSE_MIN_HEIGHT, len(lines) * LINE_HEIGHT / 0.6 + 2)
                x = self._column_x(column) + index * slot + (slot - w) / 2
                self.result.nodes[event.key] = Node(event.key, "event", x, top, w, h, lines)
                height = max(height, h)
        for event_key, node in self.result.nodes.items():  # centre the band's ellipses on one line
            if node.kind == "event" and self.band.get(event_key) == band:
                node.y = top + (height - node.h) / 2
        return top + height

    def _place_operation(self, operation, top):
        parts = operation_parts(operation, BOX_WIDTH)
        column = self._operation_column(operation)
        x = self._column_x(column) + (self._column_width(column) - BOX_WIDTH) / 2
        label_h = len(parts["lines"]) * LINE_HEIGHT + 10
        rules_h = (max(len(lines) for lines in parts["rules"]) * 14 + 10) if parts["rules"] else 0
        entries = len(self.entries[operation.key])
        h = max(parts["header_h"] + label_h + rules_h, 20 + ENTRY * entries)
        cell = BOX_WIDTH / max(len(parts["rules"]), 1)
        rules = tuple((x + index * cell, cell, tuple(lines)) for index, lines in enumerate(parts["rules"]))
        self.result.nodes[operation.key] = Node(
            operation.key,
            "operation",
            x,
            top,
            BOX_WIDTH,
            h,
            tuple(parts["lines"]),
            reference=parts["reference"],
            nature=_("Automatisée") if operation.automated else _("Manuelle"),
            header_h=parts["header_h"],
            rules=rules,
            rules_h=rules_h,
        )
        if operation.key in self.joins:
            row = self.row[operation.key]
            word = _("OU") if operation.join == Join.ANY else _("ET")
            jx, jy = x + BOX_WIDTH / 2 - JOIN_WIDTH / 2, self.zone_top[row] + 6
            key = join_key(operation)
            self.result.nodes[key] = Node(key, "join", jx, jy, JOIN_WIDTH, JOIN_HEIGHT, (word,))
        return top + h

    # -- arrows ---------------------------------------------------------------------------

    def _draw_arrows(self, lanes_left):
        nodes = self.result.nodes
        for plan in self.plans:
            if plan["route"] == "next" and not self._straight_to_next(plan):
                plan["route"] = "lane"
            elif plan["route"] == "next":
                self.entries[plan["target"]].remove(plan)
        lane_plans = sorted((p for p in self.plans if p["route"] == "lane"), key=lambda p: p["span"])
        for index, plan in enumerate(lane_plans):
            plan["lane"] = lanes_left + LANE * index
        for op_key, plans in self.entries.items():
            box = nodes[op_key]
            step = box.h / (len(plans) + 1)
            for index, plan in enumerate(plans):
                plan["entry_y"] = box.y + step * (index + 1)
        for plan in self.plans:
            points = self._trigger_points(plan) if plan["kind"] == "trigger" else self._rule_points(plan)
            target = join_key_of(plan, self.joins) if plan["kind"] == "trigger" else plan["target"]
            self.result.arrows.append(Arrow(plan["source"], target, without_idle_corners(points), plan["kind"]))
        for operation in self.operations:
            if operation.key in self.joins:
                join, box = nodes[join_key(operation)], nodes[operation.key]
                points = ((join.cx, join.bottom), (join.cx, box.y))
                self.result.arrows.append(Arrow(join.key, operation.key, points, "join"))

    def _trigger_points(self, plan):
        nodes = self.result.nodes
        event, box = nodes[plan["source"]], nodes[plan["target"]]
        join = nodes[join_key_of(plan, self.joins)] if plan["target"] in self.joins else None
        start = (event.cx, event.bottom)
        if plan["route"] == "lane":
            track = self.exit_top[self.band[plan["source"]]] + 4 + TRACK * plan["exit"]
            lane = plan["lane"]
            if join is not None:
                return (start, (event.cx, track), (lane, track), (lane, join.cy), (join.right, join.cy))
            y = plan["entry_y"]
            return (start, (event.cx, track), (lane, track), (lane, y), (box.right, y))
        if join is not None:
            if join.x <= event.cx <= join.right:
                return (start, (event.cx, join.y))
            edge = join.x if event.cx < join.x else join.right
            return (start, (event.cx, join.cy), (edge, join.cy))
        if box.x <= event.cx <= box.right:
            return (start, (event.cx, box.y))
        track = self.zone_top[self.row[plan["target"]]] + 10
        return (start, (event.cx, track), (box.cx, track), (box.cx, box.y))

    def _rule_points(self, plan):
        nodes = self.result.nodes
        box, target = nodes[plan["source"]], nodes[plan["target"]]
        cell_x, cell_w, _lines = box.rules[plan["rule"]]
        exit_x = cell_x + cell_w / 2
        row = self.row[plan["source"]]
        track = self.channel_top[row + 1] + 6 + TRACK * plan["exit"]
        start = (exit_x, box.bottom)
        if plan["route"] == "direct":
            return (start, (exit_x, track), (target.cx, track), (target.cx, target.y))
        if plan["route"] == "next":
            x = plan["straight_x"]
            return (start, (exit_x, track), (x, track), (x, target.y))
        lane = plan["lane"]
        if target.kind == "event":
            enter = self.channel_top[self.band[plan["target"]]] + 6 + TRACK * plan["enter"]
            return (start, (exit_x, track), (lane, track), (lane, enter), (target.cx, enter), (target.cx, target.y))
        y = plan["entry_y"]
        return (start, (exit_x, track), (lane, track), (lane, y), (target.right, y))

    def _straight_to_next(self, plan):
        """Whether the rule can go straight down into the next box, past its band of
        events and its marker; remembers the x where it can."""
        box = self.result.nodes[plan["target"]]
        top = self.channel_top[self.row[plan["target"]]]
        obstacles = [n for n in self.result.nodes.values() if n.kind != "operation" and top <= n.y < box.y]
        for x in (box.cx, box.x + 12, box.right - 12, box.x + box.w / 4, box.right - box.w / 4):
            if not any(n.crossed_by((x, top), (x, box.y)) for n in obstacles):
                plan["straight_x"] = x
                return True
        return False


def join_key_of(plan, joins):
    return f"{plan['target']}#join" if plan["target"] in joins else plan["target"]
