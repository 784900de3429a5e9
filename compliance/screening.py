"""Recording a DPIA screening: the one door every caller uses (the form page, the demo).

The screening and the fiche's `dpia_status` change together, in one transaction, the fiche
through its version-raising path (`Treatment.raise_version`), so the register, its exports
and the dashboard say what the latest screening concluded, and an edit page of the fiche
opened before goes stale instead of writing the old status back.
"""

from django.db import transaction

from register.choices import DpiaStatus
from register.models import Treatment

# A DPIA already under way or done is not set back to « à réaliser » by a new screening.
STARTED = (DpiaStatus.IN_PROGRESS, DpiaStatus.DONE)


def dpia_status_after(screening, current):
    """The fiche's DPIA status once `screening` is recorded, from its status `current`."""
    if screening.computed_result().is_required:
        return current if current in STARTED else DpiaStatus.REQUIRED
    return DpiaStatus.NOT_REQUIRED


def record_screening(treatment, screening, *, user=None):
    """Save `screening` (unsaved) for `treatment` and bring the fiche's DPIA status in line."""
    with transaction.atomic():
        fiche = Treatment.objects.select_for_update().get(pk=treatment.pk)
        screening.treatment = fiche
        screening.recorded_by = user if user is not None and user.is_authenticated else None
        screening.save()
        status = dpia_status_after(screening, fiche.dpia_status)
        if status != fiche.dpia_status:
            fiche.dpia_status = status
            fiche.raise_version()
            fiche.save()
    return screening


def latest_screening(treatment, on=None):
    """The fiche's screening in force at the end of `on` (today: the latest), from the
    prefetched `dpia_screenings` when the fiche has them (newest first), else one query."""
    from register.history.asof import end_of_day

    moment = end_of_day(on) if on is not None else None
    cached = getattr(treatment, "_prefetched_objects_cache", {}).get("dpia_screenings")
    if cached is not None:
        return next((s for s in cached if moment is None or s.recorded_at <= moment), None)
    screenings = treatment.dpia_screenings.all() if treatment.pk else None
    if screenings is None:
        return None
    if moment is not None:
        screenings = screenings.filter(recorded_at__lte=moment)
    return screenings.order_by("-recorded_at", "-pk").first()
