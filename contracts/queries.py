"""The contracts the list and its exports show: search (case and accents ignored) and filters."""

from django.db.models import Q
from django.db.models.lookups import Contains
from django.utils import timezone

from register.search import Folded, fold

from .models import Contract


def filtered_contracts(data, on=None):
    """The contracts the list's cleaned filters keep, prefetched (a fixed number of queries)."""
    on = on or timezone.localdate()
    queryset = Contract.objects.for_pages()
    for word in fold(data.get("q") or "").split():
        queryset = queryset.filter(
            Q(Contains(Folded("title"), word))
            | Q(Contains(Folded("organisation__name"), word))
            | Q(Contains(Folded("locations"), word))
        )
    if data.get("direction"):
        queryset = queryset.filter(direction=data["direction"])
    contracts = list(queryset)
    if data.get("attention"):
        contracts = [contract for contract in contracts if not contract.is_sound_on(on)]
    return contracts
