"""Helpers of the compliance rule tests: a fiche's findings as the pages compute them."""

from register import compliance
from register.models import DataCategory, DataCategoryLine
from register.queries import treatments_with_lines


def findings(treatment, on=None):
    """The findings about `treatment`, read with the lines the pages prefetch."""
    return compliance.findings_for(treatments_with_lines().get(pk=treatment.pk), on)


def messages(treatment, on=None):
    return [finding.message for finding in findings(treatment, on)]


def add_line(treatment, code="identity", **fields):
    """A data line saved as old data or the shell could, without full_clean."""
    fields.setdefault("retention_value", 6)
    return DataCategoryLine.objects.create(
        treatment=treatment,
        category=DataCategory.objects.get(code=code),
        description=fields.pop("description", "x"),
        **fields,
    )
