"""The querysets incident pages and exports share, with their prefetches, and the list filter."""

from django import forms
from django.db import models
from django.db.models.lookups import Contains
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from processes.models import Operation
from register.search import Folded, fold

from .choices import IncidentStatus, RiskLevel
from .models import Incident


def incidents_for_pages():
    """One incident's page: everything the list shows, its operations and its attachments."""
    return Incident.objects.for_pages().prefetch_related(
        models.Prefetch("operations", queryset=Operation.objects.select_related("process")), "attachments"
    )


class IncidentFilterForm(forms.Form):
    """The list's filters, read from the query string; a value it does not know is an error."""

    q = forms.CharField(label=_("Rechercher"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Statut"),
        required=False,
        choices=[("", _("Tous")), ("open", _("Non clos")), *IncidentStatus.choices],
    )
    breach = forms.ChoiceField(
        label=_("Violation"),
        required=False,
        choices=[("", _("Toutes")), ("yes", _("Oui")), ("no", _("Non")), ("unknown", _("Pas encore qualifié"))],
    )
    risk = forms.ChoiceField(label=_("Risque"), required=False, choices=[("", _("Tous")), *RiskLevel.choices])
    application = forms.ChoiceField(label=_("Application"), required=False)
    overdue = forms.BooleanField(label=_("En retard seulement"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        applications = Incident.objects.exclude(source_application="").values_list("source_application", flat=True)
        names = sorted(set(applications.distinct()), key=str.casefold)
        self.fields["application"].choices = [("", _("Toutes")), *((name, name) for name in names)]

    def incidents(self):
        """The incidents the filters keep, with what their rows show (a fixed number of queries)."""
        queryset = Incident.objects.for_pages()
        if not self.is_valid():
            return None
        data = self.cleaned_data
        if data["status"] == "open":
            queryset = queryset.open()
        elif data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["breach"]:
            queryset = queryset.filter(is_breach={"yes": True, "no": False, "unknown": None}[data["breach"]])
        if data["risk"]:
            queryset = queryset.filter(risk_level=data["risk"])
        if data["application"]:
            queryset = queryset.filter(source_application=data["application"])
        for word in fold(data["q"]).split():  # regardless of case and accents, like the register's search
            queryset = queryset.filter(self._matches(word))
        incidents = list(queryset)
        if data["overdue"]:
            now = timezone.now()
            incidents = [incident for incident in incidents if incident.is_late_at(now)]
        return incidents

    @staticmethod
    def _matches(word):
        """The word in the subject, the message or the reporter's name, or the number (« INC-004 », « 4 »)."""
        condition = models.Q(
            *(Contains(Folded(name), word) for name in ("subject", "message", "reporter_name")), _connector=models.Q.OR
        )
        number = word.removeprefix("inc-")
        if number.isdigit():
            condition |= models.Q(number=int(number))
        return condition
