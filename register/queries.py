"""Querysets the pages and exports use, built in one place with their joins.

Each runs a fixed number of SQL queries whatever the number of fiches or lines.
"""

from django.db.models import OuterRef, Prefetch, Q, Subquery, prefetch_related_objects

from .models import (
    Contact,
    Country,
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


def recipients_with_their_country():
    """Recipients with `organisation_in_eu_eea`: whether their organisation's country (free text,
    matched on the country table by name or ISO code) is in the EU/EEA; None when unknown.
    Computed in the recipients' own query, so the third-country check adds none."""
    country = Country.objects.filter(
        Q(name__iexact=OuterRef("organisation__country")) | Q(code__iexact=OuterRef("organisation__country"))
    )
    return Recipient.objects.select_related("category", "organisation").annotate(
        organisation_in_eu_eea=Subquery(country.values("is_eu_eea")[:1])
    )


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
        Prefetch("recipients", queryset=recipients_with_their_country()),
        Prefetch("transfers", queryset=Transfer.objects.select_related("country", "safeguard")),
        Prefetch("security_measures", queryset=SecurityMeasure.objects.select_related("category")),
        *_fiche_prefetches,
    )
