"""The journal page's filters: who, which kind of action, from which day to which day."""

from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from register.forms.fields import DayField, DayInput

from .models import AuditAction, AuditEntry


def _day_field(label):
    return DayField(label=label, required=False, widget=DayInput(attrs={"class": "form-control form-control-sm"}))


class JournalFilterForm(forms.Form):
    user = forms.CharField(
        label=_("Utilisateur"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm", "type": "search"}),
    )
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Toutes"))] + AuditAction.choices,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": _("« %(value)s » n'est pas une action du journal.")},
    )
    start = _day_field(_("Du"))
    end = _day_field(_("Au"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise ValidationError(
                _("La période va du %(start)s au %(end)s : la date de début doit précéder la date de fin."),
                code="reversed",
                params={"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y")},
            )
        return cleaned

    def entries(self):
        """The entries the valid filters select, newest first (days in the site's time zone)."""
        entries = AuditEntry.objects.all()
        cleaned = self.cleaned_data
        if cleaned.get("user"):
            entries = entries.filter(username__iexact=cleaned["user"].strip())
        if cleaned.get("action"):
            entries = entries.filter(action=cleaned["action"])
        if cleaned.get("start"):
            entries = entries.filter(at__gte=_start_of(cleaned["start"]))
        if cleaned.get("end"):
            entries = entries.filter(at__lt=_start_of(cleaned["end"] + timedelta(days=1)))
        return entries

    def describe(self):
        """The filters in words, for the export's title (« toutes les entrées » without any)."""
        cleaned = self.cleaned_data
        parts = []
        if cleaned.get("user"):
            parts.append(_("utilisateur « %(user)s »") % {"user": cleaned["user"].strip()})
        if cleaned.get("action"):
            parts.append(str(AuditAction(cleaned["action"]).label))
        if cleaned.get("start"):
            parts.append(_("depuis le %(day)s") % {"day": cleaned["start"].strftime("%d/%m/%Y")})
        if cleaned.get("end"):
            parts.append(_("jusqu'au %(day)s") % {"day": cleaned["end"].strftime("%d/%m/%Y")})
        return ", ".join(parts) or str(_("toutes les entrées"))

    def error_list(self):
        """Each error with the label of the box it is about."""
        errors = []
        for name, messages in self.errors.items():
            label = self.fields[name].label if name in self.fields else ""
            errors += [f"{label} : {message}" if label else message for message in messages]
        return errors


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))
