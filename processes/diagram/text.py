"""Text measured with the vendored font, so boxes are sized for the glyphs that will be drawn.

The widths are the advance widths of Source Sans 3 (static/vendor), read with fontTools:
the PDF embeds that font and the page's stylesheet serves it, so a line measured here is
the line a reader sees. Kerning is left out; `SAFETY` covers it and the small differences
between renderers.
"""

from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "vendor" / "source-sans-3.052"
FONT_FILES = {False: "SourceSans3-Regular.ttf", True: "SourceSans3-Bold.ttf"}
SAFETY = 1.04  # measured widths are stretched by 4 % so a renderer's rounding never overflows


@lru_cache(maxsize=2)
def _metrics(bold):
    """(advance width per character, width of an unknown character, units per em)."""
    font = TTFont(FONT_DIR / FONT_FILES[bold], lazy=True)
    advances = font["hmtx"].metrics
    widths = {chr(code): advances[glyph][0] for code, glyph in font.getBestCmap().items()}
    return widths, advances[".notdef"][0], font["head"].unitsPerEm


def text_width(text, size, *, bold=False):
    """The width in pixels of `text` set on one line at `size` pixels."""
    widths, missing, units = _metrics(bold)
    return sum(widths.get(char, missing) for char in text) * size / units * SAFETY


def wrap(text, width, size, *, bold=False):
    """`text` broken into lines no wider than `width`: on spaces, and inside a word only
    when the word alone is wider than the line (a pasted URL, a hostile label)."""
    lines = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold=bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for piece in _break_word(word, width, size, bold):
                if line:
                    lines.append(line)
                line = piece
        lines.append(line)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def _break_word(word, width, size, bold):
    """`word` cut into pieces that each fit `width` (at least one character a piece)."""
    pieces, piece = [], ""
    for char in word:
        if piece and text_width(piece + char, size, bold=bold) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    pieces.append(piece)
    return pieces
