"""What changed between two history records of a tracked model, as a reader expects it.

Shared by the timeline and the conflict page: which fields changed (bookkeeping left out),
their values displayed (choice labels, names, French dates), who saved, and the records
loaded with their predecessors and related rows in a fixed number of queries.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _


@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str


def who(record):
    """Who saved a history record, as a name to show."""
    user = record.history_user
    if user is None:
        return _("système (import ou script)")
    return user.get_full_name() or user.get_username()


def action(record):
    return {"+": "created", "~": "changed", "-": "deleted"}[record.history_type]


def records_with_predecessors(tracked, model, records, *relations):
    """The history `records` of `model` (a queryset), each with its foreign keys loaded, and
    {history_id: record} of the record of the same row just before each (two queries)."""
    foreign_keys = [f.name for f in tracked.foreign_keys(model)]
    earlier = model.history.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date")).order_by(
        "-history_date", "-history_id"
    )
    loaded = list(
        records.select_related(*relations, *foreign_keys).annotate(
            previous_history_id=Subquery(earlier.values("history_id")[:1])
        )
    )
    wanted = [record.previous_history_id for record in loaded if record.previous_history_id]
    before = model.history.filter(history_id__in=wanted).select_related(*foreign_keys) if wanted else []
    return loaded, {record.history_id: record for record in before}


def field_changes(tracked, model, before, record):
    """Changed fields of `model` from `before` to `record`, in the model's field order.

    Foreign keys are displayed from the related rows loaded with the records (no query).
    """
    return [
        FieldChange(
            model_field.name,
            capfirst(model_field.verbose_name),
            display_value(before, model_field),
            display_value(record, model_field),
        )
        for model_field in tracked.tracked_fields(model)
        if getattr(record, model_field.attname) != getattr(before, model_field.attname)
    ]


def m2m_labels(tracked, history_ids):
    """{(m2m name, history_id): [names of the related rows]} recorded with each record (one query per m2m)."""
    result = {}
    for name in tracked.m2m:
        target = tracked.m2m_target(name)
        rows = tracked.m2m_history(name).objects.filter(history_id__in=history_ids).select_related(target)
        for row in rows:
            related = getattr(row, target)
            label = str(related) if related is not None else deleted_text(getattr(row, f"{target}_id"))
            result.setdefault((name, row.history_id), []).append(label)
    return {key: sorted(labels) for key, labels in result.items()}


def m2m_changes(tracked, before, record, labels):
    """Changed m2m fields from `before` to `record`, given `m2m_labels` of both."""
    changes = []
    for name in tracked.m2m:
        old = labels.get((name, before.history_id), [])
        new = labels.get((name, record.history_id), [])
        if old != new:
            label = capfirst(tracked.model._meta.get_field(name).verbose_name)
            changes.append(FieldChange(name, label, ", ".join(old) or "—", ", ".join(new) or "—"))
    return changes


def record_text(tracked, record):
    """The row as pages show it (its model's __str__), built from the loaded related rows."""
    instance = record.instance
    for model_field in tracked.foreign_keys(record.instance_type):
        setattr(instance, model_field.name, getattr(record, model_field.name))
    try:
        return str(instance)
    except Exception:  # a reference row deleted since: fall back on the row's own text
        return getattr(record, "description", "") or getattr(record, "name", "") or str(record.id)


def deleted_text(pk):
    return _("élément supprimé (n° %(id)s)") % {"id": pk}


def display_value(record, model_field):
    """A field's value as a reader expects it: choice labels, names, Oui/Non, French dates."""
    value = getattr(record, model_field.attname)
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        related = getattr(record, model_field.name, None)
        return str(related) if related is not None else deleted_text(value)
    if isinstance(model_field, models.BooleanField):
        return _("Oui") if value else _("Non")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "d/m/Y H:i")
    if isinstance(value, date):
        return formats.date_format(value, "d/m/Y")
    return str(value)
