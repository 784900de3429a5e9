"""The change timeline of one fiche, read from the simple_history tables.

A page of the timeline costs a fixed number of queries whatever the number of history
records: one UNION query lists (date, kind, id) over the fiche's table and its six line
tables, then each kind present on the page loads its records and their predecessors in
two queries, and the fiche's joint controllers and processors in two more.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import LINE_MODELS, Treatment

TIMELINE_PAGE_SIZE = 50
# Bookkeeping fields that change on every save and say nothing to a reader.
UNTRACKED_FIELDS = {"id", "treatment", "updated_at", "version", "created_at"}
M2M_FIELDS = ("joint_controllers", "processors")
KINDS = (Treatment, *LINE_MODELS)  # the kind of a record is its index in this tuple


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class TimelineEntry:
    when: datetime
    user: object
    action: str  # "created", "changed" or "deleted"
    title: str
    text: str = ""
    reason: str = ""
    changes: list = field(default_factory=list)

    @property
    def is_line(self):
        return bool(self.text)


def timeline_records(treatment):
    """(history_date, kind, history_id) of every change to the fiche and its lines, newest first.

    A lazy UNION queryset, meant to be paginated.
    """
    parts = [
        model.history.filter(**{"id" if model is Treatment else "treatment_id": treatment.pk})
        .annotate(kind=Value(index, output_field=IntegerField()))
        .values_list("history_date", "kind", "history_id")
        .order_by()
        for index, model in enumerate(KINDS)
    ]
    return parts[0].union(*parts[1:], all=True).order_by("-history_date", "kind", "history_id")


def timeline_entries(rows):
    """Readable entries for a page of `timeline_records` rows, in the same order."""
    ids_by_kind = {}
    for _when, kind, history_id in rows:
        ids_by_kind.setdefault(kind, []).append(history_id)
    records, previous = {}, {}
    for kind, ids in ids_by_kind.items():
        model = KINDS[kind]
        loaded, before = _records_with_predecessors(model, ids)
        records.update({(kind, record.history_id): record for record in loaded})
        previous.update({(kind, record.history_id): record for record in before})
    organisations = _historical_organisations(
        [record for (kind, _id), record in [*records.items(), *previous.items()] if kind == 0]
    )
    entries = []
    for _when, kind, history_id in rows:
        record = records[(kind, history_id)]
        before = previous.get((kind, getattr(record, "previous_history_id", None)))
        if kind == 0:
            entries.append(_treatment_entry(record, before, organisations))
        else:
            entries.append(_line_entry(record, before))
    return entries


def _records_with_predecessors(model, ids):
    """The records `ids` of `model` and, for each, the record of the same row just before it."""
    history = model.history
    relations = ["history_user", *_foreign_keys(model)]
    earlier = history.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date")).order_by(
        "-history_date", "-history_id"
    )
    loaded = list(
        history.filter(history_id__in=ids)
        .select_related(*relations)
        .annotate(previous_history_id=Subquery(earlier.values("history_id")[:1]))
    )
    wanted = [record.previous_history_id for record in loaded if record.previous_history_id]
    before = list(history.filter(history_id__in=wanted).select_related(*_foreign_keys(model))) if wanted else []
    return loaded, before


def _foreign_keys(model):
    return [f.name for f in model._meta.concrete_fields if isinstance(f, models.ForeignKey) and f.name != "treatment"]


def _historical_organisations(treatment_records):
    """Joint controllers and processors of each fiche record: {(field, history_id): [names]}."""
    if not treatment_records:
        return {}
    history_ids = [record.history_id for record in treatment_records]
    historical = Treatment.history.model
    result = {}
    for name in M2M_FIELDS:
        through = historical._meta.get_field(f"historicaltreatment_{name}").related_model
        rows = through.objects.filter(history_id__in=history_ids).select_related("organisation")
        for row in rows.order_by("organisation__name"):
            label = row.organisation.name if row.organisation else _("organisation supprimée")
            result.setdefault((name, row.history_id), []).append(label)
    return result


def _treatment_entry(record, before, organisations):
    entry = TimelineEntry(
        when=record.history_date,
        user=record.history_user,
        action=_action(record),
        title=_ACTION_TITLES["fiche"][_action(record)],
        reason=record.history_change_reason or "",
    )
    if entry.action == "changed" and before is not None:
        entry.changes = _field_changes(Treatment, record, before)
        for name in M2M_FIELDS:
            old = organisations.get((name, before.history_id), [])
            new = organisations.get((name, record.history_id), [])
            if old != new:
                label = capfirst(Treatment._meta.get_field(name).verbose_name)
                entry.changes.append(FieldChange(label, ", ".join(old) or "—", ", ".join(new) or "—"))
    return entry


def _line_entry(record, before):
    model = record.instance_type
    action = _action(record)
    entry = TimelineEntry(
        when=record.history_date,
        user=record.history_user,
        action=action,
        title=_ACTION_TITLES["line"][action] % {"kind": model._meta.verbose_name},
        text=_line_text(record),
        reason=record.history_change_reason or "",
    )
    if action == "changed" and before is not None:
        entry.changes = _field_changes(model, record, before)
    return entry


_ACTION_TITLES = {
    "fiche": {
        "created": gettext_lazy("Fiche créée"),
        "changed": gettext_lazy("Fiche modifiée"),
        "deleted": gettext_lazy("Fiche supprimée"),
    },
    "line": {
        "created": gettext_lazy("Ligne ajoutée · %(kind)s"),
        "changed": gettext_lazy("Ligne modifiée · %(kind)s"),
        "deleted": gettext_lazy("Ligne supprimée · %(kind)s"),
    },
}


def _action(record):
    return {"+": "created", "~": "changed", "-": "deleted"}[record.history_type]


def _line_text(record):
    """The line as the fiche shows it (the model's __str__), built without a query."""
    instance = record.instance
    for name in _foreign_keys(record.instance_type):
        setattr(instance, name, getattr(record, name))
    try:
        return str(instance)
    except Exception:  # a catalog row deleted since: fall back on the line's own text
        return getattr(record, "description", "") or getattr(record, "name", "") or str(record.id)


def _field_changes(model, record, before):
    """Changed fields in the model's field order, with labels and displayed values."""
    changes = []
    for model_field in model._meta.concrete_fields:
        if model_field.name in UNTRACKED_FIELDS:
            continue
        if getattr(record, model_field.attname) == getattr(before, model_field.attname):
            continue
        changes.append(
            FieldChange(
                capfirst(model_field.verbose_name),
                display_value(before, model_field),
                display_value(record, model_field),
            )
        )
    return changes


def display_value(record, model_field):
    """A field's value as a reader expects it: choice labels, names, French dates."""
    value = getattr(record, model_field.attname)
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        related = getattr(record, model_field.name, None)
        return str(related) if related is not None else _("élément supprimé (n° %(id)s)") % {"id": value}
    if isinstance(model_field, models.BooleanField):
        return _("Oui") if value else _("Non")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "d/m/Y H:i")
    if isinstance(value, date):
        return formats.date_format(value, "d/m/Y")
    return str(value)
