"""Where a finding sends the DPO: the edit form's field or line, or an organisation in the admin."""

from django.urls import reverse


def edit_link(treatment, anchor):
    """The fiche's edit form, at the field or line to fix."""
    return f"{reverse('register:edit', args=[treatment.reference])}#{anchor}"


def line_anchor(prefix, treatment_lines, line, field):
    """Id of a line's field on the edit form: rows are shown in the order of the fiche's table."""
    index = next((i for i, row in enumerate(treatment_lines) if row.pk == line.pk), 0)
    return f"id_{prefix}-{index}-{field}"


def organisation_link(organisation, field):
    return f"{reverse('admin:register_organisation_change', args=[organisation.pk])}#id_{field}"
