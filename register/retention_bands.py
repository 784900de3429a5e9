"""Data lines by length of retention, in SQL: the dashboard counts them, the register's list filters on them.

A band is chosen on the CNIL reference periods (reference section 6): call recordings
6 months, connection logs and analyses of recordings 1 year, prospects 3 years. A line
without a period (kept until an event such as the contract's end) has a band of its own.
Lengths are counted as DataCategoryLine.retention_days counts them (a month is 30 days).
"""

from django.db.models import Case, CharField, Exists, F, IntegerField, OuterRef, Value, When
from django.utils.translation import gettext_lazy as _

from .choices import RetentionUnit
from .models import DataCategoryLine

DAYS = {RetentionUnit.DAYS: 1, RetentionUnit.MONTHS: 30, RetentionUnit.YEARS: 365}
LIMITS = [("6m", 180), ("1y", 365), ("3y", 3 * 365)]  # upper bounds, in days, of the bounded bands
BEYOND = "beyond"
UNTIL_EVENT = "event"
LABELS = {
    "6m": _("6 mois au plus"),
    "1y": _("De 6 mois à 1 an"),
    "3y": _("De 1 à 3 ans"),
    BEYOND: _("Plus de 3 ans"),
    UNTIL_EVENT: _("Sans durée : jusqu'à un événement"),
}


def with_band(lines):
    """`lines` (live or history rows of DataCategoryLine) annotated with their `band`."""
    length = Case(
        *(When(retention_unit=unit, then=F("retention_value") * factor) for unit, factor in DAYS.items()),
        output_field=IntegerField(),
    )
    band = Case(
        When(retention_value__isnull=True, then=Value(UNTIL_EVENT)),
        *(When(retention_days__lte=limit, then=Value(name)) for name, limit in LIMITS),
        default=Value(BEYOND),
        output_field=CharField(),
    )
    return lines.annotate(retention_days=length).annotate(band=band)


def has_line_in_band(band, moment=None):
    """Fiches with a data line in `band`: live, or with `moment` among the lines of that day (history tables)."""
    if moment is None:
        lines = DataCategoryLine.objects.filter(treatment=OuterRef("pk"))
    else:  # a history row's pk is its history_id; the fiche's own id is `id`
        lines = DataCategoryLine.history.as_of(moment).filter(treatment_id=OuterRef("id"))
    return Exists(with_band(lines).filter(band=band))
