"""The compliance findings about collection forms, added to register.compliance by
ProcessesConfig.ready(): personal data a form collects must be declared on a fiche of the
register (art. 30(1)(c))."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.compliance import Finding, Severity, register_check

from .fiche_coverage import form_coverage
from .models import CollectionForm, FormField


@register_check(subject=CollectionForm, label=gettext_lazy("Champ personnel d'un formulaire non couvert par sa fiche"))
def personal_fields_are_declared(form, on):
    """A confirmed personal field whose category the fiche does not declare; a form that
    collects personal data and has no fiche at all."""
    if form.treatment_id is None:
        if any(field.is_personal for field in form.fields.all()):
            yield Finding(
                Severity.WARNING,
                _("Le formulaire collecte des données personnelles mais n'est rattaché à aucune fiche du registre."),
                article="art. 30(1)(c)",
                fix=_("Rattachez le formulaire à la fiche du traitement dont relève la collecte."),
                url=reverse("processes:form_edit", args=[form.pk]) + "#id_treatment",
            )
        return
    for missing in form_coverage(form):
        yield Finding(
            Severity.WARNING,
            _(
                "Champs personnels « %(fields)s » : la catégorie « %(category)s » n'est pas déclarée sur la fiche "
                "%(reference)s."
            )
            % {"fields": missing.labels, "category": missing.category.label, "reference": form.treatment.reference},
            article="art. 30(1)(c)",
            fix=_("Complétez la fiche avec cette catégorie de données (« Compléter la fiche »)."),
            url=reverse("processes:form_complete", args=[form.pk]),
        )


def forms_to_judge():
    """Every collection form with what its check reads, for the findings page (fixed number of queries)."""
    return CollectionForm.objects.select_related("treatment__controller", "process__client").prefetch_related(
        Prefetch("fields", queryset=FormField.objects.select_related("data_category")),
        "treatment__data_lines",
    )


def client_of_form(form):
    """The client a form collects for: its fiche's, on a processor fiche; else its process's."""
    if form.treatment is not None:
        return form.treatment.controller if form.treatment.is_processor_fiche else None
    return form.process.client if form.process is not None else None


def role_of_form(form):
    return form.treatment.role if form.treatment is not None else ""
