"""The MOT diagram of a process, drawn server-side as SVG (and PNG).

`source.py` is the contract between the process models and the drawing: the models are
turned into these plain, frozen values (`processes` builds them), and the layout and the
renderers only ever see them, so they can be tested on generated processes without a
database.
"""

from .render import render_svg

__all__ = ["render_svg"]
