"""The operations and collection forms of a fiche, shown on its page through register.fiche_panels."""

from django.db.models import Count, Q

from .access import can_view_collection_forms, can_view_processes
from .models import CollectionForm, Operation
from .operations_table import operation_url


def operations_panel(treatment, *, user, as_of=None):
    """The operations on personal data that belong to the fiche, by process then flow order
    (one query), and the collection forms that collect for it with their counts of fields and
    of personal fields (one query). None as of a past day: neither is kept as of a date."""
    if as_of is not None:
        return None
    see_operations, see_forms = can_view_processes(user), can_view_collection_forms(user)
    if not (see_operations or see_forms):
        return None
    panel = {"show_operations": see_operations, "show_forms": see_forms, "operations": [], "forms": []}
    if see_operations:
        operations = (
            Operation.objects.filter(treatment_id=treatment.pk, personal_data=True)
            .select_related("process")
            .order_by("process__name", "process_id", "position", "id")
        )
        panel["operations"] = list(operations)
        for operation in panel["operations"]:
            operation.page_url = operation_url(operation)
    if see_forms:
        panel["forms"] = list(
            CollectionForm.objects.filter(treatment_id=treatment.pk)
            .annotate(
                field_count=Count("fields"),
                personal_count=Count("fields", filter=Q(fields__is_personal=True)),
            )
            .order_by("name", "pk")
        )
    return panel
