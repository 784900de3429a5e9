"""The fiche page's panel: the data-subject requests about the fiche."""

from .access import can_view_requests
from .models import DataSubjectRequest


def requests_panel(treatment, *, user, as_of=None):
    """The fiche's requests, newest first, in one query. None as of a past day (requests are
    not rebuilt as of a date) or for a user who may not read them."""
    if as_of is not None or not can_view_requests(user):
        return None
    return {"requests": list(DataSubjectRequest.objects.filter(treatments=treatment.pk).order_by("-number"))}
