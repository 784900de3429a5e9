"""Querysets the pages and exports use, built in one place with their joins.

Each runs a fixed number of SQL queries whatever the number of fiches or lines.
"""

from django.db.models import Prefetch

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


def treatments_with_lines():
    """Fiches with every line and actor the CNIL fiche layout shows."""
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
    )
