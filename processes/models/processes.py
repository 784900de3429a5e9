"""A business process as the MOT models it (reference section 11): actors in columns,
events, and operations in flow order ending in emission rules.

Operations on personal data carry a reference OP-01, OP-02… numbered within their process
in order of creation, from a counter that never goes back (register/numbering.py): a
deleted operation's reference is never given again, so a reference quoted in a fiche, an
incident or a letter keeps naming the same operation.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from register.choices import TreatmentStatus
from register.models import (
    DataCategory,
    DataSubjectCategory,
    Organisation,
    RecipientCategory,
    Treatment,
    Versioned,
)
from register.models.text import FreeTextField
from register.numbering import ReferenceSequence, allocate

from ..choices import Join

OPERATION_REFERENCES = ReferenceSequence("OP-", width=2)


class Process(Versioned):
    name = models.CharField(_("nom du processus"), max_length=255)
    description = FreeTextField(_("description"), blank=True)
    client = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="client_processes",
        verbose_name=_("client"),
        help_text=_("L'entreprise cliente pour laquelle le processus est mené, le cas échéant."),
    )
    treatments = models.ManyToManyField(
        Treatment,
        blank=True,
        related_name="processes",
        verbose_name=_("fiches du registre"),
        help_text=_("Les traitements du registre que ce processus met en œuvre."),
    )
    status = models.CharField(_("statut"), max_length=20, choices=TreatmentStatus, default=TreatmentStatus.DRAFT)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("dernière mise à jour"), auto_now=True)
    # Optimistic locking, as for fiches: a save must present the version it was edited from.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[treatments])

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("processus")
        verbose_name_plural = _("processus")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("processes:detail", args=[self.pk])

    @property
    def reference_scope(self):
        """The counter the references OP-xx of this process are drawn from."""
        return f"process:{self.pk}:operations"


class ProcessRow(models.Model):
    """A row of one of the process's tables, ordered within its process."""

    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def same_process_errors(self, **related):
        """Errors for each related row (field name → row) that belongs to another process."""
        return {
            name: _("Choisissez un élément de ce processus.")
            for name, row in related.items()
            if row is not None and row.process_id != self.process_id
        }


class Actor(ProcessRow):
    """A workstation or a party: one column of the diagram, in `position` order."""

    process = models.ForeignKey(Process, models.CASCADE, related_name="actors", verbose_name=_("processus"))
    name = models.CharField(_("acteur ou poste"), max_length=150)
    external = models.BooleanField(
        _("externe"), default=False, help_text=_("Hors de CentreCall : la personne interrogée, l'entreprise cliente…")
    )
    history = HistoricalRecords()

    class Meta(ProcessRow.Meta):
        verbose_name = _("acteur")
        verbose_name_plural = _("acteurs")
        constraints = [models.UniqueConstraint(fields=["process", "name"], name="actor_name_unique_in_process")]

    def __str__(self):
        return self.name


class Event(ProcessRow):
    """A triggering event (« Début de semaine », « Appel reçu ») or a result event emitted by a rule."""

    process = models.ForeignKey(Process, models.CASCADE, related_name="events", verbose_name=_("processus"))
    label = models.CharField(_("événement"), max_length=255)
    actor = models.ForeignKey(
        Actor,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("colonne"),
        help_text=_("Vide : la colonne de l'opération qu'il déclenche (ou qui l'émet)."),
    )
    history = HistoricalRecords()

    class Meta(ProcessRow.Meta):
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def __str__(self):
        return self.label

    def clean(self):
        if errors := self.same_process_errors(actor=self.actor):
            raise ValidationError(errors)


class Operation(ProcessRow):
    """What one actor does at one step of the flow; on personal data, one row of the OP-xx table."""

    process = models.ForeignKey(Process, models.CASCADE, related_name="operations", verbose_name=_("processus"))
    description = models.CharField(_("description de l'opération"), max_length=255)
    # RESTRICT, not PROTECT: an actor with operations stays, unless its whole process goes.
    actor = models.ForeignKey(Actor, models.RESTRICT, related_name="operations", verbose_name=_("acteur"))
    automated = models.BooleanField(_("automatisée"), default=False, help_text=_("Décochée : opération manuelle."))
    triggers = models.ManyToManyField(
        Event, blank=True, related_name="triggered_operations", verbose_name=_("événements déclencheurs")
    )
    join = models.CharField(_("synchronisation"), max_length=3, choices=Join, default=Join.ALL)
    personal_data = models.BooleanField(
        _("porte sur des données personnelles"),
        default=False,
        help_text=_("Cochée : l'opération reçoit une référence OP-xx et figure au tableau des opérations."),
    )
    reference = models.CharField(_("référence"), max_length=10, blank=True, editable=False)
    purpose = models.CharField(_("finalité de l'opération"), max_length=500, blank=True)
    treatment = models.ForeignKey(
        Treatment,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="operations",
        verbose_name=_("fiche du registre"),
        help_text=_("Le traitement du registre dont relève l'opération."),
    )
    data_categories = models.ManyToManyField(
        DataCategory, blank=True, related_name="+", verbose_name=_("catégories de données personnelles concernées")
    )
    data_subjects = models.ManyToManyField(
        DataSubjectCategory, blank=True, related_name="+", verbose_name=_("catégories de personnes concernées")
    )
    recipients = models.ManyToManyField(
        RecipientCategory, blank=True, related_name="+", verbose_name=_("catégories de destinataires")
    )
    recipients_detail = models.CharField(
        _("destinataires (précision)"),
        max_length=255,
        blank=True,
        help_text=_("Les destinataires tels que le tableau les nomme, par exemple « Client et service interne »."),
    )
    history = HistoricalRecords(m2m_fields=[triggers, data_categories, data_subjects, recipients])

    class Meta(ProcessRow.Meta):
        verbose_name = _("opération")
        verbose_name_plural = _("opérations")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "reference"], condition=~Q(reference=""), name="operation_reference_unique"
            )
        ]

    def __str__(self):
        return f"{self.reference} — {self.description}" if self.reference else self.description

    def save(self, *args, **kwargs):
        # Every door (the editor, the admin, the demo) numbers here, in the transaction that
        # writes the row: if the save fails, the number is not spent. Once given, a reference stays.
        with transaction.atomic():
            if self.personal_data and not self.reference:
                self.reference = OPERATION_REFERENCES.format(allocate(self.process.reference_scope))
            super().save(*args, **kwargs)

    def clean(self):
        errors = self.same_process_errors(actor=self.actor if self.actor_id else None)
        if self.personal_data and not self.purpose.strip():
            errors["purpose"] = _(
                "Indiquez la finalité : une opération sur des données personnelles en a une (art. 5(1)(b))."
            )
        if errors:
            raise ValidationError(errors)

    # What the operation names but its fiche does not declare: stored as the DPO chose, and
    # reported as a compliance finding (processes/checks.py). Use prefetched rows when present.

    def undeclared_data_categories(self):
        if self.treatment is None:
            return []
        declared = {line.category_id for line in self.treatment.data_lines.all()}
        return [category for category in self.data_categories.all() if category.pk not in declared]

    def undeclared_data_subjects(self):
        if self.treatment is None:
            return []
        declared = {line.category_id for line in self.treatment.data_subject_lines.all()}
        return [category for category in self.data_subjects.all() if category.pk not in declared]

    def undeclared_recipients(self):
        if self.treatment is None:
            return []
        declared = {line.category_id for line in self.treatment.recipients.all()}
        return [category for category in self.recipients.all() if category.pk not in declared]

    @property
    def recipients_label(self):
        """The « Destinataires » cell of the table: the DPO's wording, else the categories."""
        return self.recipients_detail or ", ".join(str(category) for category in self.recipients.all())


class EmissionRule(models.Model):
    """A named outcome of an operation (« Acceptation », « Refus ») leading to a result event
    or straight to another operation (an earlier one: the flow loops back up)."""

    operation = models.ForeignKey(Operation, models.CASCADE, related_name="rules", verbose_name=_("opération"))
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    label = models.CharField(_("règle d'émission"), max_length=100)
    target_event = models.ForeignKey(
        Event,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="emitted_by",
        verbose_name=_("événement résultat"),
    )
    target_operation = models.ForeignKey(
        Operation,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="reached_by",
        verbose_name=_("opération suivante"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("règle d'émission")
        verbose_name_plural = _("règles d'émission")
        constraints = [
            models.CheckConstraint(
                condition=Q(target_event__isnull=False, target_operation__isnull=True)
                | Q(target_event__isnull=True, target_operation__isnull=False),
                name="emission_rule_has_one_target",
            )
        ]

    def __str__(self):
        return f"{self.label} → {self.target}"

    @property
    def target(self):
        return self.target_event or self.target_operation

    def clean(self):
        if (self.target_event_id is None) == (self.target_operation_id is None):
            raise ValidationError(
                _(
                    "Une règle mène soit à un événement résultat, soit à une opération suivante : "
                    "choisissez l'un des deux."
                )
            )
        process_id = self.operation.process_id if self.operation_id else None
        for name, row in (("target_event", self.target_event), ("target_operation", self.target_operation)):
            if row is not None and process_id is not None and row.process_id != process_id:
                raise ValidationError({name: _("Choisissez un élément de ce processus.")})
