"""What the history package needs to know of a tracked model: its lines and its m2m fields.

A tracked model has `history = HistoricalRecords(m2m_fields=[...])`; its lines are the
tracked models holding a foreign key to it (a fiche's data categories, a process's
operations). Everything else (the m2m history tables, which foreign key points back to
the parent, which fields are bookkeeping) is read from the models themselves.
"""

from dataclasses import dataclass, field

from django.db import models
from simple_history.utils import get_m2m_reverse_field_name

# Fields that change on every save and say nothing to a reader.
BOOKKEEPING_FIELDS = frozenset({"id", "updated_at", "version"})


@dataclass
class Tracked:
    model: type
    lines: tuple = ()  # (name of the table on the model, line model), in display order
    # Timeline headings of the object's own records: {"created": …, "changed": …, "deleted": …}.
    titles: dict = field(default_factory=dict)
    # Reference rows (catalogs, organisations) are read as they are now: how to read each model.
    reference_querysets: dict = field(default_factory=dict)

    @property
    def line_models(self):
        return tuple(model for _name, model in self.lines)

    @property
    def kinds(self):
        """The model then its line models: a history record's kind is its index here."""
        return (self.model, *self.line_models)

    @property
    def m2m(self):
        """Names of the m2m fields the history records, in the model's field order."""
        recorded = {f.name for f in self.model.history.model._history_m2m_fields}
        return tuple(f.name for f in self.model._meta.many_to_many if f.name in recorded)

    def m2m_history(self, name):
        """The table where simple_history keeps the m2m `name` of each history record."""
        return getattr(self.model.history.model, name).model

    def m2m_target(self, name):
        """Name of the m2m history table's foreign key to the related row ("organisation")."""
        return get_m2m_reverse_field_name(self.model._meta.get_field(name))

    def parent_name(self, model):
        """The foreign key of a line model to the tracked model ("treatment"); None for the model itself."""
        if model is self.model:
            return None
        return next(f.name for f in model._meta.concrete_fields if f.is_relation and f.related_model is self.model)

    def own_filter(self, model, pks):
        """Lookup of the records of `model` that belong to the objects `pks` (the objects or their lines)."""
        parent = self.parent_name(model)
        return {"id__in" if parent is None else f"{parent}_id__in": pks}

    def foreign_keys(self, model):
        """Foreign keys of `model` to reference rows (not the one back to the tracked model)."""
        parent = self.parent_name(model)
        return [f for f in model._meta.concrete_fields if isinstance(f, models.ForeignKey) and f.name != parent]

    def tracked_fields(self, model):
        """Fields of `model` a reader cares about, in the model's order."""
        skipped = BOOKKEEPING_FIELDS | {self.parent_name(model)}
        return [f for f in model._meta.concrete_fields if f.name not in skipped]

    def reference_models(self):
        """Every model the tracked model, its lines and its m2m point to."""
        found = [f.related_model for model in self.kinds for f in self.foreign_keys(model)]
        found += [self.model._meta.get_field(name).related_model for name in self.m2m]
        return list(dict.fromkeys(found))

    def reference_queryset(self, model):
        return self.reference_querysets.get(model, model._default_manager.all)()
