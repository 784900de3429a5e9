"""One rule for the names of every export file, whatever its format.

registre-<organisation>-<what the scope keeps>-<day>.<extension>, ASCII only, e.g.
registre-centrecall-sous-traitant-osiris-2026-11-23.pdf or registre-centrecall-complet-2026-11-23.ods.
"""

from django.utils import timezone
from django.utils.text import slugify

from ..choices import TreatmentRole

ROLE_SLUGS = {
    TreatmentRole.CONTROLLER: "responsable",
    TreatmentRole.JOINT_CONTROLLER: "conjoint",
    TreatmentRole.PROCESSOR: "sous-traitant",
}


def export_filename(scope, extension, *, organisation=None, extracted_at=None):
    """The file name of the export of `scope`, made by `organisation` (the register's keeper)."""
    scope_parts = [
        slugify(scope.reference),
        ROLE_SLUGS.get(scope.role, ""),
        slugify(scope.client.name) if scope.client else "",
        "selection" if scope.q or scope.status or scope.sensitive is not None or scope.overdue else "",
        f"etat-{scope.as_of.isoformat()}" if scope.as_of else "",
    ]
    day = timezone.localdate(extracted_at or timezone.now()).isoformat()
    if not any(scope_parts):
        scope_parts = ["complet"]
    parts = ["registre", slugify(organisation.name) if organisation else "", *scope_parts, day]
    return "-".join(part for part in parts if part) + f".{extension}"
