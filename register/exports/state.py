"""The state of the register that an extract shows, as one digest.

Two requests for the same extract get the same document as long as this digest does not
move, so a background job may hand back the file it already built. What an extract shows:
- the fiches in scope, each at its version (every write to a fiche or to one of its lines
  raises it; as of a date, the version each fiche had that day);
- everything else with a history — organisations and their contacts, and what the other
  apps add to a fiche's PDF (DPIA, risks, processes): each history table's row count and
  last id, which move with any addition, change or deletion;
- the catalogs, countries, sites and departments, which keep no history: their content;
- the day, since findings and overdue reviews are judged at the day of the extract;
- anything an app declares with `add_state_source` (a callable returning a string).
Edits to fiches out of scope leave the digest as it was.
"""

import hashlib
from functools import cache

from django.apps import apps
from django.db.models import Count, Max
from django.utils import timezone

from ..models import (
    LINE_MODELS,
    Country,
    DataCategory,
    DataSubjectCategory,
    Department,
    RecipientCategory,
    SecurityMeasureCategory,
    Site,
    TransferSafeguard,
    Treatment,
)

REFERENCE_TABLES = (
    DataCategory,
    DataSubjectCategory,
    RecipientCategory,
    SecurityMeasureCategory,
    TransferSafeguard,
    Country,
    Site,
    Department,
)
_sources = []


def add_state_source(source):
    """`source()` → a string that changes whenever something an extract shows changes."""
    if source not in _sources:
        _sources.append(source)


@cache
def _histories_outside_fiches():
    fiche_models = {Treatment, *LINE_MODELS}
    return [
        model
        for model in apps.get_models()
        if hasattr(model, "instance_type") and model.instance_type not in fiche_models
    ]


def register_state(scope):
    """A hex digest of what the extract of `scope` shows (see the module's docstring)."""
    digest = hashlib.sha256()
    digest.update(repr(scope.fiche_versions()).encode())
    for history in _histories_outside_fiches():
        stamp = history.objects.aggregate(count=Count("pk"), last=Max("pk"))
        digest.update(f"{history._meta.label}:{stamp['count']}:{stamp['last']}".encode())
    for table in REFERENCE_TABLES:
        digest.update(repr(list(table.objects.order_by("pk").values_list())).encode())
    digest.update(timezone.localdate().isoformat().encode())
    for source in _sources:
        digest.update(str(source()).encode())
    return digest.hexdigest()
