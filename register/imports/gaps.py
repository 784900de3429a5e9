"""What the CNIL template has no row for — the role, the legal basis — and the file's status.

The template is the register of a controller: without a role, a fiche is a controller's,
with a warning. A legal basis is never invented: without one (and no default chosen on
the import form) the fiche comes in as a draft, for the DPO to complete. A status from the
file is taken only where the lifecycle leads from the fiche's own (`lifecycle.can_reach`).
"""

from django.utils.translation import gettext as _

from ..choices import TreatmentRole, TreatmentStatus
from ..cnil import layout as cnil
from ..lifecycle import can_reach


def needs_legal_basis(treatment):
    """A controller's fiche needs an art. 6(1) legal basis; a processor's is its client's."""
    return treatment.role != TreatmentRole.PROCESSOR


def fill_role_and_legal_basis(draft, treatment, existing, defaults, warn):
    """What the CNIL template has no row for: the DPO's default, else its meaning.
    Returns the labels of the defaults used, for the preview."""
    defaults_used = []
    if not draft.values.get("role") and not (existing and existing.role):
        if defaults.role:
            treatment.role = defaults.role
            defaults_used.append(cnil.ROLE)
        else:
            treatment.role = TreatmentRole.CONTROLLER
            warn(
                draft.where_of("role"),
                _(
                    "rôle de l'organisme non indiqué : fiche lue comme celle d'un responsable de traitement, ce "
                    "que suppose le modèle de la CNIL (choisissez un autre rôle dans le formulaire d'import si "
                    "ce n'est pas le cas)."
                ),
            )
    if not draft.values.get("legal_basis") and not (existing and existing.legal_basis):
        if defaults.legal_basis:
            treatment.legal_basis = defaults.legal_basis
            defaults_used.append(cnil.LEGAL_BASIS)
        else:
            treatment.legal_basis = ""
            if needs_legal_basis(treatment):
                warn(
                    draft.where_of("legal_basis"),
                    _(
                        "base légale non indiquée (art. 6(1)) : la fiche est importée en brouillon, sans base "
                        "légale, à compléter."
                    ),
                )
    return defaults_used


def take_status(draft, treatment, existing, warn, error):
    """The file's status, where the lifecycle leads from the fiche's own (a new fiche is a draft)."""
    current = existing.status if existing else TreatmentStatus.DRAFT
    wanted = draft.values.get("status") or current
    where = draft.where_of("status")
    if wanted != TreatmentStatus.DRAFT and not treatment.legal_basis and needs_legal_basis(treatment):
        if wanted != current:
            warn(
                where,
                _("statut « %(status)s » non repris : sans base légale, la fiche reste « %(current)s ».")
                % {"status": TreatmentStatus(wanted).label, "current": TreatmentStatus(current).label},
            )
        wanted = current
    if wanted != current and not can_reach(current, wanted):
        error(
            where,
            _("une fiche « %(current)s » ne peut pas passer au statut « %(new)s » (cycle de vie du registre).")
            % {"current": TreatmentStatus(current).label, "new": TreatmentStatus(wanted).label},
        )
    treatment.status = wanted
