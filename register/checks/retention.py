"""Retention checks on a fiche's data lines (art. 5(1)(e), art. 30(1)(f)), registered by
RegisterConfig.ready(): every line states a duration and its starting event, in a form
that can be compared with the CNIL's reference periods (register.retention_references)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import RetentionStart
from ..compliance import Finding, Severity, register_check
from ..models import Treatment
from ..retention_references import reference_for
from .links import edit_link, line_anchor


@register_check(subject=Treatment, label=gettext_lazy("Durée de conservation absente ou non structurée"))
def retention_is_stated_and_structured(treatment, on):
    lines = treatment.data_lines.all()
    for line in lines:
        anchor = edit_link(treatment, line_anchor("data_lines", lines, line, "retention_value"))
        if not line.states_retention:
            yield Finding(
                Severity.WARNING,
                _("Ligne « %(line)s » : aucune durée de conservation n'est indiquée.") % {"line": line.description},
                "art. 5(1)(e), art. 30(1)(f)",
                _("Indiquez une durée et l'événement qui la fait courir (collecte, dernier contact, fin du contrat…)."),
                anchor,
            )
        elif line.retention_value is None and line.retention_start == RetentionStart.OTHER:
            yield Finding(
                Severity.ADVICE,
                _(
                    "Ligne « %(line)s » : la conservation « %(retention)s » n'est pas une durée ; elle ne peut pas "
                    "être comparée aux durées de référence de la CNIL."
                )
                % {"line": line.description, "retention": line.retention_text},
                "art. 5(1)(e), art. 30(1)(f)",
                _("Indiquez une durée chiffrée (par exemple « 3 ans ») à compter de cet événement."),
                anchor,
            )


@register_check(subject=Treatment, label=gettext_lazy("Durée de conservation au-delà des références de la CNIL"))
def retention_within_cnil_references(treatment, on):
    subject_codes = {line.category.code for line in treatment.data_subject_lines.all()}
    lines = treatment.data_lines.all()
    for line in lines:
        reference = reference_for(line, subject_codes)
        if reference is None or line.retention_days is None:
            continue
        anchor = edit_link(treatment, line_anchor("data_lines", lines, line, "retention_value"))
        values = {
            "line": line.description,
            "what": reference.what,
            "retention": line.retention_text,
            "limit": reference.limit_text,
        }
        if line.retention_days > reference.max_days:
            yield Finding(
                reference.severity,
                _("Ligne « %(line)s » : %(what)s %(retention)s ; la CNIL recommande %(limit)s au plus.") % values,
                reference.source,
                _("Ramenez la durée de conservation de cette ligne à %(limit)s au plus, ou justifiez-la en remarque.")
                % values,
                anchor,
            )
        elif line.retention_start not in reference.starts and line.retention_days >= reference.max_days:
            # The full reference period counted from a later event than the CNIL's goes beyond it.
            yield Finding(
                Severity.ADVICE,
                _(
                    "Ligne « %(line)s » : %(what)s %(retention)s ; la durée de référence de la CNIL "
                    "(%(limit)s) ne compte pas à partir de cet événement."
                )
                % values,
                reference.source,
                _("Vérifiez l'événement de départ de la durée de conservation."),
                anchor,
            )
