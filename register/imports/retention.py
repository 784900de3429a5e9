"""Free-text retention periods read into the structured retention of a data line.

The CNIL asks for a duration and the event that starts it (art. 5(1)(e), art. 30(1)(f)).
Registers state it in words; this module understands the usual French phrasings:

    "1 an", "6 mois", "30 jours"                       -> from collection
    "3 ans après le dernier contact"                    -> from the last contact
    "5 ans à compter de la fin du contrat"              -> from the end of the contract
    "6 mois à compter de l'enregistrement de l'appel"   -> from the call recording
    "durée du contrat", "pendant la durée du contrat"   -> open-ended, until the contract ends
    "Jusqu'à la fin du contrat"                         -> the app's own wording of the above
    "5 ans à compter du versement de la paie"           -> another event, kept as written

and the app's own `DataCategoryLine.retention_text` reads back to the same structure.
Text after a comma, a semicolon or in brackets is a remark. What is not understood
raises `RetentionError` with a French explanation: it is reported, never dropped.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from ..choices import RetentionStart, RetentionUnit
from ..cnil.matching import key

MAX_VALUE = 10_000
NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "dix-huit": 18, "vingt": 20,
    "vingt-quatre": 24, "trente": 30, "trente-six": 36, "soixante": 60,
}  # fmt: skip
UNITS = {
    "annees": RetentionUnit.YEARS, "annee": RetentionUnit.YEARS, "ans": RetentionUnit.YEARS,
    "an": RetentionUnit.YEARS, "mois": RetentionUnit.MONTHS, "jours": RetentionUnit.DAYS,
    "jour": RetentionUnit.DAYS, "semaines": "weeks", "semaine": "weeks",
}  # fmt: skip
_NUMBER = r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
DURATION = re.compile(
    rf"\s*(?:(?:duree\s+de\s+conservation|conservation|duree)\s*:\s*)?(?:(?:pendant|durant)\s+)?"
    rf"(?P<number>{_NUMBER})\s*(?P<unit>{_UNIT})\b(?P<rest>.*)",
    re.S,
)
CONNECTOR = re.compile(
    r"\s*(?:(?:a\s+compter|a\s+partir)\s+(?:(?P<du>du\s+)|(?P<des>des\s+)|de\s+|d')|(?:apres|depuis)\s+)",
    re.S,
)
UNTIL = re.compile(r"\s*jusqu'(?:(?P<a>a\s+)|(?P<au>au\s+)|(?P<aux>aux\s+))", re.S)
DURATION_OF = re.compile(
    r"\s*(?:(?:pendant|durant)\s+)?(?:toute\s+)?(?:la\s+)?duree\s+(?P<prep>du\s+|de\s+la\s+|de\s+l'|des\s+|de\s+|d')",
    re.S,
)
REMARK_SEPARATOR = re.compile(r"\s*(?:[,;(]|\s[-–—]\s|\.(?:\s|$))", re.S)
CONTRACT_KEYS = {"contrat", "relationcontractuelle"}
EXAMPLES = (
    "« 6 mois à compter de l'enregistrement de l'appel », « 3 ans après le dernier contact », « durée du contrat »"
)


@dataclass(frozen=True)
class Retention:
    value: int | None
    unit: str
    start: str
    start_other: str = ""
    remark: str = ""


class RetentionError(ValueError):
    """The French explanation of why a retention text cannot be read."""


def _fold(text):
    """Lower case without accents, one character for one, so positions match the original."""
    folded = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        lower = base.lower()
        folded.append("'" if char in "’‘ʼ" else lower if len(lower) == 1 else base)
    return "".join(folded)


def known_events():
    """{key: RetentionStart} for the app's own labels and the usual ways to say them."""
    with translation.override("fr"):
        events = {key(str(label)): RetentionStart(value) for value, label in RetentionStart.choices}
    events.pop(key(str(RetentionStart.OTHER.label)), None)
    extra = {
        RetentionStart.COLLECTION: ["collecte", "la collecte des données", "collecte des données"],
        RetentionStart.LAST_CONTACT: ["dernier contact"],
        RetentionStart.END_OF_CONTRACT: ["fin du contrat", "la fin de la relation contractuelle"],
        RetentionStart.END_OF_CALL: ["la fin de l'appel", "l'appel", "enregistrement de l'appel"],
    }
    for start, phrases in extra.items():
        events.update({key(phrase): start for phrase in phrases})
    return events


def _split(text, folded, split_remark):
    """(event, remark): the remark is what follows a comma, semicolon, bracket or dash."""
    if not split_remark:
        return text.strip(), ""
    match = REMARK_SEPARATOR.search(folded)
    if not match:
        return text.strip(), ""
    remark = text[match.end() :].strip()
    if text[match.start() :].strip().startswith("("):
        remark = remark.removesuffix(")").strip()
    return text[: match.start()].strip(), remark.strip(" .")


def _event(text, split_remark):
    """(start, start_other, remark) from the words naming the starting event."""
    event, remark = _split(text, _fold(text), split_remark)
    if not event:
        raise RetentionError(_("l'événement qui fait courir la durée est manquant"))
    start = known_events().get(key(event))
    if start:
        return start, "", remark
    return RetentionStart.OTHER, event, remark


def _with_article(text, match, groups):
    """The event with its article: "du versement" -> "le versement", "des appels" -> "les appels"."""
    rest = text[match.end() :]
    if match.group(groups[0]):
        return "le " + rest
    if match.group(groups[1]):
        return "les " + rest
    return rest


def _duration(match):
    number = match.group("number")
    value = int(number) if number.isdigit() else NUMBER_WORDS[number]
    unit = UNITS[match.group("unit")]
    if unit == "weeks":
        value, unit = value * 7, RetentionUnit.DAYS
    if not 1 <= value <= MAX_VALUE:
        raise RetentionError(_("la durée doit être comprise entre 1 et %(max)s") % {"max": MAX_VALUE})
    return value, unit


def parse_retention(text, *, split_remark=True):
    """`Retention` read from `text`, or RetentionError naming what was not understood.

    With split_remark=False (the app's own export, whose remark has its own column) the
    whole text after the connector is the event, commas included.
    """
    text = (text or "").strip()
    if not text:
        raise RetentionError(_("la durée de conservation est vide"))
    folded = _fold(text)
    try:
        if match := UNTIL.match(folded):
            event_text = _with_article(text, match, ("au", "aux"))
            start, other, remark = _event(event_text, split_remark)
            return Retention(None, RetentionUnit.MONTHS, start, other, remark)
        if match := DURATION_OF.match(folded):
            what, remark = _split(text[match.end() :], folded[match.end() :], split_remark)
            if key(what) in CONTRACT_KEYS:
                return Retention(None, RetentionUnit.MONTHS, RetentionStart.END_OF_CONTRACT, "", remark)
            if not what:
                raise RetentionError(_("la durée de quoi ? (par exemple « durée du contrat »)"))
            preposition = " ".join(text[match.start("prep") : match.end("prep")].split())
            glue = "" if preposition.endswith("'") else " "
            return Retention(
                None, RetentionUnit.MONTHS, RetentionStart.OTHER, f"la fin {preposition}{glue}{what}", remark
            )
        if match := DURATION.fullmatch(folded):
            value, unit = _duration(match)
            rest, folded_rest = text[match.start("rest") :], match.group("rest")
            if not rest.strip(" ."):
                return Retention(value, unit, RetentionStart.COLLECTION)
            if connector := CONNECTOR.match(folded_rest):
                event_text = _with_article(rest, connector, ("du", "des"))
                start, other, remark = _event(event_text, split_remark)
                return Retention(value, unit, start, other, remark)
            if split_remark and REMARK_SEPARATOR.match(folded_rest):
                _event_text, remark = _split(rest, folded_rest, True)
                return Retention(value, unit, RetentionStart.COLLECTION, "", remark)
            raise RetentionError(
                _("après « %(duration)s », « %(rest)s » n'est pas compris")
                % {"duration": text[: match.start("rest")].strip(), "rest": rest.strip()}
            )
    except RetentionError as error:
        raise RetentionError(
            _("Durée de conservation « %(text)s » non comprise : %(reason)s. Exemples acceptés : %(examples)s.")
            % {"text": text, "reason": error, "examples": EXAMPLES}
        ) from None
    raise RetentionError(
        _(
            "Durée de conservation « %(text)s » non comprise : indiquez une durée (nombre et unité : jours, mois, "
            "ans) et son point de départ. Exemples acceptés : %(examples)s."
        )
        % {"text": text, "examples": EXAMPLES}
    )
