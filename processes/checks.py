"""The compliance findings about operations, added to register.compliance by
ProcessesConfig.ready(): an operation on personal data belongs to a fiche, and names only
the data categories, data subjects and recipients that fiche declares (art. 30(1)(c)/(d)).
The model stores a mismatch as the DPO chose; these checks are where it is reported."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from register.compliance import Finding, Severity, register_check
from register.models import Treatment

from .models import Operation
from .operations_table import operation_url

# What the operation names but its fiche does not declare: (Operation method, article, message).
MISMATCHES = (
    (
        "undeclared_data_categories",
        "art. 30(1)(c)",
        _lazy(
            "L'opération %(operation)s porte sur des catégories de données que la fiche %(fiche)s "
            "ne déclare pas : %(missing)s."
        ),
    ),
    (
        "undeclared_data_subjects",
        "art. 30(1)(c)",
        _lazy(
            "L'opération %(operation)s concerne des catégories de personnes que la fiche %(fiche)s "
            "ne déclare pas : %(missing)s."
        ),
    ),
    (
        "undeclared_recipients",
        "art. 30(1)(d)",
        _lazy(
            "L'opération %(operation)s transmet des données à des destinataires que la fiche %(fiche)s "
            "ne déclare pas : %(missing)s."
        ),
    ),
)


@register_check(subject=Operation, label=_lazy("Opération sans fiche ou hors de sa fiche"))
def operation_matches_its_fiche(operation, on):
    """An operation on personal data has a fiche, which declares what the operation handles."""
    if not operation.personal_data:
        return
    url = operation_url(operation)
    if operation.treatment_id is None:
        yield Finding(
            Severity.WARNING,
            _("L'opération %(operation)s porte sur des données personnelles mais n'est rattachée à aucune fiche.")
            % {"operation": operation.reference},
            article="art. 30(1)",
            fix=_("Rattachez l'opération à la fiche du registre dont elle relève."),
            url=url,
        )
        return
    fiche = operation.treatment
    for method, article, message in MISMATCHES:
        missing = getattr(operation, method)()
        if missing:
            yield Finding(
                Severity.WARNING,
                str(message)
                % {
                    "operation": operation.reference,
                    "fiche": fiche.reference,
                    "missing": ", ".join(str(category) for category in missing),
                },
                article=article,
                fix=_("Déclarez-les sur la fiche %(fiche)s, ou retirez-les de l'opération.")
                % {"fiche": fiche.reference},
                url=url,
            )


def operations_to_judge():
    """Every operation on personal data with what its check reads, for the findings page
    (a fixed number of queries)."""
    fiches = Treatment.objects.select_related("controller").prefetch_related(
        "data_lines", "data_subject_lines", "recipients"
    )
    return (
        Operation.objects.filter(personal_data=True)
        .select_related("process__client")
        .prefetch_related("data_categories", "data_subjects", "recipients", Prefetch("treatment", queryset=fiches))
        .order_by("process__name", "process_id", "position", "id")
    )


def client_of_operation(operation):
    """The client an operation works for: its fiche's, on a processor fiche; else its process's."""
    if operation.treatment is not None:
        return operation.treatment.controller if operation.treatment.is_processor_fiche else None
    return operation.process.client


def role_of_operation(operation):
    return operation.treatment.role if operation.treatment is not None else ""


def reference_of_operation(operation):
    return f"{operation.process.name} · {operation.reference or operation.description}"
