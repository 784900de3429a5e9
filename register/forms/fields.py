"""Form fields shared by the fiche form, its line formsets and the admin."""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

EMPTY_LABEL = _("— choisir —")


class PreloadedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that reads its options from a list loaded once per formset.

    A plain ModelChoiceField queries its table once per row to render and once per row to
    validate; a formset of N lines would run N queries per select. The formset loads each
    option list once and hands it to every row (see LineFormSet.add_fields).
    """

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("empty_label", EMPTY_LABEL)
        super().__init__(queryset, **kwargs)
        self.options_by_pk = None

    def preload(self, objects):
        self.options_by_pk = {str(obj.pk): obj for obj in objects}
        self.choices = self.choices_for(objects)

    def choices_for(self, objects):
        return [("", self.empty_label or "")] + [(obj.pk, self.label_from_instance(obj)) for obj in objects]

    def to_python(self, value):
        if self.options_by_pk is None:
            return super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return self.options_by_pk[str(value.pk if isinstance(value, self.queryset.model) else value)]
        except KeyError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None


class DataCategoryChoiceField(PreloadedModelChoiceField):
    """Data categories in two groups, so that a sensitive one (art. 9, art. 10) stands out."""

    def label_from_instance(self, obj):
        return f"{obj.label} ({obj.article})" if obj.is_sensitive and obj.article else obj.label

    def choices_for(self, objects):
        ordinary = [(obj.pk, self.label_from_instance(obj)) for obj in objects if not obj.is_sensitive]
        sensitive = [(obj.pk, self.label_from_instance(obj)) for obj in objects if obj.is_sensitive]
        return [
            ("", self.empty_label),
            (_("Données courantes"), ordinary),
            (_("Données sensibles (art. 9 et 10 du RGPD)"), sensitive),
        ]


class LineIdField(PreloadedModelChoiceField):
    """The hidden id of an existing line, checked against the lines of this fiche only."""

    default_error_messages = {
        "invalid_choice": _(
            "Cette ligne n'existe plus : elle a été supprimée entre-temps. "
            "Retirez-la, ou recopiez son contenu dans une nouvelle ligne."
        )
    }

    def choices_for(self, objects):
        return [(obj.pk, str(obj.pk)) for obj in objects]  # hidden: no labels to build


# --- dates ------------------------------------------------------------------------------
# How a date is typed follows the interface language, never the browser: the accepted
# formats are DATE_INPUT_FORMATS of register/formats/<language>/formats.py (JJ/MM/AAAA in
# French, ISO 8601 AAAA-MM-JJ in English, which both languages also accept).
_FORMAT_PARTS = {"%d": (_("JJ"), r"\d{1,2}"), "%m": (_("MM"), r"\d{1,2}"), "%Y": (_("AAAA"), r"\d{4}")}
_EXAMPLE_DAY = date(2020, 9, 15)


def _date_formats():
    return formats.get_format("DATE_INPUT_FORMATS")


def date_format_hint():
    """« JJ/MM/AAAA » in French, « YYYY-MM-DD » in English: the first accepted format, spelt out."""
    return _spell(_date_formats()[0], lambda part: str(_FORMAT_PARTS[part][0]))


def _shape(input_format):
    """A pattern for text laid out like `input_format`, whatever its numbers."""
    return re.compile(_spell(input_format, lambda part: _FORMAT_PARTS[part][1], escape=re.escape) + r"\Z")


def _spell(input_format, part, escape=str):
    pieces = re.split(r"(%[dmY])", input_format)
    return "".join(part(piece) if piece in _FORMAT_PARTS else escape(piece) for piece in pieces)


class DayInput(forms.DateInput):
    """A plain text box (not <input type="date">, whose format follows the browser's locale)
    showing the expected format as its placeholder."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "maxlength": "10", "size": "10", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", date_format_hint())
        return context


# The days a register can name. Beyond them a day is a typing slip, and near the calendar's
# ends the day's start in Paris time falls outside what a datetime holds (0001-01-01).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)


class DayField(forms.DateField):
    """A date typed in the language's format. Text in another layout (5/6/20, 06-05-2020) or a
    day that does not exist (31/02/2026, 2026-13-01) is refused with a message that says
    which, never read as a guess; so is a day before 1900 or after 2999."""

    widget = DayInput

    def validate(self, value):
        super().validate(value)
        if value and not FIRST_DAY <= value <= LAST_DAY:
            raise ValidationError(
                _("Saisissez une date entre le %(first)s et le %(last)s."),
                code="out_of_range",
                params={"first": FIRST_DAY.strftime("%d/%m/%Y"), "last": LAST_DAY.strftime("%d/%m/%Y")},
            )

    def __init__(self, *, help_text="", **kwargs):
        hint = format_lazy(_("Format : {}."), lazy(date_format_hint, str)())
        super().__init__(help_text=format_lazy("{} {}", help_text, hint) if help_text else hint, **kwargs)

    def to_python(self, value):
        value = value.strip() if isinstance(value, str) else value
        try:
            return super().to_python(value)
        except ValidationError:
            if any(_shape(input_format).match(value) for input_format in _date_formats()):
                raise ValidationError(
                    _("« %(value)s » n'existe pas dans le calendrier : vérifiez le jour et le mois."),
                    code="impossible",
                    params={"value": value},
                ) from None
            raise ValidationError(
                _("Saisissez la date au format %(format)s, par exemple %(example)s (l'année sur quatre chiffres)."),
                code="invalid",
                params={"format": date_format_hint(), "example": _EXAMPLE_DAY.strftime(_date_formats()[0])},
            ) from None
