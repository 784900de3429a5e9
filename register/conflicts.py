"""What other people changed in a fiche since a given version, read from its history.

Shown when a save is refused because the fiche moved on (editing.StaleFiche), so that the
user sees what they would otherwise have overwritten.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import LINE_MODELS, Treatment

TREATMENT_FIELDS = [field.name for field in Treatment._meta.concrete_fields if field.editable and field.name != "id"]
TREATMENT_FIELDS += ["last_reviewed_at", "joint_controllers", "processors"]
LINE_IGNORED_FIELDS = {"id", "treatment"}


@dataclass
class Change:
    when: datetime
    who: str
    what: str
    before: str
    after: str


def changes_since(treatment, loaded_version):
    """Changes to the fiche and its lines saved after `loaded_version`, oldest first."""
    history = treatment.history.select_related("history_user")
    base = history.filter(version__lte=loaded_version).order_by("-history_date", "-history_id").first()
    later = list(history.filter(version__gt=loaded_version).order_by("history_date", "history_id"))
    changes = []
    previous = base
    for record in later:
        if previous is not None:
            delta = record.diff_against(previous, included_fields=TREATMENT_FIELDS, foreign_keys_are_objs=True)
            for change in delta.changes:
                changes.append(
                    Change(
                        record.history_date,
                        _who(record),
                        str(Treatment._meta.get_field(change.field).verbose_name).capitalize(),
                        _display(Treatment, change.field, change.old),
                        _display(Treatment, change.field, change.new),
                    )
                )
        previous = record
    if later:
        changes += _line_changes(treatment, since=later[0].history_date)
    return sorted(changes, key=lambda change: change.when)


def _line_changes(treatment, since):
    changes = []
    for model in LINE_MODELS:
        kind = str(model._meta.verbose_name).capitalize()
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
                delta = record.diff_against(record.prev_record, included_fields=fields, foreign_keys_are_objs=True)
                for change in delta.changes:
                    label = str(model._meta.get_field(change.field).verbose_name)
                    changes.append(
                        Change(
                            record.history_date,
                            _who(record),
                            f"{kind} « {line} » : {label}",
                            _display(model, change.field, change.old),
                            _display(model, change.field, change.new),
                        )
                    )
    return changes


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
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "d/m/Y H:i")
    if isinstance(value, date):
        return date_format(value, "d/m/Y")
    return str(value)
