from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def countdown(delta):
    """« reste 1 j 4 h » or « dépassé de 3 h » for a timedelta (None: nothing)."""
    if delta is None:
        return ""
    seconds = abs(int(delta.total_seconds()))
    days, hours, minutes = seconds // 86400, seconds % 86400 // 3600, seconds % 3600 // 60
    parts = []
    if days:
        parts.append(ngettext("%(n)d jour", "%(n)d jours", days) % {"n": days})
    if hours or days:
        parts.append(_("%(n)d h") % {"n": hours})
    if not days:
        parts.append(_("%(n)d min") % {"n": minutes})
    text = " ".join(parts)
    return (
        _("reste %(time)s") % {"time": text}
        if delta.total_seconds() >= 0
        else _("dépassé de %(time)s") % {"time": text}
    )


@register.simple_tag
def time_left(incident, now):
    """The countdown of the deadline CentreCall must meet: the client's for a processor, else the CNIL's."""
    return incident.pending_time_left(now)
