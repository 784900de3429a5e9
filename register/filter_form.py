"""The register's filters: one bound form turns a query string into a `RegisterScope`.

The list page, the export views and the `export_register` command all read their filters
through `RegisterFilterForm(params).scope`; the list page also renders the same bound form,
so what the user typed stays in the fields — even a value that was refused, which the page
then names in a French error message (status 400). Nothing is guessed: an unknown value is
an error, and a date is YYYY-MM-DD only (dd/mm against mm/dd cannot be told apart).

People do not type ISO dates: the list page's « État au » box and the history page's
« Voir le registre au » send `day`, typed in the interface language's format (JJ/MM/AAAA in
French) and read by DayField; the list page then redirects to the canonical `?date=YYYY-MM-DD`
URL, the only one links, exports and the command know (`RegisterListForm.typed_day`).
"""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from .choices import ALL_STATUSES, DpiaStatus, TreatmentRole, TreatmentStatus
from .compliance import Severity
from .forms.fields import DayField, DayInput
from .models import Organisation
from .retention_bands import LABELS as RETENTION_BANDS
from .scopes import NO_FINDINGS, SORTS, RegisterScope

SORTABLE_COLUMNS = ("reference", "name", "role", "controller", "status", "created", "updated")
TRUE_VALUES = ("1", "yes", "on", "true")
FALSE_VALUES = ("", "0", "no", "off", "false")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # fromisoformat alone also takes 20250131 and 2025-W05-1


class OrganisationField(forms.Field):
    """An organisation given by its number (the form's links) or its name (typed in a URL or a command)."""

    widget = forms.Select

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        if "\x00" in value:  # PostgreSQL refuses a NUL in a query parameter (a 500): no name holds one
            raise ValidationError(_("Organisation inconnue : « %(value)s »."), code="unknown", params={"value": value})
        # isdecimal() alone lets "²" and 5,000-digit strings through to int(), which raises.
        is_id = value.isascii() and value.isdecimal() and len(value) <= 18
        condition = Q(name__iexact=value) | Q(pk=int(value)) if is_id else Q(name__iexact=value)
        organisation = Organisation.objects.filter(condition).first()
        if organisation is None:
            raise ValidationError(_("Organisation inconnue : « %(value)s »."), code="unknown", params={"value": value})
        return organisation


class IsoDateField(forms.CharField):
    """A day written YYYY-MM-DD, the only form a URL or a command line takes."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            if not ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError(
                _("Date du registre : « %(value)s » n'est pas une date au format AAAA-MM-JJ."),
                code="invalid",
                params={"value": value},
            ) from None


class FlagCheckbox(forms.CheckboxInput):
    """A checkbox that hands its raw value to the field, so « perhaps » is refused rather than read as yes."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=lambda value: str(value).lower() in TRUE_VALUES)

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class FlagField(forms.Field):
    widget = FlagCheckbox

    def to_python(self, value):
        value = str(value or "").strip()
        if value.lower() not in TRUE_VALUES + FALSE_VALUES:
            raise ValidationError(self.error_messages["unknown"], code="unknown", params={"value": value})
        return value.lower() in TRUE_VALUES


def refuse_future(day):
    """The register cannot be shown as it will be: a day after today is refused."""
    if day and day > timezone.localdate():
        raise ValidationError(
            _("Date du registre : le %(date)s est dans le futur ; choisissez aujourd'hui ou une date passée."),
            code="future",
            params={"date": day.strftime("%d/%m/%Y")},
        )
    return day


def as_of_day_field(help_text, size="", required=False):
    """The date box people type in (the list's filter bar, the history page): the language's format."""
    return DayField(
        label=_("État au"),
        required=required,
        help_text=help_text,
        widget=DayInput(attrs={"class": f"form-control {size}".strip()}),
    )


def unknown(message):
    """The error of a choice outside the list, naming the value given."""
    return {"invalid_choice": message}


class FilterBar:
    """What a list's filter bar (templates/register/_filter_bar.html) draws, the register's and
    the findings page's alike: the fields of `bar` in its order, each in its grid column, and
    the hidden fields of `bar_hidden` beside the buttons."""

    bar = {}  # field name → the Bootstrap column classes of its cell
    bar_hidden = ()

    def bar_fields(self):
        return [(self[name], column) for name, column in self.bar.items()]

    def bar_hidden_fields(self):
        return [self[name] for name in self.bar_hidden]


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
        error_messages=unknown(_("Rôle inconnu : « %(value)s ».")),
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
        error_messages=unknown(_("Statut inconnu : « %(value)s ».")),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    client = OrganisationField(label=_("Client"), required=False, widget=forms.Select(attrs={"class": "form-select"}))
    sensitive = forms.TypedChoiceField(
        label=_("Données sensibles"),
        required=False,
        choices=[("", _("Indifférent")), ("yes", _("Oui")), ("no", _("Non"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        error_messages=unknown(_("Filtre « données sensibles » inconnu : « %(value)s ».")),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    overdue = FlagField(
        label=_("Revue en retard"),
        required=False,
        error_messages={"unknown": _("Filtre « revue en retard » inconnu : « %(value)s ».")},
        widget=FlagCheckbox(attrs={"class": "form-check-input", "value": "1"}),
    )
    date = IsoDateField(
        label=_("État au"),
        required=False,
        help_text=_("Le registre tel qu'il était ce jour-là."),
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )
    compliance = forms.ChoiceField(
        label=_("Conformité"),
        required=False,
        help_text=_("Le constat le plus grave de la fiche, à la date affichée."),
        choices=[
            ("", _("Indifférent")),
            *Severity.choices,  # the fiche's most serious finding
            (NO_FINDINGS, _("Aucun constat")),
        ],
        error_messages=unknown(_("Filtre « conformité » inconnu : « %(value)s ».")),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    dpia = forms.ChoiceField(
        label=_("AIPD"),
        required=False,
        choices=[("", _("Indifférent")), *DpiaStatus.choices],
        error_messages=unknown(_("Filtre « AIPD » inconnu : « %(value)s ».")),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    retention = forms.ChoiceField(
        label=_("Conservation"),
        required=False,
        help_text=_("Une ligne de données au moins conservée cette durée."),
        choices=[("", _("Indifférent")), *RETENTION_BANDS.items()],
        error_messages=unknown(_("Filtre « conservation » inconnu : « %(value)s ».")),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    reference = forms.CharField(required=False, widget=forms.HiddenInput)
    sort = forms.ChoiceField(
        required=False,
        choices=[(key, key) for key in SORTS],
        error_messages=unknown(_("Tri inconnu : « %(value)s ».")),
        widget=forms.HiddenInput,
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
            clients.append(chosen)  # any organisation given in the URL stays shown as chosen
        return [("", _("Tous les clients"))] + [(org.pk, org.name) for org in clients]

    def clean_q(self):
        return self.cleaned_data["q"][:200]

    def clean_client(self):
        client = self.cleaned_data["client"]
        if client:  # the URL may name the client rather than give its number: show it selected
            self.data = self.data.copy()
            self.data["client"] = str(client.pk)
        return client

    def clean_date(self):
        return refuse_future(self.cleaned_data["date"])

    @property
    def scope(self):
        """The scope of the values understood, with the French messages of those refused."""
        self.is_valid()
        understood = {name: self.cleaned_data[name] for name in self.fields if name in self.cleaned_data}
        understood["as_of"] = understood.pop("date", None)
        understood["sort"] = understood.get("sort") or "reference"
        values = {name: value for name, value in understood.items() if value not in (None, "")}
        errors = [self.error_text(name, message) for name in self.fields for message in self.errors.get(name, [])]
        return RegisterScope(**values, errors=errors)

    def error_text(self, name, message):
        """A refused value's message as the page's list of errors shows it (each names its filter)."""
        return str(message)


class RegisterListForm(FilterBar, RegisterFilterForm):
    """The list page's filter bar: the same filters, the date typed in a box (`day`) rather than in ISO.

    The bar renders `day` only; on a page `?date=2025-01-31` the box shows « 31/01/2025 » in
    French. When the box was sent (`typed_day`), what it says replaces the URL's `date`, and the
    page redirects to the canonical URL once every value is understood.
    """

    day = as_of_day_field(help_text=_("Le registre tel qu'il était ce jour-là."))

    SMALL = "col-6 col-md-4 col-lg-2"
    bar = {
        "q": "col-12 col-lg-4",
        "role": SMALL,
        "status": "col-6 col-md-4 col-lg-3",
        "client": "col-12 col-md-4 col-lg-3",
        "sensitive": SMALL,
        "compliance": SMALL,
        "dpia": SMALL,
        "retention": SMALL,
        "day": SMALL,
        "overdue": "col-12 col-md-4 col-lg-auto",
    }
    bar_hidden = ("sort",)

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.typed_day = "day" in self.data

    def clean_day(self):
        return refuse_future(self.cleaned_data["day"])

    def clean(self):
        cleaned = super().clean()
        if self.typed_day:
            if "day" in cleaned:
                cleaned["date"] = cleaned.pop("day")
        else:
            cleaned.pop("day", None)
            if cleaned.get("date"):  # the box shows the URL's date in the language's format
                self.data = self.data.copy()
                self.data["day"] = cleaned["date"]
            elif "date" in self.errors:  # ... or, refused, as it was given, its error beside it
                self.data = self.data.copy()
                self.data["day"] = self.data["date"]
                self.errors["day"] = self.errors.pop("date")
        return cleaned

    def error_text(self, name, message):
        if name == "day" and self.typed_day:  # DayField's messages do not say which date they are about
            return _("%(label)s : %(error)s") % {"label": self.fields["day"].label, "error": message}
        return super().error_text(name, message)


class AsOfForm(forms.Form):
    """The history page's « Voir le registre au » box: sent to the list page as its `day`."""

    day = as_of_day_field(
        help_text=_("Le registre entier, tel qu'il était ce jour-là."), size="form-control-sm", required=True
    )


def sort_links(scope):
    """For each sortable column: the URL that sorts by it (reversing when already sorted by it)."""
    links = {}
    current = scope.sort.lstrip("-")
    descending = scope.sort.startswith("-")
    for column in SORTABLE_COLUMNS:
        active = column == current
        sort = f"-{column}" if active and not descending else column
        links[column] = {
            "url": scope.url(sort=sort),
            "active": active,
            "descending": active and descending,
        }
    return links
