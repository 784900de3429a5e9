"""The incident forms: the short report anyone files, and the DPO's qualification."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from processes.models import Operation
from register.forms.fields import DayField
from register.models import DataCategory, Treatment

from .attachments import ACCEPTED_LABEL, MAX_ATTACHMENT_LABEL, checked_content_type
from .models import AuthorityNotification, CorrectiveAction, Incident, validate_not_future

ATTACHMENT_HELP = format_lazy(_("{accepted} ; {size} au plus."), accepted=ACCEPTED_LABEL, size=MAX_ATTACHMENT_LABEL)
MOMENT_FORMATS = ["%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"]
DAY_ONLY_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class MomentField(forms.DateTimeField):
    """A date and a time typed JJ/MM/AAAA HH:MM (or ISO 8601), read in Europe/Paris time.

    An hour that does not exist (the spring change) or exists twice (the autumn one) is
    refused by Django's from_current_timezone, never shifted silently."""

    def __init__(self, *, day_only=False, **kwargs):
        formats = MOMENT_FORMATS + (DAY_ONLY_FORMATS if day_only else [])
        example = _("JJ/MM/AAAA HH:MM, par exemple 15/09/2020 14:30")
        hint = (
            _("Format : JJ/MM/AAAA, ou JJ/MM/AAAA HH:MM si l'heure est connue.")
            if day_only
            else _("Format : JJ/MM/AAAA HH:MM (heure de Paris).")
        )
        kwargs.setdefault("help_text", hint)
        super().__init__(input_formats=formats, **kwargs)
        self.error_messages["invalid"] = format_lazy(_("Saisissez la date et l'heure au format {}."), example)
        self.widget.attrs.update({"autocomplete": "off", "size": "16"})
        self.widget.format = "%d/%m/%Y %H:%M"


class Styled:
    """Bootstrap's classes on every widget, so that the templates only lay the fields out."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple):
                continue
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = css


class QualificationSelect(forms.NullBooleanSelect):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", _("Pas encore qualifié")), ("true", _("Oui")), ("false", _("Non"))]


class ReportForm(Styled, forms.ModelForm):
    """What a member of staff knows when something goes wrong: short, no register vocabulary."""

    occurred_at = MomentField(label=_("Date de l'incident"), day_only=True)
    attachment = forms.FileField(
        label=_("Pièce jointe (facultative)"),
        required=False,
        help_text=ATTACHMENT_HELP,
    )

    class Meta:
        model = Incident
        fields = ["occurred_at", "reporter_role", "source_application", "channel", "subject", "message"]
        labels = {"reporter_role": _("Votre fonction")}
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def clean_occurred_at(self):
        moment = self.cleaned_data["occurred_at"]
        validate_not_future(moment)
        return moment

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            self.attachment_type = checked_content_type(upload)
        return upload


class OperationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, operation):
        return f"{operation.process} — {operation}"


class QualifyForm(Styled, forms.ModelForm):
    """The DPO's page: the ticket's facts, the breach qualification, notifications and status."""

    occurred_at = MomentField(label=_("Survenu le"))
    aware_at = MomentField(label=_("Prise de connaissance"), required=False)
    controller_warned_at = MomentField(label=_("Client responsable prévenu le"), required=False)
    persons_communicated_at = MomentField(label=_("Personnes informées le"), required=False)
    is_breach = forms.NullBooleanField(
        label=_("Violation de données personnelles (art. 4(12))"),
        widget=QualificationSelect,
        required=False,
    )
    treatments = forms.ModelMultipleChoiceField(
        Treatment.objects.order_by("reference"),
        label=_("Fiches concernées"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    operations = OperationChoiceField(
        Operation.objects.filter(personal_data=True)
        .select_related("process", "treatment")
        .order_by("process__name", "process_id", "position", "pk"),
        label=_("Opérations concernées"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Les étapes des processus où l'incident s'est produit ; leur fiche est ajoutée aux fiches concernées."
        ),
    )
    data_categories = forms.ModelMultipleChoiceField(
        DataCategory.objects.all(),
        label=_("Catégories de données concernées"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # The version the page was built from (Incident.raise_version refuses a stale one).
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Incident
        fields = [
            "status",
            "subject",
            "message",
            "occurred_at",
            "source_application",
            "channel",
            "treatments",
            "operations",
            "is_breach",
            "breach_reasoning",
            "confidentiality",
            "integrity",
            "availability",
            "data_categories",
            "data_description",
            "persons_description",
            "persons_count",
            "records_count",
            "consequences",
            "risk_level",
            "risk_reasoning",
            "aware_at",
            "not_notified_reason",
            "lateness_reason",
            "controller_warned_at",
            "controller_delay_hours",
            "persons_communication",
            "persons_communicated_at",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in (
                "message",
                "breach_reasoning",
                "data_description",
                "consequences",
                "risk_reasoning",
                "not_notified_reason",
                "lateness_reason",
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_breach") and not cleaned.get("aware_at"):
            self.add_error(
                "aware_at", _("Une violation a un moment de prise de connaissance : le délai de 72 heures en part.")
            )
        for name in ("aware_at", "controller_warned_at", "persons_communicated_at"):
            moment = cleaned.get(name)
            if moment and moment > timezone.now():
                self.add_error(name, _("Cette date est dans le futur."))
        self._add_the_fiches_of_the_operations(cleaned)
        return cleaned

    @staticmethod
    def _add_the_fiches_of_the_operations(cleaned):
        """An operation on personal data belongs to a fiche: the incident concerns that fiche too."""
        treatments = cleaned.get("treatments")
        if treatments is None:
            return
        chosen = {treatment.pk for treatment in treatments}
        implied = {operation.treatment_id for operation in cleaned.get("operations") or () if operation.treatment_id}
        if implied - chosen:
            cleaned["treatments"] = Treatment.objects.filter(pk__in=chosen | implied).order_by("reference")

    def save(self, commit=True):
        incident = super().save(commit=False)
        if "status" in self.changed_data:
            incident.set_status(self.cleaned_data["status"])
        if commit:
            incident.save()
            self._save_m2m()
        return incident


class CorrectiveActionForm(Styled, forms.ModelForm):
    due_date = DayField(label=_("Échéance"), required=False)
    done_date = DayField(label=_("Réalisée le"), required=False)

    class Meta:
        model = CorrectiveAction
        fields = ["description", "owner", "due_date", "done_date"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def clean_done_date(self):
        day = self.cleaned_data.get("done_date")
        if day and day > timezone.localdate():
            raise ValidationError(
                _("Cette date est dans le futur : une action n'est pas réalisée avant d'avoir eu lieu.")
            )
        return day


class NotificationForm(Styled, forms.ModelForm):
    sent_at = MomentField(label=_("Envoyée le"))

    class Meta:
        model = AuthorityNotification
        fields = ["kind", "sent_at", "authority_reference", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 2})}

    def clean_sent_at(self):
        moment = self.cleaned_data["sent_at"]
        if moment > timezone.now():
            raise ValidationError(_("Cette date est dans le futur."))
        return moment


class AttachmentForm(Styled, forms.Form):
    file = forms.FileField(
        label=_("Pièce jointe"),
        help_text=ATTACHMENT_HELP,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.attachment_type = checked_content_type(upload)
        return upload
