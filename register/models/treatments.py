"""The fiche: one processing activity of the register (art. 30)."""

import re
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import (
    DpiaStatus,
    LegalBasis,
    TreatmentRole,
    TreatmentStatus,
)
from ..numbering import ReferenceSequence
from .organisations import Organisation
from .text import FreeTextField
from .versioned import Versioned

REFERENCE_PREFIX = "T-"
FICHE_REFERENCES = ReferenceSequence(REFERENCE_PREFIX, width=3)
# Path segments of /registre/ that are pages, not fiches: no fiche may take them as reference.
RESERVED_REFERENCES = {"nouveau", "import"}
REVIEW_INTERVAL_MONTHS = 12  # yearly review, the usual practice for art. 30 registers
DRAFT_MAX_DAYS = 30  # a draft older than a month is a fiche forgotten, not one being written

# The article each section of a fiche answers: art. 30(1) for a controller's register,
# art. 30(2) for a processor's (which has no purposes, data or recipients of its own).
SECTION_ARTICLES = {
    "controller": {
        "actors": "art. 30(1)(a)",
        "purposes": "art. 30(1)(b)",
        "transfers": _("art. 30(1)(e), chapitre V"),
        "security": _("art. 30(1)(g), art. 32"),
    },
    "processor": {
        "actors": "art. 30(2)(a)",
        "purposes": "art. 30(2)(b)",
        "transfers": _("art. 30(2)(c), chapitre V"),
        "security": _("art. 30(2)(d), art. 32"),
    },
}

LEGITIMATE_INTEREST_NOT_STATED = _(
    "Précisez l'intérêt légitime poursuivi : il doit figurer dans l'information des personnes (art. 13(1)(d))."
)
LEGAL_BASIS_REQUIRED_IN_FORCE = _(
    "Indiquez la base légale (art. 6(1)) : la fiche d'un responsable de traitement ne peut pas être "
    "en vigueur sans elle."
)


def validate_reference_not_reserved(value):
    if value.lower() in RESERVED_REFERENCES:
        raise ValidationError(
            _("« %(reference)s » ne peut pas servir de référence : c'est l'adresse d'une page du registre."),
            params={"reference": value},
        )


def validate_creation_date(day):
    if day > timezone.localdate():
        raise ValidationError(_("Cette date est dans le futur : une fiche ne peut pas être créée après aujourd'hui."))


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def french_contractions(text):
    """« de le » → « du », « à le » → « au » (and plurals), as French grammar requires."""
    return re.sub(
        r"\b(de|à) (le|les) ",
        lambda m: {("de", "le"): "du ", ("de", "les"): "des ", ("à", "le"): "au ", ("à", "les"): "aux "}[
            (m.group(1), m.group(2))
        ],
        text,
    )


def review_overdue_condition(on):
    """Fiches whose review is overdue on the day `on`, in SQL (live or history tables):
    the twin of Treatment.is_review_overdue_on, kept beside it."""
    return ~models.Q(status=TreatmentStatus.ARCHIVED) & models.Q(next_review_date__lt=on)


class TreatmentQuerySet(models.QuerySet):
    def review_overdue(self, on=None):
        return self.filter(review_overdue_condition(on or timezone.localdate()))

    def drafts_left_aside(self, on=None):
        """Drafts created more than DRAFT_MAX_DAYS days before `on`: the twin of
        Treatment.is_draft_left_aside_on, kept beside it."""
        on = on or timezone.localdate()
        return self.filter(status=TreatmentStatus.DRAFT, created_at__lt=on - timedelta(days=DRAFT_MAX_DAYS))

    def raise_version(self):
        """Every write to a fiche or to one of its lines raises the fiche's version, so that an
        edit page opened before the write can no longer save over it (see editing.py)."""
        return self.update(version=F("version") + 1)


class Treatment(Versioned):
    reference = models.CharField(
        _("référence"),
        max_length=30,
        unique=True,
        blank=True,
        help_text=_("Générée automatiquement (T-001…) si laissée vide."),
        validators=[
            RegexValidator(r"^[\w.\-]+$", _("Lettres, chiffres, tirets et points seulement.")),
            validate_reference_not_reserved,
        ],
    )
    name = models.CharField(_("nom du traitement"), max_length=255)
    role = models.CharField(
        _("rôle de CentreCall"), max_length=20, choices=TreatmentRole, default=TreatmentRole.CONTROLLER
    )
    controller = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="controlled_treatments",
        verbose_name=_("responsable de traitement"),
        help_text=_("CentreCall, ou le client pour le compte duquel CentreCall agit en sous-traitant."),
    )
    joint_controllers = models.ManyToManyField(
        Organisation, blank=True, related_name="joint_treatments", verbose_name=_("responsables conjoints")
    )
    processors = models.ManyToManyField(
        Organisation, blank=True, related_name="processed_treatments", verbose_name=_("sous-traitants")
    )
    software = models.CharField(_("logiciel ou application"), max_length=255, blank=True)
    main_purpose = FreeTextField(_("finalité principale"))
    legal_basis = models.CharField(
        _("base légale (art. 6(1))"),
        max_length=30,
        choices=LegalBasis,
        blank=True,
        help_text=_(
            "Obligatoire pour mettre en vigueur la fiche d'un responsable de traitement. Sur une fiche de "
            "sous-traitant : la base légale du client responsable, facultative (art. 30(2))."
        ),
    )
    legal_basis_detail = FreeTextField(
        _("justification de la base légale"),
        blank=True,
        help_text=_("L'intérêt légitime poursuivi, le contrat, l'obligation légale…"),
    )
    consent_proof = FreeTextField(
        _("recueil et preuve du consentement"),
        blank=True,
        help_text=_(
            "Sur la base du consentement : comment il est recueilli (case à cocher, accord oral…) et comment "
            "il est prouvé (horodatage, journal, enregistrement de l'accord) (art. 7(1))."
        ),
    )
    consumer_phone_prospection = models.BooleanField(
        _("prospection téléphonique de consommateurs"),
        default=False,
        help_text=_(
            "Appels de prospection commerciale vers des particuliers : depuis le 11 août 2026, ils exigent "
            "leur consentement préalable (code de la consommation, art. L. 223-1)."
        ),
    )
    current_contract_exception = FreeTextField(
        _("appels dans le cadre d'un contrat en cours"),
        blank=True,
        help_text=_(
            "Si les appels s'adressent à des personnes liées par un contrat en cours et portent sur son objet, "
            "dites-le : c'est l'exception à l'exigence du consentement."
        ),
    )
    recording_information = models.BooleanField(
        _("information avant l'enregistrement des appels"),
        default=False,
        help_text=_(
            "Avant d'enregistrer, la personne est informée : responsable, finalité, base légale, destinataires, "
            "durée de conservation et droits."
        ),
    )
    recording_objection = models.BooleanField(
        _("opposition à l'enregistrement possible"),
        default=False,
        help_text=_("La personne peut refuser l'enregistrement ; l'appel continue alors sans être enregistré."),
    )
    status = models.CharField(_("statut"), max_length=20, choices=TreatmentStatus, default=TreatmentStatus.DRAFT)
    dpia_status = models.CharField(
        _("analyse d'impact (AIPD, art. 35)"), max_length=20, choices=DpiaStatus, default=DpiaStatus.NOT_ASSESSED
    )
    data_subjects_other = models.CharField(_("autres personnes concernées"), max_length=255, blank=True)
    # The day the fiche was created in the register, which may predate this application (a
    # register moved from another tool keeps its dates); its changes are in the history.
    created_at = models.DateField(
        _("date de création"),
        default=timezone.localdate,
        validators=[validate_creation_date],
        help_text=_("Pour une fiche reprise d'un registre plus ancien, la date de création d'origine."),
    )
    updated_at = models.DateTimeField(_("dernière mise à jour"), auto_now=True)
    last_reviewed_at = models.DateTimeField(_("dernière revue"), null=True, blank=True, editable=False)
    next_review_date = models.DateField(_("prochaine revue"), null=True, blank=True)
    notes = FreeTextField(_("notes"), blank=True)
    # Optimistic locking: a save must present the version it was edited from.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[joint_controllers, processors])

    objects = TreatmentQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
        # The list's sorts by creation and update, tie broken by id, read from an index.
        indexes = [
            models.Index(fields=["created_at", "id"], name="treatment_created_idx"),
            models.Index(fields=["updated_at", "id"], name="treatment_updated_idx"),
        ]
        verbose_name = _("traitement")
        verbose_name_plural = _("traitements")
        permissions = [("export_register", _("Peut exporter le registre"))]

    def __str__(self):
        return f"{self.reference} — {self.name}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = Treatment.next_reference()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("register:detail", args=[self.reference])

    @staticmethod
    def next_references(count=1):
        """T-001, T-002…: `count` references above the highest numbered one in the register."""
        existing = Treatment.objects.filter(reference__startswith=REFERENCE_PREFIX).values_list("reference", flat=True)
        first = FICHE_REFERENCES.highest(existing) + 1
        return [FICHE_REFERENCES.format(number) for number in range(first, first + count)]

    @staticmethod
    def next_reference():
        return Treatment.next_references()[0]

    @property
    def is_processor_fiche(self):
        return self.role == TreatmentRole.PROCESSOR

    @property
    def section_articles(self):
        """The article each section of the fiche answers, by the fiche's role."""
        return SECTION_ARTICLES["processor" if self.is_processor_fiche else "controller"]

    @property
    def records_calls(self):
        """True when a data line is marked as call recordings; uses prefetched lines when present."""
        return any(line.is_call_recording for line in self.data_lines.all())

    @property
    def has_sensitive_data(self):
        """True when a data line is sensitive; uses prefetched lines when present."""
        return any(line.category.is_sensitive for line in self.data_lines.all())

    def clean(self):
        errors = {}
        if not self.legitimate_interest_is_stated:
            errors["legal_basis_detail"] = LEGITIMATE_INTEREST_NOT_STATED
        if self.status == TreatmentStatus.IN_FORCE and self.lacks_a_required_legal_basis:
            errors["legal_basis"] = LEGAL_BASIS_REQUIRED_IN_FORCE
        if errors:
            raise ValidationError(errors)

    @property
    def legitimate_interest_is_stated(self):
        """False when a controller relies on legitimate interest without saying which (art. 13(1)(d));
        on a processor's fiche the basis is the client's, given for information."""
        return (
            self.is_processor_fiche
            or self.legal_basis != LegalBasis.LEGITIMATE_INTERESTS
            or bool(self.legal_basis_detail.strip())
        )

    @property
    def lacks_a_required_legal_basis(self):
        """A controller's fiche needs its art. 6(1) basis; on a processor's it is the client's, optional."""
        return not self.legal_basis and not self.is_processor_fiche

    def is_review_overdue_on(self, day):
        """The yearly review was due before `day` and the fiche is still kept up to date (not archived)."""
        return (
            self.status != TreatmentStatus.ARCHIVED
            and self.next_review_date is not None
            and self.next_review_date < day
        )

    def is_draft_left_aside_on(self, day):
        """Still a draft more than DRAFT_MAX_DAYS days after its creation."""
        return self.status == TreatmentStatus.DRAFT and (day - self.created_at).days > DRAFT_MAX_DAYS

    @staticmethod
    def actor_errors(controller, joint_controllers, processors):
        """{field: message} for actors a fiche cannot list; the form and the import call it.

        The organisation keeping the register is never its own joint controller or
        processor: its part in the fiche is the role. Nor is the controller its own.
        """
        errors = {}
        for name, organisations in (("joint_controllers", joint_controllers), ("processors", processors)):
            for organisation in organisations:
                if controller is not None and organisation == controller:
                    message = _("%(organisation)s est déjà le responsable de traitement de cette fiche.")
                elif organisation.is_own:
                    message = _(
                        "%(organisation)s tient ce registre : son rôle dans la fiche est donné par le champ "
                        "« Rôle de CentreCall », elle ne figure pas parmi les autres acteurs."
                    )
                else:
                    continue
                errors.setdefault(name, []).append(message % {"organisation": organisation})
        return errors

    def mark_reviewed(self, when=None, months=REVIEW_INTERVAL_MONTHS):
        when = when or timezone.now()
        self.last_reviewed_at = when
        self.next_review_date = add_months(timezone.localdate(when), months)

    def completeness_report(self):
        """What the register's required content checks find (see register.compliance)."""
        from .. import compliance

        return compliance.completeness_for(self)

    def missing_items(self):
        """What the fiche still lacks, as French phrases naming the article."""
        return self.completeness_report().missing_items

    @property
    def completeness(self):
        """Share of the required items present, 0–100."""
        return self.completeness_report().percent
