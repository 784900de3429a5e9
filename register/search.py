"""The register's search: which texts it reads, and how a word matches regardless of case and accents.

To a reader « Ideal », « IDEAL » and « idéal » are one word, and so are « fidelisation » and
« Fidélisation ». Both the texts searched and the words typed are folded — accents and
ligatures removed, case folded — and a fiche matches when every folded word is part of its
folded name, reference, main purpose, a sub-purpose or a data description.

The folding runs where the texts are:
- PostgreSQL: LOWER(UNACCENT(text)), the `unaccent` extension (a trusted extension since
  PostgreSQL 13, so the database owner creates it: migration 0007_search_unaccent);
- SQLite: `fold()` itself, registered as the SQL function `register_fold` on every new
  connection (see RegisterConfig.ready);
- in memory, for the register rebuilt as of a past date: `fold()`.
"""

import unicodedata

from django.db.models import Exists, Func, OuterRef, Q, TextField
from django.db.models.lookups import Contains

from .models import DataCategoryLine, SubPurpose

SQLITE_FUNCTION = "register_fold"
# Letters NFKD leaves whole but PostgreSQL's unaccent spells out, so both fold them alike.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def fold(text):
    """« Fidélisation ŒUVRE » → « fidelisation oeuvre »."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class Folded(Func):
    """A text column folded like `fold()`, in SQL."""

    function = SQLITE_FUNCTION
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        # unaccent first: it turns « É » into « E », which LOWER folds under any collation.
        return self.as_sql(compiler, connection, template="LOWER(UNACCENT(%(expressions)s))", **extra_context)


def register_sqlite_function(sender, connection, **kwargs):
    """connection_created receiver: give each new SQLite connection the folding function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)


def _contains(column, word):
    return Contains(Folded(column), word)


def search_condition(q):
    """A Treatment filter: every word of `q` appears in a searched text.

    Lines are searched through EXISTS subqueries, so two words may match two different
    lines and no DISTINCT is needed.
    """
    condition = Q()
    for word in fold(q).split():
        condition &= (
            Q(_contains("name", word))
            | Q(_contains("reference", word))
            | Q(_contains("main_purpose", word))
            | Exists(SubPurpose.objects.filter(_contains("description", word), treatment=OuterRef("pk")))
            | Exists(DataCategoryLine.objects.filter(_contains("description", word), treatment=OuterRef("pk")))
        )
    return condition


def matches(treatment, q):
    """The same test on a fiche in memory (its lines prefetched), e.g. rebuilt from the history."""
    texts = [treatment.name, treatment.reference, treatment.main_purpose]
    texts += [sub.description for sub in treatment.sub_purposes.all()]
    texts += [line.description for line in treatment.data_lines.all()]
    haystack = fold("\n".join(texts))
    return all(word in haystack for word in fold(q).split())
