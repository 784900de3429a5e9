"""The incident ticket and its breach qualification (GDPR art. 4(12), 33, 34).

Every breach is an incident, not every incident a breach: one model carries the ticket as
reported and, once the DPO has qualified it, the breach's facts, effects and notifications.
The deadlines are instants: awareness + 72 hours is computed on aware datetimes (UTC in
the database), so that a daylight-saving change in Europe/Paris moves the local clock
time shown, never the legal delay.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from register.choices import TreatmentRole
from register.models import DataCategory, Treatment, Versioned
from register.models.text import FreeTextField
from register.numbering import ReferenceSequence, allocate

from ..choices import Channel, IncidentStatus, NotificationKind, PersonsCommunication, RiskLevel

NOTIFICATION_DELAY = timedelta(hours=72)  # art. 33(1): « au plus tard 72 heures après en avoir pris connaissance »
INCIDENT_NUMBERS = ReferenceSequence("INC-", width=3)
NUMBER_SCOPE = "incidents"
# The three kinds of breach (WP250 / EDPB guidelines 9/2022 on art. 4(12)).
BREACH_KINDS = {
    "confidentiality": _("Confidentialité"),
    "integrity": _("Intégrité"),
    "availability": _("Disponibilité"),
}


def after(moment, delay):
    """The instant `delay` after `moment`, counted in real hours.

    Python adds a timedelta to an aware datetime on its wall clock: 27/03 10:00 Paris + 72 h
    would give 30/03 10:00, only 71 hours later across the spring change. In UTC the
    wall clock is the real one.
    """
    return moment.astimezone(UTC) + delay


def validate_not_future(moment):
    if moment is not None and moment > timezone.now():
        raise ValidationError(
            _("Cette date est dans le futur : un incident ne peut pas être signalé avant d'avoir eu lieu.")
        )


class IncidentQuerySet(models.QuerySet):
    def breaches(self):
        return self.filter(is_breach=True)

    def open(self):
        """The incidents still being handled: new or under analysis, not closed."""
        return self.exclude(status=IncidentStatus.CLOSED)

    def for_pages(self):
        """What the list, the breach register and their exports show, in a fixed number of queries."""
        return self.select_related("reporter").prefetch_related(
            models.Prefetch("treatments", queryset=Treatment.objects.select_related("controller")),
            "data_categories",
            "corrective_actions",
            "notifications",
        )


class Incident(Versioned):
    number = models.PositiveIntegerField(_("numéro"), unique=True, editable=False)
    # The ticket as reported.
    occurred_at = models.DateTimeField(_("survenu le"), validators=[validate_not_future])
    reported_at = models.DateTimeField(_("signalé le"), default=timezone.now)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_incidents",
        verbose_name=_("compte du déclarant"),
    )
    reporter_name = models.CharField(_("déclarant"), max_length=150)
    reporter_role = models.CharField(_("fonction du déclarant"), max_length=150, blank=True)
    source_application = models.CharField(_("application concernée"), max_length=150, blank=True)
    channel = models.CharField(_("canal de collecte"), max_length=20, choices=Channel, default=Channel.OTHER)
    subject = models.CharField(_("objet"), max_length=255)
    message = FreeTextField(_("message"))
    status = models.CharField(_("statut"), max_length=20, choices=IncidentStatus, default=IncidentStatus.NEW)
    treatments = models.ManyToManyField(
        Treatment, blank=True, related_name="incidents", verbose_name=_("fiches concernées")
    )
    # The steps of a business process where it happened (the OP-xx of processes.Operation).
    operations = models.ManyToManyField(
        "processes.Operation", blank=True, related_name="incidents", verbose_name=_("opérations concernées")
    )
    # The breach qualification (art. 4(12)); None until the DPO decides.
    is_breach = models.BooleanField(_("violation de données personnelles (art. 4(12))"), null=True, blank=True)
    breach_reasoning = FreeTextField(_("justification de la qualification"), blank=True)
    confidentiality = models.BooleanField(_("atteinte à la confidentialité"), default=False)
    integrity = models.BooleanField(_("atteinte à l'intégrité"), default=False)
    availability = models.BooleanField(_("atteinte à la disponibilité"), default=False)
    data_categories = models.ManyToManyField(
        DataCategory, blank=True, related_name="incidents", verbose_name=_("catégories de données concernées")
    )
    data_description = FreeTextField(_("précisions sur les données"), blank=True)
    persons_description = models.CharField(_("catégories de personnes concernées"), max_length=255, blank=True)
    persons_count = models.PositiveIntegerField(_("nombre approximatif de personnes"), null=True, blank=True)
    records_count = models.PositiveIntegerField(_("nombre approximatif d'enregistrements"), null=True, blank=True)
    consequences = FreeTextField(_("conséquences probables"), blank=True)
    risk_level = models.CharField(_("niveau de risque"), max_length=20, choices=RiskLevel, blank=True)
    risk_reasoning = FreeTextField(_("justification du niveau de risque"), blank=True)
    aware_at = models.DateTimeField(
        _("prise de connaissance"),
        null=True,
        blank=True,
        validators=[validate_not_future],
        help_text=_("Le moment où CentreCall a eu connaissance de la violation : le délai de 72 heures en part."),
    )
    not_notified_reason = FreeTextField(_("motif de l'absence de notification"), blank=True)
    lateness_reason = FreeTextField(_("motif du retard de notification"), blank=True)
    # Art. 33(2): as a processor, CentreCall warns its client, the controller.
    controller_warned_at = models.DateTimeField(_("client responsable prévenu le"), null=True, blank=True)
    controller_delay_hours = models.PositiveIntegerField(
        _("délai contractuel pour prévenir le client (heures)"),
        null=True,
        blank=True,
        help_text=_("Le délai que fixe le contrat du client ; vide : dans les meilleurs délais (art. 33(2))."),
    )
    persons_communication = models.CharField(
        _("communication aux personnes (art. 34)"), max_length=20, choices=PersonsCommunication, blank=True
    )
    persons_communicated_at = models.DateTimeField(_("personnes informées le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("clos le"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("dernière mise à jour"), auto_now=True)
    # Raised by every save of the qualification page, so that of two concurrent edits the
    # second is refused instead of silently erasing the first (see raise_version).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[treatments, operations, data_categories])

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        permissions = [("export_breach_register", _("Peut exporter le registre des violations"))]

    def __str__(self):
        return f"{self.reference} — {self.subject}"

    def save(self, *args, **kwargs):
        if self.number is None:
            self.number = allocate(NUMBER_SCOPE)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("incidents:detail", args=[self.number])

    @property
    def reference(self):
        return INCIDENT_NUMBERS.format(self.number) if self.number else ""

    @property
    def kinds(self):
        """The kinds of breach, as labels: confidentiality, integrity, availability."""
        return [str(label) for name, label in BREACH_KINDS.items() if getattr(self, name)]

    # --- the authority's 72 hours (art. 33(1)) ---------------------------------------------

    @property
    def notification_deadline(self):
        """Awareness + 72 hours, as an instant (shown in Europe/Paris time by the templates)."""
        return after(self.aware_at, NOTIFICATION_DELAY) if self.is_breach and self.aware_at else None

    @property
    def needs_notification(self):
        """A breach is notified unless it is unlikely to result in a risk (art. 33(1))."""
        return bool(self.is_breach) and self.risk_level != RiskLevel.UNLIKELY

    def _sent_notifications(self):
        return sorted(self.notifications.all(), key=lambda notification: notification.sent_at)

    @property
    def initial_notification(self):
        return next((n for n in self._sent_notifications() if n.kind == NotificationKind.INITIAL), None)

    @property
    def notified_at(self):
        notification = self.initial_notification
        return notification.sent_at if notification else None

    @property
    def is_notification_justified(self):
        """Not notifying is documented: the reason is recorded (art. 33(5))."""
        return bool(self.not_notified_reason.strip())

    @property
    def was_notified_late(self):
        return (
            self.notified_at is not None
            and self.notification_deadline is not None
            and (self.notified_at > self.notification_deadline)
        )

    def is_overdue_at(self, moment=None):
        """Past the 72 hours with neither a notification nor a recorded reason for not notifying."""
        deadline = self.notification_deadline
        return (
            deadline is not None
            and not self.is_processor_case
            and self.notified_at is None
            and not self.is_notification_justified
            and (moment or timezone.now()) > deadline
        )

    def time_left(self, moment=None):
        """Until the deadline (negative once past), while the notification is still owed: not by
        a processor, whose client notifies (controller_time_left counts its own deadline)."""
        deadline = self.notification_deadline
        if deadline is None or self.is_processor_case or self.notified_at is not None:
            return None
        if self.is_notification_justified:
            return None
        return deadline - (moment or timezone.now())

    # --- CentreCall as a processor: warn the client (art. 33(2)) ---------------------------

    @property
    def processor_fiches(self):
        return [treatment for treatment in self.treatments.all() if treatment.role == TreatmentRole.PROCESSOR]

    @property
    def is_processor_case(self):
        """A breach in a processing CentreCall does for a client: the client notifies the CNIL."""
        return bool(self.is_breach) and bool(self.processor_fiches)

    @property
    def client_controller(self):
        fiches = self.processor_fiches
        return fiches[0].controller if fiches else None

    @property
    def controller_deadline(self):
        """The client's contractual delay from awareness; None: « dans les meilleurs délais »."""
        if not self.is_processor_case or self.aware_at is None or self.controller_delay_hours is None:
            return None
        return after(self.aware_at, timedelta(hours=self.controller_delay_hours))

    def controller_time_left(self, moment=None):
        """Until the client's contractual deadline (negative once past), while it is not warned."""
        deadline = self.controller_deadline
        if deadline is None or self.controller_warned_at is not None:
            return None
        return deadline - (moment or timezone.now())

    @property
    def pending_deadline(self):
        """The deadline CentreCall must meet: warning the client for a processor, else the CNIL's."""
        return self.controller_deadline if self.is_processor_case else self.notification_deadline

    def pending_time_left(self, moment=None):
        return self.controller_time_left(moment) if self.is_processor_case else self.time_left(moment)

    def is_controller_warning_overdue_at(self, moment=None):
        deadline = self.controller_deadline
        return deadline is not None and self.controller_warned_at is None and (moment or timezone.now()) > deadline

    @property
    def was_controller_warned_late(self):
        deadline = self.controller_deadline
        return deadline is not None and self.controller_warned_at is not None and self.controller_warned_at > deadline

    def notification_status(self, moment=None):
        """Where the authority's notification stands, in one French phrase (register and exports)."""
        local = lambda instant: timezone.localtime(instant).strftime("%d/%m/%Y %H:%M")  # noqa: E731
        if self.is_breach is None:
            return _("Pas encore qualifié")
        if not self.is_breach:
            return _("Pas une violation de données personnelles")
        if self.is_processor_case:
            client = self.client_controller
            if self.controller_warned_at:
                return _("Sous-traitant : client %(client)s prévenu le %(when)s (art. 33(2))") % {
                    "client": client,
                    "when": local(self.controller_warned_at),
                }
            return _("Sous-traitant : client %(client)s à prévenir (art. 33(2))") % {"client": client}
        if self.notified_at:
            text = _("Notifiée à la CNIL le %(when)s") % {"when": local(self.notified_at)}
            reference = self.initial_notification.authority_reference
            text += f" ({reference})" if reference else ""
            return text + (" — " + str(_("hors délai")) if self.was_notified_late else "")
        if self.is_notification_justified:
            return _("Non notifiée : %(reason)s") % {"reason": self.not_notified_reason.strip()}
        if self.notification_deadline is None:
            return _("À notifier : prise de connaissance à indiquer")
        if self.is_overdue_at(moment):
            return _("Non notifiée, délai dépassé depuis le %(when)s") % {"when": local(self.notification_deadline)}
        return _("À notifier avant le %(when)s") % {"when": local(self.notification_deadline)}

    def is_late_at(self, moment=None):
        """A deadline of the breach passed with its duty undone: the CNIL's, or the client's."""
        return self.is_overdue_at(moment) or self.is_controller_warning_overdue_at(moment)

    # --- lifecycle --------------------------------------------------------------------------

    def clean(self):
        errors = {}
        if self.occurred_at and self.reported_at and self.occurred_at > self.reported_at:
            errors["occurred_at"] = _("L'incident ne peut pas être survenu après avoir été signalé.")
        if self.aware_at and self.occurred_at and self.aware_at < self.occurred_at:
            errors["aware_at"] = _("La prise de connaissance ne peut pas précéder l'incident.")
        if self.persons_communication == PersonsCommunication.DONE and not self.persons_communicated_at:
            errors["persons_communicated_at"] = _("Indiquez quand les personnes ont été informées.")
        if errors:
            raise ValidationError(errors)

    def set_status(self, status):
        self.status = status
        self.closed_at = timezone.now() if status == IncidentStatus.CLOSED else None
