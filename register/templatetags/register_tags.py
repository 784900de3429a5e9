"""The register's template helpers: the fiche layout (shared by the page and the PDF export),
the fiche form's tables and the lifecycle buttons."""

from django import template

from .. import compliance, lifecycle

register = template.Library()


@register.filter
def ordinary_lines(data_lines):
    """Data category lines that are not sensitive (art. 9/10), in order."""
    return [line for line in data_lines if not line.category.is_sensitive]


@register.filter
def sensitive_lines(data_lines):
    """Data category lines of sensitive data (art. 9(1)) or criminal-offence data (art. 10)."""
    return [line for line in data_lines if line.category.is_sensitive]


@register.filter
def compliance_findings(treatment):
    """The compliance findings of `treatment` (register.compliance), for the PDF's fiche."""
    return compliance.findings_for(treatment)


@register.filter
def table_name(formset):
    """The table a fiche formset edits, by its rows' plural name (« destinataires »): it names the buttons."""
    return formset.model._meta.verbose_name_plural


@register.simple_tag
def status_transitions(treatment):
    """(status, button label) pairs the fiche may move to from its current status."""
    return lifecycle.transitions_from(treatment.status)
