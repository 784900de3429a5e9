"""The « Sensibilisation » panel of a fiche's page (register.fiche_panels): links to the
fiche's notice, call recording announcement and fiche réflexe. No query: the links are
built from the fiche, and whether it records calls from its prefetched data lines."""

from django.urls import reverse

from ..access import can_view_compliance


def awareness_panel(treatment, *, user, as_of=None):
    if not can_view_compliance(user):
        return None
    query = f"?date={as_of.isoformat()}" if as_of else ""
    reference = treatment.reference
    return {
        "notice_url": reverse("compliance:notice", args=[reference]) + query,
        "announcement_url": reverse("compliance:announcement", args=[reference]) + query,
        "reflex_url": reverse("compliance:reflex_pdf", args=[reference]) + query,
        "records_calls": any(line.is_call_recording for line in treatment.data_lines.all()),
    }
