"""How a text of a CNIL file is compared with the labels of the format.

`key()` ignores case, accents, spaces and punctuation, so « Données de santé » and
« donnees de sante » are the same label. A value typed into a drop-down list's cell may
also be near one: `loose_key()` further drops parenthesised additions and the plural, so
« Autres » is near « Autre (Préciser) » — `ListLookup` takes it, and says it did.
"""

import functools
import re
import unicodedata

from .layout import PLACEHOLDERS

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'"})


def key_words(text):
    """The text in lower-case ASCII, words kept apart."""
    text = unicodedata.normalize("NFKD", str(text).translate(_LIGATURES))
    return text.encode("ascii", "ignore").decode().lower()


@functools.lru_cache(maxsize=65536)
def key(text):
    """A label reduced to lower-case ASCII letters and digits, for comparisons (cached: a
    register repeats the same labels on every fiche)."""
    return re.sub(r"[^a-z0-9]", "", key_words(text))


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


def organisation_key(name):
    """An organisation's name ignoring case, accents and parenthesised additions:
    « Artemis (M. Paul Friand, directeur) » is Artemis."""
    return key(re.sub(r"\([^)]*\)", " ", str(name))) or key(name)


def loose_key(text):
    """key() without parenthesised additions, each word in the singular."""
    text = re.sub(r"\([^)]*\)", " ", str(text))
    words = re.findall(r"[a-z0-9]+", key_words(text))
    return "".join(word[:-1] if len(word) > 3 and word[-1] in "sx" else word for word in words)


def _label_rank(text):
    """Which text a warning names: a label before a code ("Prospects", not "prospects"),
    the longer label ("Autre (préciser)", not "Autre")."""
    text = str(text)
    return (not re.fullmatch(r"[a-z0-9_]*", text), len(text))


class ListLookup(dict):
    """{key: value} of a drop-down list's entries, with near matches by `loose_key()`.

    A loose key claimed by two values is dropped: an ambiguous near match is no match.
    """

    def __init__(self, entries):
        entries = list(entries)
        super().__init__(lookup_table(entries))
        self.loose, self.loose_labels, clashes = {}, {}, set()
        for value, texts in entries:
            for text in texts:
                k = loose_key(text)
                if not k:
                    continue
                if k in self.loose and self.loose[k] != value:
                    clashes.add(k)
                self.loose[k] = value
                if _label_rank(text) > _label_rank(self.loose_labels.get(k, "")):
                    self.loose_labels[k] = str(text)
        for k in clashes:
            del self.loose[k]

    def find(self, text):
        """(value, None) for an exact match, (value, list label) for a near one, (None, None)."""
        value = self.get(key(text))
        if value is not None:
            return value, None
        k = loose_key(text)
        if k and k in self.loose:
            return self.loose[k], self.loose_labels[k]
        return None, None


_PLACEHOLDER_KEYS = frozenset(key(text) for text in PLACEHOLDERS)
