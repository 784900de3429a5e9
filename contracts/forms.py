"""The contract's one-page form: the contract, its transfers and its sub-processors."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from incidents.forms import Styled
from register.forms.fields import DayField
from register.models import Organisation, Treatment

from .choices import Art28Clause
from .documents import ACCEPTED_LABEL, MAX_DOCUMENT_LABEL, check_document
from .models import Contract, ContractTransfer, SubProcessor

CLAUSE_FIELDS = [clause.field_name for clause in Art28Clause]


class ContractForm(Styled, forms.ModelForm):
    start_date = DayField(label=_("Date d'effet"))
    end_date = DayField(label=_("Date de fin"), required=False, help_text=_("Vide : durée indéterminée."))
    next_review_date = DayField(label=_("Prochaine revue"), required=False)
    upload = forms.FileField(
        label=_("Contrat signé (facultatif)"),
        required=False,
        help_text=format_lazy(_("{accepted} ; {size} au plus."), accepted=ACCEPTED_LABEL, size=MAX_DOCUMENT_LABEL),
    )
    # The version the page was built from (Contract.raise_version refuses a stale one).
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = Contract
        fields = [
            "direction",
            "organisation",
            "title",
            "treatments",
            "start_date",
            "end_date",
            "next_review_date",
            *CLAUSE_FIELDS,
            "locations",
            "security_commitments",
            "notes",
        ]
        widgets = {
            "treatments": forms.CheckboxSelectMultiple,
            "security_commitments": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(kind="self")
        self.fields["treatments"].queryset = Treatment.objects.exclude(status="archived").only("reference", "name")
        self.fields["loaded_version"].initial = self.instance.version

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            check_document(upload)
        return upload

    def clause_fields(self):
        return [self[name] for name in CLAUSE_FIELDS]


class TransferForm(Styled, forms.ModelForm):
    class Meta:
        model = ContractTransfer
        fields = ["recipient", "country", "safeguard"]


class SubProcessorForm(Styled, forms.ModelForm):
    authorised_on = DayField(label=_("Autorisé le"), required=False)

    class Meta:
        model = SubProcessor
        fields = ["name", "service", "country", "authorisation", "authorised_on"]


TransferFormSet = inlineformset_factory(Contract, ContractTransfer, form=TransferForm, extra=1, can_delete=True)
SubProcessorFormSet = inlineformset_factory(Contract, SubProcessor, form=SubProcessorForm, extra=1, can_delete=True)


class ContractFilterForm(forms.Form):
    """The list's search and filters, read from the query string."""

    q = forms.CharField(label=_("Rechercher"), required=False, max_length=200)
    direction = forms.ChoiceField(label=_("Sens"), required=False)
    attention = forms.BooleanField(label=_("À revoir seulement"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .choices import ContractDirection

        self.fields["direction"].choices = [("", _("Tous")), *ContractDirection.choices]
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            else:
                field.widget.attrs["class"] = "form-check-input"
