"""The import's preview as lines of text, for `manage.py import_register`; the import page
(templates/register/import_preview.html) shows the same sections from the same plan."""

from django.utils.translation import gettext as _


def preview_lines(plan):
    """What the DPO confirms: remarks, dates read from text, organisations matched or
    created, contacts, then one line per fiche."""
    for issue in plan.warnings:
        yield _("Remarque — %(issue)s") % {"issue": issue}
    for issue in plan.dates_read:
        yield _("Date saisie en texte — %(issue)s") % {"issue": issue}
    for typed, organisation in plan.matched_organisations:
        yield _("Organisation du registre : « %(typed)s » est « %(name)s »") % {
            "typed": typed,
            "name": organisation.name,
        }
    for organisation in plan.new_organisations:
        yield _("Organisation à créer : %(name)s (%(kind)s)") % {
            "name": organisation.name,
            "kind": organisation.get_kind_display(),
        }
    for contact in plan.new_contacts:
        yield _("Contact à créer : %(name)s — %(role)s (%(organisation)s)") % {
            "name": contact.name,
            "role": contact.get_role_display(),
            "organisation": contact.organisation.name,
        }
    for fiche in plan.fiches:
        treatment = fiche.treatment
        action = _("mise à jour") if fiche.action == "update" else _("création")
        reference = treatment.reference or _("(référence attribuée à l'import)")
        legal_basis = treatment.get_legal_basis_display() if treatment.legal_basis else _("sans base légale")
        yield (
            f"{action:<12} {reference:<12} {treatment.name} — {treatment.get_role_display()}, "
            f"{legal_basis}, {treatment.get_status_display()}"
        )
