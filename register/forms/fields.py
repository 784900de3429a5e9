"""Form fields shared by the fiche form and its line formsets."""

from django import forms
from django.core.exceptions import ValidationError
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
