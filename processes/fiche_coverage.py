"""Whether the linked fiche declares the data categories of a collection form's personal
fields (art. 30(1)(c)), and completing it: one home for the rule that the compliance
finding, the form page and « Compléter la fiche » all use.

Only confirmed personal fields count: a proposal nobody has confirmed is no ground to
change the register.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from register.choices import RetentionStart
from register.models import DataCategoryLine


@dataclass(frozen=True)
class MissingCategory:
    category: object  # a DataCategory the fiche does not declare
    fields: list  # the confirmed personal FormFields in it, in form order

    @property
    def labels(self):
        return ", ".join(field.label for field in self.fields)


def missing_categories(form, fields, declared_ids):
    """The categories of the confirmed personal `fields` not in `declared_ids`, in form order."""
    missing = {}
    for field in fields:
        if field.confirmed and field.is_personal and field.data_category_id not in declared_ids:
            if field.data_category_id is None:
                continue  # no category chosen: the page asks for one, there is nothing to add
            missing.setdefault(field.data_category_id, MissingCategory(field.data_category, []))
            missing[field.data_category_id].fields.append(field)
    return list(missing.values())


def declared_category_ids(treatment):
    if treatment is None:
        return set()
    return set(treatment.data_lines.values_list("category_id", flat=True))


def form_coverage(form):
    """The MissingCategory list of `form` against its fiche: two queries, none when the
    form's fields and its fiche's data lines were prefetched (processes.checks_forms.forms_to_judge)."""
    prefetched = getattr(form, "_prefetched_objects_cache", {})
    fields = list(form.fields.all() if "fields" in prefetched else form.fields.select_related("data_category"))
    treatment = form.treatment
    if treatment is not None and "data_lines" in getattr(treatment, "_prefetched_objects_cache", {}):
        return missing_categories(form, fields, {line.category_id for line in treatment.data_lines.all()})
    return missing_categories(form, fields, declared_category_ids(treatment))


def new_line(form, missing, position):
    """The data line that declares `missing` on the form's fiche.

    The retention is the DPO's to decide, not the app's: the line says « à préciser »
    through the « autre événement » start, which DataCategoryLine.clean accepts without a
    duration, so that the fiche stays savable in its editor while showing what to fill.
    """
    return DataCategoryLine(
        treatment=form.treatment,
        category=missing.category,
        position=position,
        description=_("%(fields)s (formulaire « %(form)s »)") % {"fields": missing.labels, "form": form.name},
        retention_value=None,
        retention_start=RetentionStart.OTHER,
        retention_start_other=_("à préciser par le DPO"),
        retention_remark=_("Ligne ajoutée depuis le formulaire de collecte « %(form)s » : durée à fixer.")
        % {"form": form.name},
    )


class StaleTreatment(Exception):
    """The fiche was saved after the confirmation page was built; nothing was written."""


def complete_fiche(form, missing, loaded_version):
    """Add a data line per MissingCategory to the form's fiche, raising its version once.

    Raises StaleTreatment (nothing written) if the fiche moved on since `loaded_version`.
    """
    treatment = form.treatment
    with transaction.atomic():
        if not treatment.raise_version(expected=loaded_version):
            raise StaleTreatment
        last = max(treatment.data_lines.values_list("position", flat=True), default=0)
        lines = [new_line(form, item, last + index) for index, item in enumerate(missing, start=1)]
        for line in lines:
            line.save()
    return lines
