"""What other people changed in a fiche since a given version, read from its history.

Shown when a save is refused because the fiche moved on (editing.StaleFiche), so that the
user sees what they would otherwise have overwritten.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import LINE_MODELS, Treatment

# The fiche's own fields a user would care about (not the bookkeeping: id, version, updated_at).
TREATMENT_FIELDS = [
    field.name for field in Treatment._meta.concrete_fields if field.editable and field.name != "id"
] + ["last_reviewed_at"]
TREATMENT_M2M_FIELDS = ["joint_controllers", "processors"]
LINE_IGNORED_FIELDS = {"id", "treatment"}


@dataclass
class Change:
    when: datetime
    who: str
    what: str
    before: str
    after: str
    field: str = ""  # the fiche's own field, empty for a line


@dataclass
class Baseline:
    """The fiche as the user loaded it (`record`) and the saves made since (`later`)."""

    record: object
    later: list

    @property
    def moment(self):
        """The instant just before the first later save: lines as they stood then are the user's."""
        return self.later[0].history_date - timedelta(microseconds=1) if self.later else None


def baseline(treatment, loaded_version):
    history = treatment.history.select_related("history_user")
    record = history.filter(version__lte=loaded_version).order_by("-history_date", "-history_id").first()
    later = list(history.filter(version__gt=loaded_version).order_by("history_date", "history_id"))
    return Baseline(record, later)


def changes_since(treatment, base):
    """Changes to the fiche and its lines saved after the version `base` starts from, oldest first."""
    changes = []
    previous = base.record
    for record in base.later:
        if previous is not None:
            for name, old, new in _field_changes(Treatment, TREATMENT_FIELDS, previous, record):
                changes.append(_change(record, Treatment, name, old, new, field=name))
            delta = record.diff_against(previous, included_fields=TREATMENT_M2M_FIELDS, foreign_keys_are_objs=True)
            for change in delta.changes:
                changes.append(_change(record, Treatment, change.field, change.old, change.new, field=change.field))
        previous = record
    if base.later:
        changes += _line_changes(treatment, since=base.later[0].history_date)
    return sorted(changes, key=lambda change: change.when)


def _line_changes(treatment, since):
    changes = []
    for model in LINE_MODELS:
        kind = capfirst(model._meta.verbose_name)
        records = model.history.filter(treatment_id=treatment.pk, history_date__gte=since).select_related(
            "history_user"
        )
        for record in records.order_by("history_date", "history_id"):
            line = str(record.instance)
            if record.history_type == "+":
                changes.append(Change(record.history_date, _who(record), _("%s : ligne ajoutée") % kind, "—", line))
            elif record.history_type == "-":
                changes.append(Change(record.history_date, _who(record), _("%s : ligne supprimée") % kind, line, "—"))
            elif record.prev_record is not None:
                fields = [f.name for f in model._meta.concrete_fields if f.name not in LINE_IGNORED_FIELDS]
                for name, old, new in _field_changes(model, fields, record.prev_record, record):
                    label = str(model._meta.get_field(name).verbose_name)
                    changes.append(
                        Change(
                            record.history_date,
                            _who(record),
                            _("%(kind)s « %(line)s » : %(field)s") % {"kind": kind, "line": line, "field": label},
                            _display(model, name, old),
                            _display(model, name, new),
                        )
                    )
    return changes


def _field_changes(model, names, previous, record):
    for name in names:
        attname = model._meta.get_field(name).attname
        old, new = getattr(previous, attname), getattr(record, attname)
        if old != new:
            yield name, old, new


def _change(record, model, name, old, new, field=""):
    return Change(
        record.history_date,
        _who(record),
        capfirst(model._meta.get_field(name).verbose_name),
        _display(model, name, old),
        _display(model, name, new),
        field,
    )


def _who(record):
    user = record.history_user
    if user is None:
        return _("inconnu (modification hors de l'application)")
    return user.get_full_name() or user.get_username()


def _display(model, field_name, value):
    if value is None or value == "" or value == []:
        return "—"
    field = model._meta.get_field(field_name)
    if field.many_to_many:
        target = field.m2m_reverse_field_name()
        return ", ".join(sorted(str(row[target]) for row in value)) or "—"
    if field.many_to_one:
        return str(field.related_model.objects.filter(pk=value).first() or f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "d/m/Y H:i")
    if isinstance(value, date):
        return date_format(value, "d/m/Y")
    return str(value)
