"""How a text of a CNIL file is compared with the labels of the format.

`key()` ignores case, accents, spaces and punctuation, so « Données de santé » and
« donnees de sante » are the same label.
"""

import functools
import re
import unicodedata

from .layout import PLACEHOLDERS

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'"})


@functools.lru_cache(maxsize=65536)
def key(text):
    """A label reduced to lower-case ASCII letters and digits, for comparisons (cached: a
    register repeats the same labels on every fiche)."""
    text = unicodedata.normalize("NFKD", str(text).translate(_LIGATURES))
    return re.sub(r"[^a-z0-9]", "", text.encode("ascii", "ignore").decode().lower())


def is_placeholder(text):
    """True for the template's filler text ("Sélectionnez un élément…", "N/A") and blanks."""
    folded = key(text)
    return not folded or folded in _PLACEHOLDER_KEYS


def numbered(label):
    """A matcher for "Sous-finalité 1", "Destinataire 12"…: the label's key without its number."""
    return key(label.format(n=""))


def lookup_table(entries):
    """{key: value} from (value, [texts]) pairs; a key claimed by two values is dropped."""
    table, clashes = {}, set()
    for value, texts in entries:
        for text in texts:
            k = key(text)
            if not k:
                continue
            if k in table and table[k] != value:
                clashes.add(k)
            table[k] = value
    for k in clashes:
        del table[k]
    return table


def label_variants(label):
    """The label and, when it carries a parenthesis or an ellipsis, its short form."""
    variants = [label]
    short = re.split(r"\s*[(…]", label, maxsplit=1)[0]
    if short and short != label:
        variants.append(short)
    return variants


_PLACEHOLDER_KEYS = frozenset(key(text) for text in PLACEHOLDERS)
