"""A data-subject request (GDPR arts. 12, 15–22) and its legal clock.

The rules live here and in rights.deadlines, and every door calls them: the DPO's form, the
admin (both run `clean()`), the list's filters, the findings, the letters and the exports.
The due day is stored (`due_on`, written by `save()` from `deadline`) only so that the list
and the digest can filter on it in SQL; it is never typed.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from register.choices import TreatmentRole
from register.models import Treatment
from register.models.text import FreeTextField
from register.models.versioned import Versioned
from register.numbering import ReferenceSequence, allocate

from .choices import CLOSED_STATUSES, OPEN_STATUSES, Extension, RequestChannel, RequestKind, RequestStatus
from .deadlines import answer_deadline, countdown_label, months_after

REQUEST_NUMBERS = ReferenceSequence("DDP-", width=3)
NUMBER_SCOPE = "rights"
# How long the request and the requester's identification are kept once it is closed: the
# proof of the answer for the ordinary limitation period (code civil, art. 2224: five years).
IDENTITY_RETENTION_YEARS = 5
RETENTION_HELP = _(
    "Le strict nécessaire pour identifier la personne et lui répondre. Conservé jusqu'à la clôture de la "
    "demande, puis 5 ans pour la preuve de la réponse (prescription, art. 2224 du code civil)."
)


class RequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Open requests whose last day to answer is past."""
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def due_within(self, days, today=None):
        """Open requests to answer between today and `days` days from now, both included."""
        today = today or timezone.localdate()
        return self.open().filter(due_on__gte=today, due_on__lte=today + timedelta(days=days))

    def for_pages(self):
        """What the list, the register export and the findings read, in a fixed number of queries."""
        return self.prefetch_related(
            models.Prefetch("treatments", queryset=Treatment.objects.select_related("controller").order_by("reference"))
        )


class DataSubjectRequest(Versioned):
    number = models.PositiveIntegerField(_("numéro"), unique=True, editable=False)
    kind = models.CharField(_("droit exercé"), max_length=30, choices=RequestKind)
    # The person: the minimum needed to identify and answer (art. 5(1)(c), (e)).
    person_name = models.CharField(_("nom de la personne"), max_length=150, help_text=RETENTION_HELP)
    person_contact = models.CharField(
        _("adresse de réponse"),
        max_length=255,
        blank=True,
        help_text=_("Adresse postale ou courriel où répondre ; rien de plus."),
    )
    channel = models.CharField(_("canal de réception"), max_length=20, choices=RequestChannel)
    received_on = models.DateField(_("reçue le"))
    details = FreeTextField(_("objet de la demande"), blank=True)
    treatments = models.ManyToManyField(
        Treatment, blank=True, related_name="subject_requests", verbose_name=_("fiches concernées")
    )
    status = models.CharField(_("statut"), max_length=20, choices=RequestStatus, default=RequestStatus.RECEIVED)
    # Identity (art. 12(6)): checked only when there is a reasonable doubt; never a copy kept.
    identity_check_needed = models.BooleanField(_("vérification d'identité nécessaire"), default=False)
    identity_checked_on = models.DateField(_("identité vérifiée le"), null=True, blank=True)
    identity_check_method = models.CharField(
        _("comment l'identité a été vérifiée"),
        max_length=255,
        blank=True,
        help_text=_(
            "Par exemple : questions sur le dossier, rappel au numéro connu. Ne conservez aucune copie de pièce "
            "d'identité : la vérifier suffit, ce registre n'en reçoit pas."
        ),
    )
    # Art. 12(3): two further months, the person told why within the first month.
    extension_months = models.PositiveSmallIntegerField(_("prolongation"), choices=Extension, null=True, blank=True)
    extension_reason = FreeTextField(_("motif de la prolongation"), blank=True)
    extension_notified_on = models.DateField(_("personne informée de la prolongation le"), null=True, blank=True)
    # Art. 28(3)(e): on a processor fiche the client controller answers; CentreCall forwards.
    forwarded_on = models.DateField(_("transmise au client responsable le"), null=True, blank=True)
    answered_on = models.DateField(_("réponse envoyée le"), null=True, blank=True)
    answer = FreeTextField(_("réponse"), blank=True)
    answer_proof = models.CharField(
        _("preuve de l'envoi"), max_length=255, blank=True, help_text=_("Par exemple : n° de recommandé, courriel.")
    )
    refusal_reason = FreeTextField(_("motif du refus"), blank=True)
    cnil_complaint_mentioned = models.BooleanField(
        _("droit de réclamation auprès de la CNIL mentionné"),
        default=False,
        help_text=_("Art. 12(4) : un refus indique la possibilité de saisir la CNIL et de former un recours."),
    )
    due_on = models.DateField(_("à répondre avant le"), editable=False)
    updated_at = models.DateTimeField(_("dernière mise à jour"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[treatments])

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("demande de droit")
        verbose_name_plural = _("demandes de droits")

    def __str__(self):
        return f"{self.reference} — {self.get_kind_display()} ({self.person_name})"

    def save(self, *args, **kwargs):
        if self.number is None:
            self.number = allocate(NUMBER_SCOPE)
        self.due_on = self.deadline
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("rights:detail", args=[self.number])

    @property
    def reference(self):
        return REQUEST_NUMBERS.format(self.number) if self.number else ""

    # --- the clock (art. 12(3)) --------------------------------------------------------------

    @property
    def first_deadline(self):
        """One calendar month after receipt."""
        return answer_deadline(self.received_on)

    @property
    def deadline(self):
        """The last day to answer, extension included."""
        return answer_deadline(self.received_on, self.extension_months or 0)

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    def days_left(self, today=None):
        """Days until the deadline (negative once past) while the request is open, else None."""
        if self.is_closed:
            return None
        return (self.deadline - (today or timezone.localdate())).days

    def is_overdue(self, today=None):
        days = self.days_left(today)
        return days is not None and days < 0

    def countdown(self, today=None):
        days = self.days_left(today)
        return countdown_label(days) if days is not None else ""

    @property
    def was_answered_late(self):
        return self.answered_on is not None and self.answered_on > self.deadline

    @property
    def kept_until(self):
        """The last day the request and the requester's identification are kept, once closed."""
        if not self.is_closed:
            return None
        return months_after(self.answered_on or self.updated_at.date(), 12 * IDENTITY_RETENTION_YEARS)

    # --- CentreCall as a processor (art. 28(3)(e)) ----------------------------------------

    @property
    def processor_fiches(self):
        return [fiche for fiche in self.treatments.all() if fiche.role == TreatmentRole.PROCESSOR]

    @property
    def client_controllers(self):
        return list(dict.fromkeys(fiche.controller for fiche in self.processor_fiches if fiche.controller))

    @property
    def needs_forwarding(self):
        """A request about a processing done for a client goes to that client, who answers it."""
        return bool(self.processor_fiches) and self.forwarded_on is None

    # --- the status flow --------------------------------------------------------------------

    def can_move_to(self, status, *, from_status=None):
        """Forwards only (received → identity check → in progress → answered / refused / withdrawn,
        steps may be skipped); a closed request stays closed."""
        current = RequestStatus(from_status or self.status)
        order = list(RequestStatus)
        if status == current:
            return True
        if current in CLOSED_STATUSES:
            return False
        return status in CLOSED_STATUSES or order.index(RequestStatus(status)) > order.index(current)

    def clean(self):
        errors = {}
        today = timezone.localdate()
        received = self.received_on
        for name in ("received_on", "identity_checked_on", "extension_notified_on", "forwarded_on", "answered_on"):
            day = getattr(self, name)
            if day and day > today:
                errors[name] = _("Cette date est dans le futur.")
            elif day and received and name != "received_on" and day < received:
                errors[name] = _("Cette date précède la réception de la demande.")
        if self.extension_months:
            errors.update(self._extension_errors())
        elif self.extension_reason.strip() or self.extension_notified_on:
            errors.setdefault("extension_months", _("Choisissez la durée de la prolongation."))
        if self.status in (RequestStatus.ANSWERED, RequestStatus.REFUSED) and not self.answered_on:
            errors.setdefault("answered_on", _("Indiquez quand la réponse a été envoyée."))
        if self.status == RequestStatus.REFUSED:
            if not self.refusal_reason.strip():
                errors["refusal_reason"] = _("Un refus est motivé (art. 12(4)) : indiquez le motif.")
            if not self.cnil_complaint_mentioned:
                errors["cnil_complaint_mentioned"] = _(
                    "Un refus mentionne le droit d'introduire une réclamation auprès de la CNIL (art. 12(4))."
                )
        if self.identity_checked_on and not self.identity_check_method.strip():
            errors.setdefault("identity_check_method", _("Indiquez comment l'identité a été vérifiée."))
        if errors:
            raise ValidationError(errors)

    def _extension_errors(self):
        """Art. 12(3): the reason given, and the person informed within the first month."""
        errors = {}
        if not self.extension_reason.strip():
            errors["extension_reason"] = _("Une prolongation est motivée (art. 12(3)) : indiquez le motif.")
        if not self.extension_notified_on:
            errors["extension_notified_on"] = _("Indiquez quand la personne a été informée de la prolongation.")
        elif self.received_on and self.extension_notified_on > self.first_deadline:
            errors["extension_notified_on"] = _(
                "Trop tard pour prolonger : la personne doit être informée dans le mois suivant la réception, "
                "soit au plus tard le %(day)s (art. 12(3))."
            ) % {"day": self.first_deadline.strftime("%d/%m/%Y")}
        return errors
