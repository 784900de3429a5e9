"""The DPO's forms: a DPIA screening and a fiche's risk assessment."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .dpia_lists import CnilDpiaType, Criterion
from .models import DpiaScreening, FearedEvent, ScreeningResult


class ScreeningForm(forms.ModelForm):
    cnil_types = forms.MultipleChoiceField(
        label=_("Types de traitement de la liste CNIL (art. 35(4))"),
        choices=CnilDpiaType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Cochez le type dont relève le traitement : une AIPD est alors requise."),
    )

    class Meta:
        model = DpiaScreening
        fields = [field for criterion in Criterion for field in (criterion.value, f"{criterion.value}_note")] + [
            "cnil_types",
            "justification",
        ]

    def criteria_rows(self):
        """[(criterion, tick field, note field)] for the template, in the order of WP248."""
        return [(criterion, self[criterion.value], self[f"{criterion.value}_note"]) for criterion in Criterion]

    def clean(self):
        cleaned = super().clean()
        count = sum(bool(cleaned.get(criterion.value)) for criterion in Criterion)
        result = ScreeningResult.of(count, cleaned.get("cnil_types") or [])
        if result == ScreeningResult.TO_JUSTIFY and not (cleaned.get("justification") or "").strip():
            self.add_error(
                "justification",
                _(
                    "Un seul critère est rempli : justifiez pourquoi aucune AIPD n'est menée (lignes directrices "
                    "WP248)."
                ),
            )
        return cleaned


class FearedEventForm(forms.ModelForm):
    class Meta:
        model = FearedEvent
        fields = [
            "sources",
            "threats",
            "existing_measures",
            "planned_measures",
            "severity",
            "likelihood",
            "residual_severity",
            "residual_likelihood",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 2})
            for name in ("sources", "threats", "existing_measures", "planned_measures")
        }

    def clean(self):
        cleaned = super().clean()
        for severity, likelihood in (("severity", "likelihood"), ("residual_severity", "residual_likelihood")):
            if bool(cleaned.get(severity)) != bool(cleaned.get(likelihood)):
                missing = likelihood if cleaned.get(severity) else severity
                self.add_error(missing, ValidationError(_("Donnez la gravité et la vraisemblance ensemble.")))
        return cleaned


class VersionForm(forms.Form):
    # 0: the page was opened before the fiche had any assessment.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
