"""The register's search: which texts it reads, and how a word matches regardless of case and accents.

To a reader « Ideal », « IDEAL » and « idéal » are one word, and so are « fidelisation » and
« Fidélisation ». Both the texts searched and the words typed are folded — accents and
ligatures removed, case folded — and a fiche matches when every folded word is part of its
folded name, reference, main purpose, a sub-purpose or a data description.

The folding runs where the texts are:
- PostgreSQL: LOWER(UNACCENT(text)), the `unaccent` extension (a trusted extension since
  PostgreSQL 13, so the database owner creates it: migration 0007_search_unaccent);
- SQLite: `fold()` itself, registered as the SQL function `register_fold` on every new
  connection (see RegisterConfig.ready).
The register as of a past date is searched the same way, in its history tables.
"""

import unicodedata

from django.db.models import Exists, Func, OuterRef, Q, TextField
from django.db.models.lookups import Contains

from .models import DataCategoryLine, SubPurpose

SEARCHED_LINES = (SubPurpose, DataCategoryLine)  # besides the fiche's name, reference and main purpose
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


def search_condition(q, *, moment=None):
    """A filter on fiches: every word of `q` appears in a searched text.

    On live fiches (Treatment.objects), or with `moment` on the fiches as they stood then
    (Treatment.history.as_of(moment)), their lines read from the history tables as well.
    Lines are searched through EXISTS subqueries, so two words may match two different
    lines and no DISTINCT is needed.
    """
    fiche = OuterRef("pk") if moment is None else OuterRef("id")  # a history row's pk is its history_id
    lines = [model.objects if moment is None else model.history.as_of(moment) for model in SEARCHED_LINES]
    condition = Q()
    for word in fold(q).split():
        either = Q(_contains("name", word)) | Q(_contains("reference", word)) | Q(_contains("main_purpose", word))
        for rows in lines:
            either |= Exists(rows.filter(_contains("description", word), treatment_id=fiche))
        condition &= either
    return condition
