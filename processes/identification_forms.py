"""The collection form and its fields edited on one page: the form's own fields and an
inline formset, one row per field (static/js/formsets.js adds and removes rows; without
JavaScript there is one empty row and a « Supprimer » checkbox per row; the « Ordre »
number reorders them).

Hostile input is refused here, before anything is written: a label or example over its
length, a data category or channel that is not in the lists, more rows than MAX_FIELDS.
"""

from django import forms
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from register.forms.fields import DataCategoryChoiceField, LineIdField
from register.models import DataCategory, Treatment

from .models import CollectionForm, FormField, Process

MAX_FIELDS = 200  # a questionnaire of more fields is not one; the formset refuses more rows


class CollectionFormForm(forms.ModelForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CollectionForm
        fields = ["name", "description", "treatment", "process", "respondent_identified"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["treatment"].queryset = Treatment.objects.order_by("reference")
        self.fields["treatment"].label_from_instance = lambda fiche: f"{fiche.reference} — {fiche.name}"
        self.fields["treatment"].empty_label = _("— aucune —")
        self.fields["process"].queryset = Process.objects.order_by("name")
        self.fields["process"].empty_label = _("— aucun —")
        if self.instance.pk is not None:
            self.fields["loaded_version"].initial = self.instance.version

    @property
    def version_loaded(self):
        value = self.data.get(self.add_prefix("loaded_version"), "")
        return int(value) if str(value).isdigit() else None


class FormFieldForm(forms.ModelForm):
    is_personal = forms.NullBooleanField(
        label=_("Donnée personnelle ?"),
        required=False,
        widget=forms.NullBooleanSelect,
    )

    class Meta:
        model = FormField
        fields = [
            "position",
            "label",
            "example",
            "channel",
            "is_personal",
            "identification",
            "data_category",
            "is_sensitive",
            "justification",
            "confirmed",
        ]
        field_classes = {"data_category": DataCategoryChoiceField}
        widgets = {"justification": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        self.fields["is_personal"].widget.choices = [
            ("unknown", _("— à décider —")),
            ("true", _("Oui")),
            ("false", _("Non")),
        ]
        self.fields["data_category"].queryset = DataCategory.objects.all()
        self.fields["data_category"].empty_label = _("— aucune —")

    def _get_validation_exclusions(self):
        # The preloaded category field already proved its object exists (no query per row).
        return super()._get_validation_exclusions() | {"data_category"}

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("data_category")
        if cleaned.get("is_personal") is False:
            cleaned["identification"], cleaned["data_category"], cleaned["is_sensitive"] = "", None, False
        elif category is not None and category.is_sensitive:
            cleaned["is_sensitive"] = True  # an art. 9 or 10 category is sensitive whatever the box says
        if cleaned.get("confirmed") and cleaned.get("is_personal") is None:
            self.add_error("confirmed", _("Décidez d'abord si le champ est une donnée personnelle."))
        return cleaned


class FormFieldFormSet(BaseInlineFormSet):
    """Rows in « Ordre » order; a row without a number goes after the others."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["id"] = LineIdField(
            FormField.objects.none(), required=False, widget=forms.HiddenInput, initial=form.fields["id"].initial
        )
        form.fields["id"].preload(self.get_queryset())
        if not hasattr(self, "_categories"):
            self._categories = list(DataCategory.objects.all())
        form.fields["data_category"].preload(self._categories)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Supprimer")
            form.fields["DELETE"].widget.attrs["class"] = "form-check-input"

    def save(self, commit=True):
        kept = [form for form in self.forms if form.has_changed() or form.instance.pk is not None]
        kept = [form for form in kept if not self._should_delete_form(form)]
        last = max((form.cleaned_data.get("position") or 0 for form in kept), default=0)
        for form in kept:
            if form.cleaned_data.get("position") is None:
                last += 1
                form.instance.position = last
        return super().save(commit=commit)


FormFieldInlineFormSet = inlineformset_factory(
    CollectionForm,
    FormField,
    form=FormFieldForm,
    formset=FormFieldFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_FIELDS,
    absolute_max=MAX_FIELDS,
    validate_max=True,
)
