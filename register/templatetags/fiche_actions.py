from django import template

from .. import lifecycle

register = template.Library()


@register.simple_tag
def status_transitions(treatment):
    """(status, button label) pairs the fiche may move to from its current status."""
    return lifecycle.transitions_from(treatment.status)
