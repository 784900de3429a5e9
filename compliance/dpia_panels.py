"""The DPIA screening and the risk map of a fiche, on its page (register.fiche_panels) and in
its PDF (register.fiche_panels.add_pdf_section)."""

from .access import can_manage_compliance, can_view_compliance
from .models import FearedEvent
from .risk_map import fiche_risk_map
from .screening import latest_screening


def feared_events_of(treatment_ids):
    """{fiche pk: [feared events]} in one query."""
    events = {}
    for event in FearedEvent.objects.filter(assessment__treatment_id__in=treatment_ids).select_related("assessment"):
        events.setdefault(event.assessment.treatment_id, []).append(event)
    for own in events.values():
        own.sort(key=lambda event: event.order)
    return events


def dpia_panel(treatment, *, user, as_of=None):
    """The latest screening (prefetched with the fiche) and the risk map, in one query.
    None as of a past day: the page shows the fiche's history, not today's assessments."""
    if as_of is not None or not can_view_compliance(user):
        return None
    return {
        **risk_context(treatment, feared_events_of([treatment.pk]).get(treatment.pk, [])),
        "screening": latest_screening(treatment),
        "can_manage": can_manage_compliance(user),
    }


def risk_context(treatment, feared_events):
    assessed = [event for event in feared_events if event.level or event.residual_level]
    return {
        "feared_events": feared_events,
        "risk_map": fiche_risk_map(treatment, feared_events) if assessed else None,
    }


def dpia_pdf_sections(treatments, *, as_of=None):
    """{fiche pk: context} for the fiches of a PDF, in one query (the screenings are prefetched)."""
    if as_of is not None:
        return {}
    events = feared_events_of([treatment.pk for treatment in treatments])
    return {
        treatment.pk: {
            **risk_context(treatment, events.get(treatment.pk, [])),
            "screening": latest_screening(treatment),
        }
        for treatment in treatments
    }
