"""The compliance score of a fiche, shown on its page through register.fiche_panels."""

from django.urls import reverse
from django.utils import timezone

from .access import can_view_compliance
from .findings import FindingsScope
from .score import FORMULA, score_for


def score_panel(treatment, *, user, as_of=None):
    """The fiche's score on the day shown, from the lines its page already loaded: no query."""
    if not can_view_compliance(user):
        return None
    score = score_for(treatment, as_of or timezone.localdate())
    findings_url = (
        f"{reverse('compliance:findings')}?{FindingsScope(kind='fiche', q=treatment.reference).query_string()}"
    )
    return {"score": score, "formula": FORMULA, "findings_url": findings_url, "as_of": as_of}
