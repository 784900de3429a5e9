"""The process editor: the process's own fields and its four tables (actors, events,
operations, emission rules) as formsets, checked together and saved together
(processes/editing.py).

A row created in a POST has no primary key yet, so nothing else in the same POST can
point at it. The lists of actors, triggering events, rule operations and rule targets
therefore offer the rows already saved in this process, and the page says so: the DPO
adds the actors and events, saves (« Enregistrer et continuer »), then the operations,
saves, then their rules. Every list is limited to this process, so a forged pk of
another process's row is refused as an invalid choice.

The rows of every list are read once for the whole page (EditorChoices: one query per kind),
whatever the number of rows; each row's select draws from them (ListedChoices).
"""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.forms.models import (
    BaseInlineFormSet,
    BaseModelFormSet,
    ModelChoiceIterator,
    inlineformset_factory,
    modelformset_factory,
)
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .models import Actor, EmissionRule, Event, Operation, Process

# The operation's category lists, and the fiche lines (reverse lookups) that declare them.
DECLARED_BY_LINES = {
    "data_categories": "datacategoryline",
    "data_subjects": "datasubjectline",
    "recipients": "recipient",
}
EXTRA_ROWS = 1  # one empty row per table without JavaScript; the script adds more


class ListedChoices(ModelChoiceIterator):
    """A select's options from `field.listed`, a list read once for the page, instead of one
    query per row; the field's queryset still checks what is sent."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.listed:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.listed) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.listed)


def offer(field, queryset, listed):
    """Let `field` accept `queryset` and show the options `listed`."""
    field.queryset = queryset
    field.listed = listed
    field.iterator = ListedChoices
    field.widget.choices = field.choices


class EditorChoices:
    """What the lists of the process's rows offer, each kind read in one query when first used."""

    def __init__(self, process):
        self.process = process

    @cached_property
    def actors(self):
        return list(self.process.actors.all())

    @cached_property
    def events(self):
        return list(self.process.events.all())

    @cached_property
    def operations(self):
        return list(self.process.operations.all())

    @cached_property
    def treatments(self):
        return list(self.process.treatments.all())

    @cached_property
    def categories(self):
        """For each category list of the operations: the categories the process's fiches
        declare or one of its operations names, each marked `declared` or not."""
        lists = {}
        for name, line_lookup in DECLARED_BY_LINES.items():
            model = Operation._meta.get_field(name).related_model
            declared = model.objects.filter(pk=OuterRef("pk"), **{f"{line_lookup}__treatment__processes": self.process})
            named = Q(pk__in=Operation.objects.filter(process=self.process).values(name))
            lists[name] = list(model.objects.annotate(declared=Exists(declared)).filter(Q(declared=True) | named))
        return lists


class ProcessForm(forms.ModelForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Process
        fields = ["name", "description", "client", "treatments", "status"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "treatments": forms.SelectMultiple(attrs={"size": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version
        self.fields["client"].queryset = self.fields["client"].queryset.order_by("name")


class RowForm(forms.ModelForm):
    """A row of one of the process's tables; `position` is its place (« Ordre »), which the
    page's arrows rewrite and which can be typed without JavaScript."""

    def __init__(self, *args, process=None, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        self.choices = choices or EditorChoices(process)
        self.fields["position"].widget.attrs.update({"min": 0, "max": 999, "class": "row-position"})
        self.fields["position"].required = False
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-check-input"
        if "DELETE" in self.fields:
            self.fields["DELETE"].label = _("Supprimer")

    columns = {}  # field name → Bootstrap width in the row

    def visible_columns(self):
        # Not the inline formset's hidden process key: Django appends it to Meta.fields, and the
        # row template already writes the hidden fields (once: a second copy repeats its id).
        return [
            (self[name], f"col-md-{self.columns.get(name, 2)}")
            for name in type(self).Meta.fields
            if not self[name].is_hidden
        ]

    def has_changed(self):
        # The page's script numbers every row, the empty ones too: a place alone is no new row.
        if self.instance.pk is None:
            return any(name != "position" for name in self.changed_data)
        return super().has_changed()

    def clean_position(self):
        return self.cleaned_data.get("position") or 0


class ActorForm(RowForm):
    class Meta:
        model = Actor
        fields = ["position", "name", "external"]

    columns = {"position": 1, "name": 6, "external": 2}


class EventForm(RowForm):
    class Meta:
        model = Event
        fields = ["position", "label", "actor"]

    columns = {"position": 1, "label": 6, "actor": 3}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self.fields["actor"], self.process.actors.all(), self.choices.actors)


class OperationForm(RowForm):
    class Meta:
        model = Operation
        fields = [
            "position",
            "description",
            "actor",
            "automated",
            "triggers",
            "join",
            "personal_data",
            "purpose",
            "treatment",
            "data_categories",
            "data_subjects",
            "recipients",
            "recipients_detail",
        ]
        widgets = {
            name: forms.SelectMultiple(attrs={"size": 3})
            for name in ("triggers", "data_categories", "data_subjects", "recipients")
        }

    columns = {
        "position": 1,
        "description": 5,
        "actor": 3,
        "automated": 3,
        "triggers": 3,
        "join": 3,
        "personal_data": 2,
        "purpose": 4,
        "treatment": 4,
        "data_categories": 4,
        "data_subjects": 4,
        "recipients": 4,
        "recipients_detail": 5,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self.fields["actor"], self.process.actors.all(), self.choices.actors)
        offer(self.fields["triggers"], self.process.events.all(), self.choices.events)
        offer(self.fields["treatment"], self.process.treatments.all(), self.choices.treatments)
        self.fields["treatment"].help_text = _("Parmi les fiches liées au processus.")
        # The categories offered are those the process's fiches declare, and those the row
        # already names (a mismatch stays visible, and the compliance check reports it).
        for name, line_lookup in DECLARED_BY_LINES.items():
            field = self.fields[name]
            declared = Q(**{f"{line_lookup}__treatment__processes": self.process})
            named = set()
            if self.instance.pk is not None:
                declared |= Q(pk__in=getattr(self.instance, name).values("pk"))
                named = {category.pk for category in getattr(self.instance, name).all()}
            listed = [c for c in self.choices.categories[name] if c.declared or c.pk in named]
            offer(field, field.queryset.filter(declared).distinct(), listed)
            field.help_text = _("Parmi les catégories que déclarent les fiches du processus.")


class RuleForm(RowForm):
    class Meta:
        model = EmissionRule
        fields = ["position", "operation", "label", "target_event", "target_operation"]

    columns = {"position": 1, "operation": 3, "label": 2, "target_event": 3, "target_operation": 2}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        operations = self.process.operations.all()
        offer(self.fields["operation"], operations, self.choices.operations)
        offer(self.fields["target_event"], self.process.events.all(), self.choices.events)
        offer(self.fields["target_operation"], operations, self.choices.operations)
        self.fields["target_event"].help_text = ""


class SavedRowsMixin:
    def clean(self):
        super().clean()
        # A saved row's hidden id must name a row of this table of this process: Django would
        # quietly make a forged or vanished one a new row.
        if any(form.instance.pk is None for form in self.initial_forms):
            raise forms.ValidationError(
                _("Une ligne envoyée n'existe pas dans ce processus : ouvrez de nouveau la page et recommencez.")
            )


class ProcessRowFormSet(SavedRowsMixin, BaseInlineFormSet):
    def __init__(self, *args, choices=None, **kwargs):
        self.choices = choices
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "process": self.instance, "choices": self.choices}

    @property
    def kept_forms(self):
        """The filled-in rows not marked for deletion."""
        return [
            form
            for form in self.forms
            if not self._should_delete_form(form) and (form.instance.pk is not None or form.has_changed())
        ]

    @property
    def deleted_pks(self):
        return {form.instance.pk for form in self.forms if self._should_delete_form(form) and form.instance.pk}


class ActorFormSet(ProcessRowFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.kept_forms:
            name = (form.cleaned_data.get("name") or "").strip().casefold()
            if name and name in seen:
                form.add_error("name", _("Deux acteurs de ce processus portent ce nom : nommez-les autrement."))
            seen.add(name)


class RuleFormSet(SavedRowsMixin, BaseModelFormSet):
    def __init__(self, *args, process, choices=None, **kwargs):
        self.process = process
        self.choices = choices
        kwargs.setdefault(
            "queryset", EmissionRule.objects.filter(operation__process=process).order_by("position", "id")
        )
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "process": self.process, "choices": self.choices}

    kept_forms = ProcessRowFormSet.kept_forms
    deleted_pks = ProcessRowFormSet.deleted_pks


def row_formset(form, formset, fields):
    return inlineformset_factory(
        Process, form._meta.model, form=form, formset=formset, fields=fields, extra=EXTRA_ROWS, can_delete=True
    )


TABLES = (
    ("actors", _("Acteurs et postes"), row_formset(ActorForm, ActorFormSet, ActorForm.Meta.fields)),
    ("events", _("Événements"), row_formset(EventForm, ProcessRowFormSet, EventForm.Meta.fields)),
    ("operations", _("Opérations"), row_formset(OperationForm, ProcessRowFormSet, OperationForm.Meta.fields)),
    (
        "rules",
        _("Règles d'émission"),
        modelformset_factory(
            EmissionRule,
            form=RuleForm,
            formset=RuleFormSet,
            fields=RuleForm.Meta.fields,
            extra=EXTRA_ROWS,
            can_delete=True,
        ),
    ),
)


# The saved rows of each table, with what their lists name read in one query per list.
ROWS = {
    "actors": lambda: Actor.objects.all(),
    "events": lambda: Event.objects.all(),
    "operations": lambda: Operation.objects.prefetch_related(
        "triggers", "data_categories", "data_subjects", "recipients"
    ),
}


class ProcessEditor:
    """The process form and its tables; valid only when every part is and no kept row points
    at a row deleted in the same POST."""

    def __init__(self, data=None, *, instance):
        self.instance = instance
        self.main = ProcessForm(data, instance=instance)
        self.tables = []
        self.formsets = {}
        if instance.pk is not None:
            choices = EditorChoices(instance)
            for prefix, title, formset_class in TABLES:
                if prefix == "rules":
                    formset = formset_class(data, prefix=prefix, process=instance, choices=choices)
                else:
                    formset = formset_class(
                        data, instance=instance, prefix=prefix, choices=choices, queryset=ROWS[prefix]()
                    )
                self.formsets[prefix] = formset
                self.tables.append((prefix, title, formset))

    def __getitem__(self, prefix):
        return self.formsets[prefix]

    @property
    def loaded_version(self):
        try:
            return int(self.main.data.get("loaded_version", ""))
        except ValueError:
            return None

    def is_valid(self):
        results = [self.main.is_valid()] + [formset.is_valid() for formset in self.formsets.values()]
        return all(results) and self._no_dangling_reference()

    def has_changed(self):
        changed = [name for name in self.main.changed_data if name != "loaded_version"]
        return bool(changed) or any(formset.has_changed() for formset in self.formsets.values())

    @property
    def error_count(self):
        count = len(self.main.errors)
        for formset in self.formsets.values():
            count += len(formset.non_form_errors()) + sum(len(form.errors) for form in formset.forms)
        return count

    def _no_dangling_reference(self):
        """A kept row may not name a row that this same POST deletes (the database would refuse
        the actor, and would silently drop a rule or a trigger with its event)."""
        if not self.formsets:
            return True
        gone_actors = self["actors"].deleted_pks
        gone_events = self["events"].deleted_pks
        gone_operations = self["operations"].deleted_pks
        valid = True
        message = _("Cet élément est supprimé dans ce même enregistrement : choisissez-en un autre ou gardez-le.")
        checks = (
            ("events", (("actor", gone_actors),)),
            ("operations", (("actor", gone_actors), ("triggers", gone_events))),
            (
                "rules",
                (("operation", gone_operations), ("target_event", gone_events), ("target_operation", gone_operations)),
            ),
        )
        for prefix, fields in checks:
            for form in self[prefix].kept_forms:
                for name, gone in fields:
                    value = form.cleaned_data.get(name)
                    chosen = {row.pk for row in value} if name == "triggers" and value else {getattr(value, "pk", None)}
                    if chosen & gone:
                        form.add_error(name, message)
                        valid = False
        return valid
