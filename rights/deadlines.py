"""The legal clock of a data-subject request (GDPR art. 12(3)), in plain functions.

« Dans les meilleurs délais et en tout état de cause dans un délai d'un mois à compter de la
réception de la demande » — a calendar month, not 30 days. EU periods are counted by
Regulation (EEC, Euratom) No 1182/71, art. 3(2)(c): a period in months ends on the day of the
last month with the same date as the day it started from, or, if that month has no such
day, on its last day (31 January → 28 or 29 February): the register's own `add_months`, which
the fiche reviews already use. An extension adds up to two further months; it is counted from the day of receipt
(received + 1 + n months), so that a short month at the first deadline does not shorten the
extension (31 January + 3 months → 30 April, not 28 April).
"""

from datetime import date

from register.models.treatments import add_months

ANSWER_MONTHS = 1  # art. 12(3)
MAX_EXTENSION_MONTHS = 2  # art. 12(3)


def months_after(day: date, months: int) -> date:
    """`day` plus `months` calendar months; the month's last day if that date does not exist."""
    return add_months(day, months)


def answer_deadline(received_on: date, extension_months: int = 0) -> date:
    """The last day to answer a request received on `received_on`, extended by `extension_months`."""
    if not 0 <= extension_months <= MAX_EXTENSION_MONTHS:
        raise ValueError("an extension is of one or two months (art. 12(3))")
    return months_after(received_on, ANSWER_MONTHS + extension_months)


def countdown_label(days_left: int) -> str:
    """« J-12 », « J-0 », « en retard de 3 jours », in the active language."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    if days_left >= 0:
        return _("J-%(days)d") % {"days": days_left}
    late = -days_left
    return ngettext("en retard de %(days)d jour", "en retard de %(days)d jours", late) % {"days": late}
