"""The breach register (art. 33(5)): every breach with its facts, effects and remedial action,
live or as it stood at the end of a past day, rebuilt from the history like the processing
register. One scope serves the page, the PDF and the ODS builders, and the tests."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from register.history.asof import end_of_day, rebuild
from register.history.tracked import Tracked
from register.models import Treatment

from .models import AuthorityNotification, CorrectiveAction, Incident

BREACHES = Tracked(
    Incident,
    lines=(("corrective_actions", CorrectiveAction), ("notifications", AuthorityNotification)),
    reference_querysets={Treatment: lambda: Treatment.objects.select_related("controller")},
)


@dataclass(frozen=True)
class BreachRegisterScope:
    as_of: date | None = None

    @property
    def moment(self):
        """The instant the register is judged at: now, or the end of the day shown."""
        return end_of_day(self.as_of) if self.as_of else timezone.now()

    def breaches(self):
        """The breaches, oldest first, each with its lines and fiches (a fixed number of queries)."""
        if self.as_of is None:
            return list(Incident.objects.breaches().for_pages().order_by("number"))
        records = Incident.history.as_of(self.moment).filter(is_breach=True).order_by("number")
        return rebuild(BREACHES, self.moment, records)
