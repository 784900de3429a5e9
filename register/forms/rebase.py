"""After a refused stale save: the user's edit replayed onto the fiche as it now is.

The user's page was built from an older version. Their input is compared with that
version (what they started from): the fields and rows they changed keep their input;
everything else shows its current value, rows added meanwhile appear and rows deleted
meanwhile disappear (a row the user had changed comes back as a new row). Saving the
result then overwrites only what the user changed, after they have seen what others did.
"""

from django.forms import CheckboxInput
from django.http import QueryDict

from .fiche import FORMSETS
from .treatment import TreatmentForm

VERSION_FIELD = "loaded_version"


def rebase(post, treatment, base):
    """(form data for FicheForm, names of the fields both sides changed).

    `post` is what the user sent, `treatment` the fiche now, `base` a history.conflicts.Baseline.
    Without a baseline in the history, the user's input is kept as it is.
    """
    data = post.copy()
    data[VERSION_FIELD] = str(treatment.version)
    if base.record is None or base.moment is None:
        return data, set()
    both_changed = _rebase_fields(data, post, treatment, base.record)
    for prefix, formset_class in FORMSETS:
        _rebase_rows(data, post, treatment, base.moment, prefix, formset_class)
    return data, both_changed


def _rebase_fields(data, post, treatment, record):
    started_from = {name: _recorded_value(record, name) for name in TreatmentForm.Meta.fields}
    user_changed = _changed(TreatmentForm(post, instance=treatment, initial=started_from))
    current = TreatmentForm(instance=treatment)
    current_data = QueryDict(mutable=True)
    for name in TreatmentForm.Meta.fields:
        current_data.setlist(name, _post_values(current[name]))
        if name not in user_changed:
            data.setlist(name, current_data.getlist(name))
    current_data[VERSION_FIELD] = str(treatment.version)
    others_changed = _changed(TreatmentForm(current_data, instance=treatment, initial=started_from))
    return user_changed & others_changed


def _changed(form):
    return set(form.changed_data) - {VERSION_FIELD}


def _recorded_value(record, name):
    field = TreatmentForm._meta.model._meta.get_field(name)
    if field.many_to_many:
        return list(getattr(record, name).values_list(field.m2m_reverse_field_name(), flat=True))
    return getattr(record, field.attname)


def _rebase_rows(data, post, treatment, moment, prefix, formset_class):
    form_class, model = formset_class.form, formset_class.model
    started_from = {line.pk: line for line in model.history.as_of(moment).filter(treatment_id=treatment.pk)}
    posted = []
    # Like the formset itself, read no more rows than absolute_max, whatever TOTAL_FORMS says.
    for index in range(min(_int(post.get(f"{prefix}-TOTAL_FORMS")), formset_class.absolute_max)):
        row_prefix = f"{prefix}-{index}"
        pk = _int(post.get(f"{row_prefix}-id"), None)
        form = form_class(post, prefix=row_prefix, instance=started_from.get(pk) or model())
        posted.append((pk, form.has_changed(), bool(post.get(f"{row_prefix}-DELETE")), row_prefix))

    rows = []  # (pk or None, {field: values}) in page order, saved lines first
    by_pk = {pk: row for row in posted if (pk := row[0]) is not None}
    for line in model.objects.filter(treatment=treatment):
        pk, changed, deleted, row_prefix = by_pk.pop(line.pk, (line.pk, False, False, None))
        if deleted:
            rows.append((line.pk, {**_line_values(form_class, line), "DELETE": ["on"]}))
        elif changed:
            rows.append((line.pk, _posted_values(post, row_prefix)))
        else:
            rows.append((line.pk, _line_values(form_class, line)))
    initial_count = len(rows)
    for pk, changed, deleted, row_prefix in posted:
        if (pk is None or pk in by_pk) and changed and not deleted:
            rows.append((None, _posted_values(post, row_prefix)))  # new, or deleted meanwhile
    rows.append((None, _line_values(form_class, model())))  # the usual empty row

    for key in [key for key in data if key.startswith(f"{prefix}-")]:
        del data[key]
    data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
    data[f"{prefix}-INITIAL_FORMS"] = str(initial_count)
    data[f"{prefix}-MIN_NUM_FORMS"] = "0"
    data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    for index, (pk, values) in enumerate(rows):
        for field, field_values in values.items():
            data.setlist(f"{prefix}-{index}-{field}", field_values)
        data[f"{prefix}-{index}-id"] = "" if pk is None else str(pk)
        data[f"{prefix}-{index}-treatment"] = str(treatment.pk)


def _posted_values(post, row_prefix):
    start = f"{row_prefix}-"
    return {
        key.removeprefix(start): post.getlist(key)
        for key in post
        if key.startswith(start) and key.removeprefix(start) not in ("id", "treatment", "DELETE")
    }


def _line_values(form_class, line):
    form = form_class(instance=line)
    return {name: _post_values(form[name]) for name in form.fields}


def _post_values(bound_field):
    """What a browser would send for this field as the page shows it."""
    value = bound_field.value()
    widget = bound_field.field.widget
    if isinstance(widget, CheckboxInput):
        return ["on"] if value else []
    if value is None:
        return [""]
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    formatted = widget.format_value(value)
    if isinstance(formatted, list):
        return formatted
    return ["" if formatted is None else str(formatted)]


def _int(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
