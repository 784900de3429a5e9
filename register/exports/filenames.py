"""One rule for the names of every export file, whatever its format.

<what the document is>-<whose or which>-<day>.<extension>, ASCII only (`document_filename`);
the register's: registre-<organisation>-<what the scope keeps>-<day>.<extension>, e.g.
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
    if not any(scope_parts):
        scope_parts = ["complet"]
    organisation_part = slugify(organisation.name) if organisation else ""
    return document_filename(
        "registre", organisation_part, *scope_parts, extension=extension, extracted_at=extracted_at
    )


def document_filename(*parts, extension, extracted_at=None):
    """<parts, slugified>-<day>.<extension>, empty parts left out: the rule every app's
    documents follow, e.g. processus-etude-de-marche-operations-2026-11-23.ods."""
    day = timezone.localdate(extracted_at or timezone.now()).isoformat()
    slugs = [slugify(part) for part in parts]
    return "-".join(part for part in (*slugs, day) if part) + f".{extension}"
