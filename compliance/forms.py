"""The findings page's filters: one bound form turns a query string into a FindingsScope.

The page, its PDF and ODS exports read the same form, so an export gives what the page
shows. An unknown value is refused with a French message naming it (the page answers 400),
never guessed: the dashboard and bookmarks link with `severity=blocking`, `rule=<rule>`,
`client=<organisation number>`, `role=controller|processor`, `kind=fiche|operation|form|breach`, `q=…`.
"""

from django import forms
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from register.choices import TreatmentRole
from register.compliance import Severity, rules, subject_sources
from register.filter_form import FilterBar, OrganisationField, unknown

from .findings import FindingsScope

SELECT = {"class": "form-select"}


def rule_choices():
    return [("", _("Toutes les règles")), *rules()]


def kind_choices():
    return [("", _("Tous les sujets")), *((source.kind, source.label) for source in subject_sources())]


class FindingsFilterForm(FilterBar, forms.Form):
    bar = {
        "q": "col-12 col-lg-3",
        "severity": "col-6 col-md-4 col-lg-2",
        "rule": "col-6 col-md-4 col-lg-3",
        "kind": "col-6 col-md-4 col-lg-2",
        "role": "col-6 col-md-4 col-lg-2",
        "client": "col-12 col-md-4 col-lg-3",
    }

    severity = forms.ChoiceField(
        label=_("Gravité"),
        required=False,
        choices=[("", _("Toutes les gravités")), *Severity.choices],
        error_messages=unknown(_("Gravité inconnue : « %(value)s ».")),
        widget=forms.Select(attrs=SELECT),
    )
    rule = forms.ChoiceField(
        label=_("Règle"),
        required=False,
        choices=CallableChoiceIterator(rule_choices),  # the registry as it is when the page is asked
        error_messages=unknown(_("Règle inconnue : « %(value)s ».")),
        widget=forms.Select(attrs=SELECT),
    )
    client = OrganisationField(label=_("Client"), required=False, widget=forms.Select(attrs=SELECT))
    role = forms.ChoiceField(
        label=_("Rôle"),
        required=False,
        choices=[("", _("Tous les rôles")), *TreatmentRole.choices],
        error_messages=unknown(_("Rôle inconnu : « %(value)s ».")),
        widget=forms.Select(attrs=SELECT),
    )
    kind = forms.ChoiceField(
        label=_("Sujet"),
        required=False,
        choices=CallableChoiceIterator(kind_choices),
        error_messages=unknown(_("Type de sujet inconnu : « %(value)s ».")),
        widget=forms.Select(attrs=SELECT),
    )
    q = forms.CharField(
        label=_("Recherche"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Fiche, message, correction…"), "class": "form-control"}
        ),
    )

    def __init__(self, data, *, clients=()):
        """`clients`: the organisations the client menu offers (Organisation.objects.processor_clients())."""
        super().__init__(data)
        self.clients = list(clients)
        self.fields["client"].widget.choices = CallableChoiceIterator(self.client_choices)

    def client_choices(self):
        clients = list(self.clients)
        chosen = self.cleaned_data.get("client") if hasattr(self, "cleaned_data") else None
        if chosen and chosen not in clients:
            clients.append(chosen)  # an organisation named in the URL stays shown as chosen
        return [("", _("Tous les clients"))] + [(org.pk, org.name) for org in clients]

    def clean_q(self):
        return self.cleaned_data["q"].strip()[:200]

    def clean_client(self):
        client = self.cleaned_data["client"]
        if client:  # named rather than numbered in the URL: shown selected
            self.data = self.data.copy()
            self.data["client"] = str(client.pk)
        return client

    @property
    def scope(self):
        """The scope of the values understood, with the French message of each value refused."""
        self.is_valid()
        values = {
            name: value for name, value in self.cleaned_data.items() if name in self.fields and value not in (None, "")
        }
        errors = [str(message) for name in self.fields for message in self.errors.get(name, [])]
        return FindingsScope(**values, errors=errors)
