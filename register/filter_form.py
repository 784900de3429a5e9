"""The list page's filter bar and sortable headers.

`RegisterScope` (scopes.py) parses and applies the query string; this form only renders
it back, bound to the same GET data, so what the user typed stays in the fields — even a
value the scope refused, which the page then names in its error message.
"""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import TreatmentRole, TreatmentStatus
from .models import Organisation
from .scopes import ALL_STATUSES

SORTABLE_COLUMNS = ("reference", "name", "role", "controller", "status", "created", "updated")


def client_organisations():
    """Organisations CentreCall processes data for: the controllers of processor fiches."""
    return Organisation.objects.filter(controlled_treatments__role=TreatmentRole.PROCESSOR).distinct().order_by("name")


class RegisterFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Recherche"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Nom, référence, finalité, données…"), "class": "form-control"}
        ),
    )
    role = forms.ChoiceField(
        label=_("Rôle"),
        required=False,
        choices=[("", _("Tous les rôles")), *TreatmentRole.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    status = forms.ChoiceField(
        label=_("Statut"),
        required=False,
        choices=[
            ("", _("Toutes sauf archivées")),
            *TreatmentStatus.choices,
            (ALL_STATUSES, _("Toutes, archivées comprises")),
        ],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    client = forms.ChoiceField(label=_("Client"), required=False, widget=forms.Select(attrs={"class": "form-select"}))
    sensitive = forms.ChoiceField(
        label=_("Données sensibles"),
        required=False,
        choices=[("", _("Indifférent")), ("yes", _("Oui")), ("no", _("Non"))],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    overdue = forms.BooleanField(
        label=_("Revue en retard"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input", "value": "1"}),
    )
    date = forms.CharField(
        label=_("État au"),
        required=False,
        help_text=_("Le registre tel qu'il était ce jour-là."),
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, scope):
        super().__init__(data)
        clients = list(client_organisations())
        if scope.client and scope.client not in clients:
            clients.append(scope.client)  # any organisation given in the URL stays shown as chosen
        self.fields["client"].choices = [("", _("Tous les clients"))] + [(org.pk, org.name) for org in clients]
        if scope.client:  # the URL may name the client rather than give its number
            self.data = self.data.copy()
            self.data["client"] = str(scope.client.pk)


def sort_links(scope):
    """For each sortable column: the URL that sorts by it (reversing when already sorted by it)."""
    links = {}
    current = scope.sort.lstrip("-")
    descending = scope.sort.startswith("-")
    for column in SORTABLE_COLUMNS:
        active = column == current
        sort = f"-{column}" if active and not descending else column
        params = {**scope.to_params(), "sort": sort}
        if sort == "reference":
            del params["sort"]
        links[column] = {
            "url": "?" + urlencode(params),
            "active": active,
            "descending": active and descending,
        }
    return links
