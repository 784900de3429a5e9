"""The incidents' section of the daily digest (register.digest): breach deadlines still running.

Each deadline is the incident's own (Incident.time_left, the 72 h clock of art. 33(1), and
the client's contractual delay of art. 33(2)), said by Incident.notification_status.
"""

from django.utils import timezone

from register.digest import DigestItem

from .models import Incident


def breach_deadlines(on):
    now = timezone.now()
    for incident in Incident.objects.breaches().open().for_pages():
        if incident.is_processor_case:
            if incident.controller_warned_at is not None:
                continue
        elif incident.time_left(now) is None:
            continue
        deadline = incident.controller_deadline if incident.is_processor_case else incident.notification_deadline
        yield DigestItem(
            f"{incident} : {incident.notification_status(now)}",
            incident.get_absolute_url(),
            timezone.localtime(deadline).date() if deadline else None,
        )
