"""What other people changed in a tracked object since a given version, read from its history.

Shown when a save is refused because the object moved on (editing.StaleFiche), so that the
user sees what they would otherwise have overwritten. The object carries a `version` field
raised by every write; the changes are read in a fixed number of queries whatever the
number of saves in between.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .diff import field_changes, m2m_changes, m2m_labels, record_text, records_with_predecessors, who


@dataclass
class Change:
    when: datetime
    who: str
    what: str
    before: str
    after: str
    field: str = ""  # the object's own field, empty for a line


@dataclass
class Baseline:
    """The object as the user loaded it (`record`) and the saves made since (`later`)."""

    record: object
    later: list

    @property
    def moment(self):
        """The instant just before the first later save: lines as they stood then are the user's."""
        return self.later[0].history_date - timedelta(microseconds=1) if self.later else None


def baseline(tracked, obj, loaded_version):
    foreign_keys = [f.name for f in tracked.foreign_keys(tracked.model)]
    history = tracked.model.history.filter(id=obj.pk).select_related("history_user", *foreign_keys)
    record = history.filter(version__lte=loaded_version).order_by("-history_date", "-history_id").first()
    later = list(history.filter(version__gt=loaded_version).order_by("history_date", "history_id"))
    return Baseline(record, later)


def changes_since(tracked, obj, base):
    """Changes to the object and its lines saved after the version `base` starts from, oldest first."""
    if not base.later:
        return []
    changes = []
    chain = [base.record, *base.later] if base.record is not None else base.later
    labels = m2m_labels(tracked, [record.history_id for record in chain])
    for previous, record in zip(chain, chain[1:], strict=False):
        for change in field_changes(tracked, tracked.model, previous, record) + m2m_changes(
            tracked, previous, record, labels
        ):
            changes.append(Change(record.history_date, who(record), change.label, change.old, change.new, change.name))
    changes += _line_changes(tracked, obj, since=base.later[0].history_date)
    return sorted(changes, key=lambda change: change.when)


def _line_changes(tracked, obj, since):
    changes = []
    for model in tracked.line_models:
        kind = capfirst(model._meta.verbose_name)
        history = model.history.filter(**tracked.own_filter(model, [obj.pk]), history_date__gte=since)
        records, before = records_with_predecessors(
            tracked, model, history.order_by("history_date", "history_id"), "history_user"
        )
        for record in records:
            line, when, author = record_text(tracked, record), record.history_date, who(record)
            if record.history_type == "+":
                changes.append(Change(when, author, _("%s : ligne ajoutée") % kind, "—", line))
            elif record.history_type == "-":
                changes.append(Change(when, author, _("%s : ligne supprimée") % kind, line, "—"))
            elif (previous := before.get(record.previous_history_id)) is not None:
                for change in field_changes(tracked, model, previous, record):
                    label = model._meta.get_field(change.name).verbose_name
                    what = _("%(kind)s « %(line)s » : %(field)s") % {"kind": kind, "line": line, "field": label}
                    changes.append(Change(when, author, what, change.old, change.new))
    return changes
