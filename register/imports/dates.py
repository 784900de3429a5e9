"""Dates read from a spreadsheet cell, never guessed.

Accepted: a date cell (office:date-value, the spreadsheet already knows the date), text
in ISO 8601 (2024-03-04), or text in the order dd/mm/yyyy with a four-digit year — the
last only when the workbook declares French as its language, as the CNIL's template does
(its default cell style is `fo:language="fr"`): the French convention puts the day first.
Anything else — 05/06/20, 2020/06/05, 5-6-2020, "juin 2020", 13/13/2020, or 05/06/2020 in
a workbook that declares no such convention — is refused with a message: swapping day and
month would silently falsify the register (art. 5(1)(d)).
"""

import re
from datetime import date

from django.utils.translation import gettext as _

ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
FRENCH = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
EXPECTED = "JJ/MM/AAAA ou AAAA-MM-JJ"


class DateError(ValueError):
    """The French explanation of why a value is not an acceptable date."""


def parse_date_text(text, *, day_first):
    """A date from ISO text, or dd/mm/yyyy text when `day_first` (the workbook declares the
    French convention); None for empty text; DateError otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    if match := ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif (match := FRENCH.fullmatch(text)) and not day_first:
        raise DateError(
            _(
                "« %(text)s » : date saisie en texte dans un classeur qui ne déclare pas la langue française, "
                "donc ni l'ordre jour/mois : saisissez-la au format AAAA-MM-JJ ou comme une date du tableur."
            )
            % {"text": text}
        )
    elif match:
        day, month, year = (int(part) for part in match.groups())
        if month > 12:
            raise DateError(
                _(
                    "« %(text)s » : le mois %(month)s n'existe pas "
                    "(date attendue au format %(format)s, jour en premier)."
                )
                % {"text": text, "month": month, "format": EXPECTED}
            )
    else:
        raise DateError(_("« %(text)s » n'est pas une date au format %(format)s.") % {"text": text, "format": EXPECTED})
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(_("« %(text)s » n'est pas une date qui existe.") % {"text": text}) from None


def is_typed_as_text(cell):
    """True when the date was typed as text, not as a date cell: the preview says how it was read."""
    return cell is not None and not (cell.value_type == "date" and cell.date_value)


def parse_cell_date(cell, *, day_first):
    """The date a cell holds: its office:date-value for a date cell, else its text."""
    if cell is None:
        return None
    if cell.value_type == "date" and cell.date_value:
        try:
            return date.fromisoformat(cell.date_value[:10])
        except ValueError:
            raise DateError(_("« %(value)s » n'est pas une date valide.") % {"value": cell.date_value}) from None
    if cell.value_type in ("float", "percentage", "currency"):
        raise DateError(
            _("« %(text)s » est un nombre, pas une date au format %(format)s.")
            % {"text": cell.text, "format": EXPECTED}
        )
    return parse_date_text(cell.text, day_first=day_first)
