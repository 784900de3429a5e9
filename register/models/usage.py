"""Which fiches refer to a catalog row, a country or an organisation.

A row that a fiche uses, directly or through one of its lines, is not deleted: the
register would change without the fiche's version or history moving. Foreign keys
protect themselves (on_delete=PROTECT); the joint controllers and processors of a fiche
are many-to-many links, which a deletion would drop silently, so every door asks here.
"""

from django.db.models import Q

from .lines import LINE_TABLES
from .treatments import Treatment


def _relations_from_fiches(model):
    """(relation seen from `model`, lookup from Treatment) for each way a fiche refers to `model`."""
    if model is Treatment:
        return  # a fiche's lines are its own; no fiche refers to another
    line_tables = {line_model: table for table, line_model in LINE_TABLES}
    for relation in model._meta.related_objects:
        if relation.related_model is Treatment:
            yield relation, relation.field.name
        elif relation.related_model in line_tables:
            yield relation, f"{line_tables[relation.related_model]}__{relation.field.name}"


def fiches_using(rows):
    """The fiches that refer to any of `rows` (a queryset)."""
    condition = Q()
    for _relation, lookup in _relations_from_fiches(rows.model):
        condition |= Q(**{f"{lookup}__in": rows})
    if not condition:
        return Treatment.objects.none()
    return Treatment.objects.filter(condition).distinct().order_by("reference")


def rows_in_use(rows):
    """Those of `rows` (a queryset) that a fiche refers to."""
    condition = Q()
    for relation, _lookup in _relations_from_fiches(rows.model):
        condition |= Q(**{f"{relation.name}__isnull": False})
    return rows.filter(condition).distinct() if condition else rows.none()
