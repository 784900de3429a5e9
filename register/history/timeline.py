"""The change timeline of one tracked object and its lines, read from the history tables.

A page of the timeline costs a fixed number of queries whatever the number of history
records: one UNION query lists (date, kind, id) over the object's history table and its
line tables, then each kind present on the page loads its records and their predecessors
in two queries, and the object's m2m rows one query per m2m field.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import IntegerField, Value
from django.utils.translation import gettext_lazy

from .diff import action, field_changes, m2m_changes, m2m_labels, record_text, records_with_predecessors, who

TIMELINE_PAGE_SIZE = 50
LINE_TITLES = {
    "created": gettext_lazy("Ligne ajoutée · %(kind)s"),
    "changed": gettext_lazy("Ligne modifiée · %(kind)s"),
    "deleted": gettext_lazy("Ligne supprimée · %(kind)s"),
}


@dataclass
class TimelineEntry:
    when: datetime
    who: str
    action: str  # "created", "changed" or "deleted"
    title: str
    text: str = ""
    reason: str = ""
    changes: list = field(default_factory=list)  # diff.FieldChange

    @property
    def is_line(self):
        return bool(self.text)


def timeline_records(tracked, obj):
    """(history_date, kind, history_id) of every change to `obj` and its lines, newest first.

    The kind is an index in `tracked.kinds`. A lazy UNION queryset, meant to be paginated.
    """
    parts = [
        model.history.filter(**tracked.own_filter(model, [obj.pk]))
        .annotate(kind=Value(index, output_field=IntegerField()))
        .values_list("history_date", "kind", "history_id")
        .order_by()
        for index, model in enumerate(tracked.kinds)
    ]
    return parts[0].union(*parts[1:], all=True).order_by("-history_date", "kind", "history_id")


def timeline_entries(tracked, rows):
    """Readable entries for a page of `timeline_records` rows, in the same order."""
    ids_by_kind = {}
    for _when, kind, history_id in rows:
        ids_by_kind.setdefault(kind, []).append(history_id)
    records, previous = {}, {}
    for kind, ids in ids_by_kind.items():
        model = tracked.kinds[kind]
        history = model.history.filter(history_id__in=ids)
        loaded, before = records_with_predecessors(tracked, model, history, "history_user")
        records.update({(kind, record.history_id): record for record in loaded})
        previous.update({(kind, history_id): record for history_id, record in before.items()})
    own_records = [record for (kind, _id), record in [*records.items(), *previous.items()] if kind == 0]
    labels = m2m_labels(tracked, [record.history_id for record in own_records]) if own_records else {}
    entries = []
    for _when, kind, history_id in rows:
        record = records[(kind, history_id)]
        before = previous.get((kind, record.previous_history_id))
        entries.append(_entry(tracked, kind, record, before, labels))
    return entries


def _entry(tracked, kind, record, before, labels):
    model = tracked.kinds[kind]
    what = action(record)
    entry = TimelineEntry(
        when=record.history_date,
        who=who(record),
        action=what,
        title=tracked.titles[what] if kind == 0 else LINE_TITLES[what] % {"kind": model._meta.verbose_name},
        text="" if kind == 0 else record_text(tracked, record),
        reason=record.history_change_reason or "",
    )
    if what == "changed" and before is not None:
        entry.changes = field_changes(tracked, model, before, record)
        if kind == 0:
            entry.changes += m2m_changes(tracked, before, record, labels)
    return entry
