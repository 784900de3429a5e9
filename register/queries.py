"""Querysets the pages and exports use, built in one place with their joins.

Each runs a fixed number of SQL queries whatever the number of fiches or lines.
"""

from django.db.models import Prefetch, prefetch_related_objects

from .models import (
    Contact,
    DataCategoryLine,
    DataSubjectLine,
    Organisation,
    Recipient,
    SecurityMeasure,
    Transfer,
    Treatment,
)


def contacts_in_order(lookup="contacts"):
    """An organisation's contacts in the order fiches show them."""
    return Prefetch(lookup, queryset=Contact.objects.order_by("role", "name"))


_fiche_prefetches = []  # other apps' rows about fiches, which their compliance checks read


def add_fiche_prefetch(lookup):
    """Load `lookup` (a relation name or a Prefetch) with the fiches pages and exports load,
    live or rebuilt as of a date, so an app's check on fiches reads it without a query per
    fiche. Apps call it from AppConfig.ready(); adding the same lookup twice keeps one."""
    if lookup not in _fiche_prefetches:
        _fiche_prefetches.append(lookup)


def prefetch_fiche_extras(treatments):
    """Give fiches rebuilt from the history (which get their lines only) the other apps' rows."""
    prefetch_related_objects(list(treatments), *_fiche_prefetches)
    return treatments


def treatments_with_lines():
    """Fiches with every line and actor the CNIL fiche layout shows, and the rows other apps
    asked for (add_fiche_prefetch)."""
    organisations = Organisation.objects.prefetch_related(contacts_in_order())
    return Treatment.objects.select_related("controller").prefetch_related(
        contacts_in_order("controller__contacts"),
        Prefetch("joint_controllers", queryset=organisations),
        Prefetch("processors", queryset=organisations),
        "sub_purposes",
        Prefetch("data_lines", queryset=DataCategoryLine.objects.select_related("category")),
        Prefetch("data_subject_lines", queryset=DataSubjectLine.objects.select_related("category")),
        Prefetch("recipients", queryset=Recipient.objects.select_related("category", "organisation")),
        Prefetch("transfers", queryset=Transfer.objects.select_related("country", "safeguard")),
        Prefetch("security_measures", queryset=SecurityMeasure.objects.select_related("category")),
        *_fiche_prefetches,
    )
