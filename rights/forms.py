"""The DPO's request form and the list's filters."""

from django import forms
from django.db.models import Q
from django.db.models.lookups import Contains
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from incidents.forms import Styled
from register.forms.fields import DayField
from register.models import Treatment
from register.search import Folded, fold

from .choices import RequestKind, RequestStatus
from .models import REQUEST_NUMBERS, DataSubjectRequest

DAY_FIELDS = ("received_on", "identity_checked_on", "extension_notified_on", "forwarded_on", "answered_on")


class FicheChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, fiche):
        return f"{fiche.reference} — {fiche.name}"


class RequestForm(Styled, forms.ModelForm):
    """Recording a request and following it up to its answer, on one page.

    The model's clean() holds the rules (deadline, extension, refusal); this form adds the one
    that needs the status the request had when the page was opened: the flow only goes forwards.
    """

    treatments = FicheChoiceField(
        Treatment.objects.select_related("controller").order_by("reference"),
        label=_("Fiches concernées"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Une fiche où CentreCall est sous-traitant : la demande est transmise au client (art. 28(3)(e))."),
    )
    # The version the page was built from (Versioned.raise_version refuses a stale one).
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = DataSubjectRequest
        fields = [
            "kind",
            "person_name",
            "person_contact",
            "channel",
            "received_on",
            "details",
            "treatments",
            "status",
            "identity_check_needed",
            "identity_checked_on",
            "identity_check_method",
            "forwarded_on",
            "extension_months",
            "extension_reason",
            "extension_notified_on",
            "answered_on",
            "answer",
            "answer_proof",
            "refusal_reason",
            "cnil_complaint_mentioned",
        ]
        field_classes = dict.fromkeys(DAY_FIELDS, DayField)
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("details", "extension_reason", "answer", "refusal_reason")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loaded_status = self.instance.status if self.instance.pk else RequestStatus.RECEIVED
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
            self.fields["loaded_version"].required = True
        else:
            self.fields["received_on"].initial = timezone.localdate()
        self.fields["extension_months"].choices = [
            ("", _("Pas de prolongation")),
            *self.fields["extension_months"].choices[1:],
        ]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if not self.instance.can_move_to(status, from_status=self.loaded_status):
            raise forms.ValidationError(
                _("Une demande ne revient pas de « %(current)s » à « %(wanted)s ».")
                % {"current": RequestStatus(self.loaded_status).label, "wanted": RequestStatus(status).label}
            )
        return status


class RequestFilterForm(forms.Form):
    """The list's filters, read from the query string; a value it does not know is an error."""

    q = forms.CharField(label=_("Recherche"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Droit"), required=False, choices=[("", _("Tous")), *RequestKind.choices])
    status = forms.ChoiceField(
        label=_("Statut"), required=False, choices=[("", _("Tous")), ("open", _("En cours")), *RequestStatus.choices]
    )
    fiche = forms.ChoiceField(label=_("Fiche"), required=False)
    overdue = forms.BooleanField(label=_("En retard seulement"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fiches = Treatment.objects.filter(subject_requests__isnull=False).distinct().order_by("reference")
        self.fields["fiche"].choices = [("", _("Toutes")), *fiches.values_list("reference", "reference")]

    def requests(self, today=None):
        """The requests the filters keep, newest first, or None when a filter is not understood."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        queryset = DataSubjectRequest.objects.for_pages()
        if data["overdue"]:
            queryset = queryset.overdue(today)
        if data["status"] == "open":
            queryset = queryset.open()
        elif data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["fiche"]:
            queryset = queryset.filter(treatments__reference=data["fiche"])
        for word in fold(data["q"]).split():  # regardless of case and accents, like the register's search
            condition = Contains(Folded("person_name"), word) | Contains(Folded("details"), word)
            if (number := REQUEST_NUMBERS.parse(word.upper())) is not None:
                condition |= Q(number=number)
            queryset = queryset.filter(condition)
        return queryset.order_by("-number")
