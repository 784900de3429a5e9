"""Tracked objects as they stood at a past moment, rebuilt from their history tables.

`rebuild` turns the unsaved instances of `model.history.as_of(moment)` into objects that
templates and exports read like live ones: each line table, foreign key and m2m field is
filled in the prefetch caches, in a number of queries that does not grow with the number
of objects or lines. Reference rows (catalogs, organisations) are read as they are now.
"""

from datetime import datetime, time, timedelta
from itertools import groupby

from django.utils import timezone

from .diff import deleted_text


def end_of_day(day):
    """The last instant of `day` in the current time zone (Europe/Paris): the state that evening."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min)) - timedelta(microseconds=1)


def rebuild(tracked, moment, instances):
    """Give the instances rebuilt from `tracked.model.history.as_of(moment)` their lines,
    foreign keys and m2m rows as of `moment`."""
    instances = list(instances)
    pks = [instance.pk for instance in instances]
    rows = {model: {obj.pk: obj for obj in tracked.reference_queryset(model)} for model in tracked.reference_models()}
    for instance in instances:
        instance._prefetched_objects_cache = getattr(instance, "_prefetched_objects_cache", {})
    for cache_name, model in tracked.lines:
        parent = tracked.parent_name(model)
        lines = model.history.as_of(moment).filter(**tracked.own_filter(model, pks))
        lines = lines.order_by(f"{parent}_id", *model._meta.ordering)
        by_parent = {key: list(group) for key, group in groupby(lines, key=lambda line: getattr(line, f"{parent}_id"))}
        for instance in instances:
            own = by_parent.get(instance.pk, [])
            for line in own:
                _set_foreign_keys(tracked, line, rows)
                setattr(line, parent, instance)
            instance._prefetched_objects_cache[cache_name] = own
    m2m = m2m_ids(tracked, {instance.pk: instance._history.history_id for instance in instances})
    for instance in instances:
        _set_foreign_keys(tracked, instance, rows)
        for name in tracked.m2m:
            target = tracked.model._meta.get_field(name).related_model
            instance._prefetched_objects_cache[name] = [
                row_or_placeholder(rows[target], target, pk) for pk in m2m[name].get(instance.pk, [])
            ]
    return instances


def m2m_ids(tracked, history_ids):
    """{m2m name: {pk: [related ids]}} as recorded by the history record `history_ids[pk]` of each object."""
    result = {}
    for name in tracked.m2m:
        by_history = {}
        rows = tracked.m2m_history(name).objects.filter(history_id__in=list(history_ids.values()))
        for history_id, related_id in rows.values_list("history_id", f"{tracked.m2m_target(name)}_id"):
            by_history.setdefault(history_id, []).append(related_id)
        result[name] = {pk: by_history.get(history_id, []) for pk, history_id in history_ids.items()}
    return result


def _set_foreign_keys(tracked, obj, rows):
    for model_field in tracked.foreign_keys(type(obj)):
        related = model_field.related_model
        setattr(obj, model_field.name, row_or_placeholder(rows[related], related, getattr(obj, model_field.attname)))


def row_or_placeholder(rows, model, pk):
    """The reference row `pk` from `rows`; one deleted since is shown as such.

    Live lines protect what they point to, but a past line may name a row deleted after the
    line was: pages and exports must still show the object, not fail on a missing row.
    """
    if pk is None:
        return None
    if pk not in rows:
        placeholder = model(pk=pk)
        text = deleted_text(pk)
        for name in ("label", "name"):
            if hasattr(placeholder, name):
                setattr(placeholder, name, text)
        rows[pk] = placeholder
    return rows[pk]
