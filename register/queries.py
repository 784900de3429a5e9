"""Querysets the pages and exports use, built in one place with their joins.

Each runs a fixed number of SQL queries whatever the number of fiches or lines.
"""

from django.db.models import Exists, OuterRef, Prefetch

from .models import Contact, DataCategoryLine, Organisation, Treatment


def contacts_in_order(lookup="contacts"):
    """An organisation's contacts in the order fiches show them."""
    return Prefetch(lookup, queryset=Contact.objects.order_by("role", "name"))


def treatments_for_list():
    """Fiches with what a list row shows: controller and the sensitive-data flag."""
    sensitive = DataCategoryLine.objects.filter(treatment=OuterRef("pk"), category__is_sensitive=True)
    return Treatment.objects.select_related("controller").annotate(has_sensitive=Exists(sensitive))


def treatments_with_lines():
    """Fiches with every line and actor the CNIL fiche layout shows."""
    organisations = Organisation.objects.prefetch_related(contacts_in_order())
    return Treatment.objects.select_related("controller").prefetch_related(
        contacts_in_order("controller__contacts"),
        Prefetch("joint_controllers", queryset=organisations),
        Prefetch("processors", queryset=organisations),
        "sub_purposes",
        Prefetch("data_lines", queryset=DataCategoryLine.objects.select_related("category")),
        "data_subject_lines__category",
        "recipients__category",
        "recipients__organisation",
        "transfers__country",
        "transfers__safeguard",
        "security_measures__category",
    )
