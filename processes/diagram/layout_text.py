"""The texts of the diagram, wrapped to the width they are drawn in (sizes in pixels).

The renderer draws each line at the size given here, so the layout and the drawing agree
on every line's width.
"""

from .text import text_width, wrap

TITLE_SIZE = 16
HEADER_SIZE = 13
LABEL_SIZE = 12
SMALL_SIZE = 11
BOX_PADDING = 6  # between a box's edge and its text
HEADER_HEIGHT = 20  # the box's top strip: reference and nature


def title_lines(title, width):
    return wrap(title, width, TITLE_SIZE, bold=True)


def header_lines(name, width):
    return wrap(name, width, HEADER_SIZE, bold=True)


def event_lines(label, width):
    return wrap(label, width, LABEL_SIZE)


def operation_parts(operation, box_width):
    """The wrapped label and the wrapped rule labels (one cell each) of an operation box."""
    cell = box_width / max(len(operation.rules), 1)
    return {
        "header_h": HEADER_HEIGHT,
        "reference": fit(operation.reference, box_width / 2 - BOX_PADDING, SMALL_SIZE, bold=True),
        "lines": wrap(operation.label, box_width - 2 * BOX_PADDING, LABEL_SIZE),
        "rules": [wrap(rule.label, cell - 2 * BOX_PADDING, SMALL_SIZE) for rule in operation.rules],
    }


def fit(text, width, size, *, bold=False):
    """`text` on one line of `width`, cut with an ellipsis if it is longer."""
    if text_width(text, size, bold=bold) <= width:
        return text
    while text and text_width(text + "…", size, bold=bold) > width:
        text = text[:-1]
    return text + "…"
