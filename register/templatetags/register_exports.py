"""What the download menus of the list and fiche pages offer."""

from django import template

from ..choices import TreatmentRole
from ..models import Organisation

register = template.Library()


@register.simple_tag
def processor_clients():
    """Organisations with at least one fiche where CentreCall is their processor (one query)."""
    return list(
        Organisation.objects.filter(controlled_treatments__role=TreatmentRole.PROCESSOR).distinct().order_by("name")
    )
