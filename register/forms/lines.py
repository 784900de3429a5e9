"""The fiche's tables as inline formsets: one row per line, kept in the order shown.

Rows are added and removed in the page (static/js/formsets.js); without JavaScript each
table offers one empty row and a « Supprimer » checkbox per row.
"""

from django import forms
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from ..choices import Art9Exception, DataNature, RetentionStart
from ..models import (
    DataCategoryLine,
    DataSubjectLine,
    Organisation,
    Recipient,
    SecurityMeasure,
    SubPurpose,
    Transfer,
    Treatment,
    suggests_call_recording,
)
from .fields import DataCategoryChoiceField, LineIdField, PreloadedModelChoiceField


class LineFormSet(BaseInlineFormSet):
    """Inline formset that loads each option list once and numbers new rows on save."""

    def __init__(self, *args, **kwargs):
        self._options = {}
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk_name = self.model._meta.pk.name
        form.fields[pk_name] = LineIdField(
            self.model.objects.none(), required=False, widget=forms.HiddenInput, initial=form.fields[pk_name].initial
        )
        form.fields[pk_name].preload(self.get_queryset())
        for name, field in form.fields.items():
            if isinstance(field, PreloadedModelChoiceField) and not isinstance(field, LineIdField):
                if name not in self._options:
                    self._options[name] = list(field.queryset)
                field.preload(self._options[name])
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Supprimer")
            form.fields["DELETE"].widget.attrs["class"] = "form-check-input"

    def save(self, commit=True):
        """New rows go after the existing ones, which keep their position (no needless rewrite)."""
        kept = [form for form in self.forms if not self._should_delete_form(form)]
        last = max((form.instance.position for form in kept if form.instance.pk is not None), default=0)
        for form in kept:
            if form.instance.pk is None and form.has_changed():
                last += 1
                form.instance.position = last
        return super().save(commit=commit)

    @property
    def error_count(self):
        rows = [form for form in self.forms if not (form.is_valid() or self._should_delete_form(form))]
        return len(self.non_form_errors()) + sum(len(messages) for form in rows for messages in form.errors.values())


class LineForm(forms.ModelForm):
    """Base of the row forms; `columns` gives the Bootstrap width of each field in its row."""

    columns = {}

    def _get_validation_exclusions(self):
        # The preloaded choice fields already proved their object exists; the model's own
        # ForeignKey check would run one more query per row.
        preloaded = {
            name
            for name, field in self.fields.items()
            if isinstance(field, PreloadedModelChoiceField) and field.options_by_pk is not None
        }
        return super()._get_validation_exclusions() | preloaded

    def visible_columns(self):
        return [(self[name], width) for name, width in self.columns.items()]


class SubPurposeForm(LineForm):
    columns = {"description": "col-md"}

    class Meta:
        model = SubPurpose
        fields = ["description"]


class DataCategoryLineForm(LineForm):
    class Meta:
        model = DataCategoryLine
        fields = [
            "category",
            "description",
            "retention_value",
            "retention_unit",
            "retention_start",
            "retention_start_other",
            "retention_end",
            "retention_remark",
            "source",
            "is_call_recording",
            "nature",
            "art9_exception",
        ]
        field_classes = {"category": DataCategoryChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "retention_value": forms.NumberInput(attrs={"min": 1}),
        }
        labels = {"retention_value": _("Durée"), "retention_start": _("À compter de")}
        help_texts = {
            "description": _("Les données précises, par exemple « nom, prénom, téléphone »."),
            "retention_value": _("Vide : jusqu'à l'événement de départ."),
            "art9_exception": _("Obligatoire pour une donnée sensible : le traitement est interdit sans elle."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["art9_exception"].choices = [("", _("— choisir l'exception —")), *Art9Exception.choices]
        self.fields["nature"].choices = [("", _("— aucune de ces natures —")), *DataNature.choices]

    @property
    def call_recording_suggested(self):
        """The line's text reads like call recordings but the box is not ticked: say so, let the DPO decide."""
        if self.is_bound:
            description = self.data.get(self.add_prefix("description"), "")
            ticked = self["is_call_recording"].value()
        else:
            description, ticked = self.instance.description, self.instance.is_call_recording
        return not ticked and suggests_call_recording(description)

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("category")
        if category is not None and not category.is_sensitive:
            cleaned["art9_exception"] = ""  # meaningless for ordinary data
        if cleaned.get("retention_start") != RetentionStart.OTHER:
            cleaned["retention_start_other"] = ""
        return cleaned


class DataSubjectLineForm(LineForm):
    columns = {"category": "col-md-4", "detail": "col-md"}

    class Meta:
        model = DataSubjectLine
        fields = ["category", "detail"]
        field_classes = {"category": PreloadedModelChoiceField}


class RecipientForm(LineForm):
    columns = {"category": "col-md-4", "name": "col-md", "organisation": "col-md-3"}

    class Meta:
        model = Recipient
        fields = ["category", "name", "organisation"]
        field_classes = {"category": PreloadedModelChoiceField, "organisation": PreloadedModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = _("— aucune —")


class TransferForm(LineForm):
    columns = {"recipient": "col-md-3", "country": "col-md-3", "safeguard": "col-md-3", "document_reference": "col-md"}

    class Meta:
        model = Transfer
        fields = ["recipient", "country", "safeguard", "document_reference"]
        field_classes = {"country": PreloadedModelChoiceField, "safeguard": PreloadedModelChoiceField}
        labels = {"document_reference": _("Document (lien ou référence)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].label_from_instance = lambda country: (
            f"{country.name} — {_('décision d’adéquation')}" if country.has_adequacy_decision else country.name
        )
        self.fields["safeguard"].label_from_instance = lambda safeguard: f"{safeguard.label} ({safeguard.article})"


class SecurityMeasureForm(LineForm):
    columns = {"category": "col-md-4", "description": "col-md"}

    class Meta:
        model = SecurityMeasure
        fields = ["category", "description"]
        field_classes = {"category": PreloadedModelChoiceField}
        widgets = {"description": forms.Textarea(attrs={"rows": 1})}


def line_formset(form):
    return inlineformset_factory(Treatment, form.Meta.model, form=form, formset=LineFormSet, extra=1, can_delete=True)


SubPurposeFormSet = line_formset(SubPurposeForm)
DataCategoryLineFormSet = line_formset(DataCategoryLineForm)
DataSubjectLineFormSet = line_formset(DataSubjectLineForm)
RecipientFormSet = line_formset(RecipientForm)
TransferFormSet = line_formset(TransferForm)
SecurityMeasureFormSet = line_formset(SecurityMeasureForm)
