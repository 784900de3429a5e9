"""The fiches the findings page of the whole register judges, and what it groups them by."""

from ..choices import TreatmentStatus
from ..queries import treatments_with_lines


def fiches_to_judge():
    """Every fiche but the archived ones, with its lines (a fixed number of queries)."""
    return treatments_with_lines().exclude(status=TreatmentStatus.ARCHIVED).order_by("reference")


def client_of_fiche(treatment):
    """The client a processor fiche is kept for (art. 30(2)(a)); a controller fiche has none."""
    return treatment.controller if treatment.is_processor_fiche else None
