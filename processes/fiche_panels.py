"""The operations of a fiche, shown on its page through register.fiche_panels."""

from .access import can_view_processes
from .models import Operation
from .operations_table import operation_url


def operations_panel(treatment, *, user, as_of=None):
    """The operations on personal data that belong to the fiche, by process then flow order,
    in one query. None as of a past day: the operations are not kept as of a date."""
    if as_of is not None or not can_view_processes(user):
        return None
    operations = (
        Operation.objects.filter(treatment_id=treatment.pk, personal_data=True)
        .select_related("process")
        .order_by("process__name", "process_id", "position", "id")
    )
    operations = list(operations)
    for operation in operations:
        operation.page_url = operation_url(operation)
    return {"operations": operations}
