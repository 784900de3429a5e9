"""The register of processing activities (GDPR art. 30) and its catalogs."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .choices import (
    Art9Exception,
    ContactRole,
    DataSource,
    DpiaStatus,
    LegalBasis,
    OrganisationKind,
    RetentionEnd,
    RetentionStart,
    RetentionUnit,
    TreatmentRole,
    TreatmentStatus,
)

REFERENCE_PREFIX = "T-"
# Path segments of /registre/ that are pages, not fiches: no fiche may take them as reference.
RESERVED_REFERENCES = {"nouveau", "import"}
REVIEW_INTERVAL_MONTHS = 12  # yearly review, the usual practice for art. 30 registers


# --- Catalogs (seeded by a data migration, editable in the admin) -------------------


class Catalog(models.Model):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    label = models.CharField(_("libellé"), max_length=200)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "label"]

    def __str__(self):
        return self.label


class DataCategory(Catalog):
    is_sensitive = models.BooleanField(_("donnée sensible"), default=False)
    article = models.CharField(_("article"), max_length=40, blank=True)

    class Meta(Catalog.Meta):
        verbose_name = _("catégorie de données")
        verbose_name_plural = _("catégories de données")


class DataSubjectCategory(Catalog):
    class Meta(Catalog.Meta):
        verbose_name = _("catégorie de personnes concernées")
        verbose_name_plural = _("catégories de personnes concernées")


class RecipientCategory(Catalog):
    class Meta(Catalog.Meta):
        verbose_name = _("catégorie de destinataires")
        verbose_name_plural = _("catégories de destinataires")


class SecurityMeasureCategory(Catalog):
    class Meta(Catalog.Meta):
        verbose_name = _("catégorie de mesures de sécurité")
        verbose_name_plural = _("catégories de mesures de sécurité")


class TransferSafeguard(Catalog):
    article = models.CharField(_("article"), max_length=40, blank=True)

    class Meta(Catalog.Meta):
        verbose_name = _("garantie de transfert")
        verbose_name_plural = _("garanties de transfert")


class Country(models.Model):
    code = models.CharField(_("code ISO"), max_length=2, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    is_eu_eea = models.BooleanField(_("UE / EEE"), default=False)
    has_adequacy_decision = models.BooleanField(_("décision d'adéquation (art. 45)"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("pays")
        verbose_name_plural = _("pays")

    def __str__(self):
        return self.name


# --- Organisations and contacts -----------------------------------------------------


def validate_reference_not_reserved(value):
    if value.lower() in RESERVED_REFERENCES:
        raise ValidationError(
            _("« %(reference)s » ne peut pas servir de référence : c'est l'adresse d'une page du registre."),
            params={"reference": value},
        )


siren_validator = RegexValidator(r"^\d{9}$", _("Le SIREN compte exactement 9 chiffres."))


class Address(models.Model):
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    postcode = models.CharField(_("code postal"), max_length=20, blank=True)
    city = models.CharField(_("ville"), max_length=100, blank=True)
    country = models.CharField(_("pays"), max_length=100, blank=True, default="France")
    phone = models.CharField(_("téléphone"), max_length=40, blank=True)
    email = models.EmailField(_("courriel"), blank=True)

    class Meta:
        abstract = True


class Organisation(Address):
    name = models.CharField(_("nom"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=OrganisationKind, default=OrganisationKind.CLIENT)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, validators=[siren_validator])
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def contact(self, role):
        """The first contact of this role, from prefetched contacts when available."""
        return next((c for c in self.contacts.all() if c.role == role), None)

    @property
    def dpo(self):
        return self.contact(ContactRole.DPO)

    @property
    def legal_representative(self):
        return self.contact(ContactRole.LEGAL_REPRESENTATIVE)

    @property
    def eu_representative(self):
        return self.contact(ContactRole.EU_REPRESENTATIVE)


class Site(models.Model):
    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="sites", verbose_name=_("organisation"))
    name = models.CharField(_("nom"), max_length=200)
    city = models.CharField(_("ville"), max_length=100)
    is_headquarters = models.BooleanField(_("siège social"), default=False)

    class Meta:
        ordering = ["-is_headquarters", "name"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_site_name")]

    def __str__(self):
        return f"{self.name} ({self.city})"


class Department(models.Model):
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="departments", verbose_name=_("organisation")
    )
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("service parent")
    )
    name = models.CharField(_("nom"), max_length=200)
    head = models.CharField(_("responsable"), max_length=200, blank=True)
    mission = models.TextField(_("mission"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "parent", "name"], name="unique_department_name")
        ]

    def __str__(self):
        return self.name if self.parent_id is None else f"{self.parent} › {self.name}"


class Contact(Address):
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="contacts", verbose_name=_("organisation")
    )
    role = models.CharField(_("rôle"), max_length=30, choices=ContactRole)
    name = models.CharField(_("nom"), max_length=200)
    job_title = models.CharField(_("fonction"), max_length=200, blank=True)
    company = models.CharField(
        _("société (DPO externe)"), max_length=200, blank=True, help_text=_("Laisser vide pour un DPO interne.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "role", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.name} — {self.get_role_display()}"

    @property
    def is_external(self):
        return bool(self.company)


# --- The fiche ----------------------------------------------------------------------


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


class TreatmentQuerySet(models.QuerySet):
    def visible_by_default(self):
        """Archived fiches leave the default list but stay searchable and exportable."""
        return self.exclude(status=TreatmentStatus.ARCHIVED)

    def review_overdue(self, today=None):
        return self.filter(next_review_date__lt=today or timezone.localdate())


class Treatment(models.Model):
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
    main_purpose = models.TextField(_("finalité principale"))
    legal_basis = models.CharField(_("base légale (art. 6(1))"), max_length=30, choices=LegalBasis)
    legal_basis_detail = models.TextField(
        _("justification de la base légale"),
        blank=True,
        help_text=_("L'intérêt légitime poursuivi, le contrat, l'obligation légale…"),
    )
    status = models.CharField(_("statut"), max_length=20, choices=TreatmentStatus, default=TreatmentStatus.DRAFT)
    dpia_status = models.CharField(
        _("analyse d'impact (AIPD, art. 35)"), max_length=20, choices=DpiaStatus, default=DpiaStatus.NOT_ASSESSED
    )
    data_subjects_other = models.CharField(_("autres personnes concernées"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("date de création"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("dernière mise à jour"), auto_now=True)
    last_reviewed_at = models.DateTimeField(_("dernière revue"), null=True, blank=True, editable=False)
    next_review_date = models.DateField(_("prochaine revue"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Optimistic locking: a save must present the version it was edited from.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[joint_controllers, processors])

    objects = TreatmentQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
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
    def next_reference():
        """T-001, T-002… one above the highest numbered reference in the register."""
        numbers = [
            int(match.group(1))
            for ref in Treatment.objects.filter(reference__startswith=REFERENCE_PREFIX).values_list(
                "reference", flat=True
            )
            if (match := re.fullmatch(re.escape(REFERENCE_PREFIX) + r"(\d+)", ref))
        ]
        return f"{REFERENCE_PREFIX}{max(numbers, default=0) + 1:03d}"

    @property
    def is_processor_fiche(self):
        return self.role == TreatmentRole.PROCESSOR

    @property
    def has_sensitive_data(self):
        """True when a data line is sensitive; uses prefetched lines when present."""
        return any(line.category.is_sensitive for line in self.data_lines.all())

    @property
    def is_review_overdue(self):
        return self.next_review_date is not None and self.next_review_date < timezone.localdate()

    def mark_reviewed(self, when=None, months=REVIEW_INTERVAL_MONTHS):
        when = when or timezone.now()
        self.last_reviewed_at = when
        self.next_review_date = add_months(timezone.localdate(when), months)

    def completeness_checks(self):
        """(present, what) pairs for the art. 30 content; uses prefetched lines when present."""
        return [
            (bool(self.main_purpose.strip()), _("finalité principale (art. 30(1)(b))")),
            (bool(self.legal_basis), _("base légale (art. 6(1))")),
            (
                self.legal_basis != LegalBasis.LEGITIMATE_INTERESTS or bool(self.legal_basis_detail.strip()),
                _("intérêt légitime poursuivi (art. 6(1)(f))"),
            ),
            (bool(self.data_lines.all()), _("catégories de données (art. 30(1)(c))")),
            (
                bool(self.data_subject_lines.all()) or bool(self.data_subjects_other),
                _("catégories de personnes concernées (art. 30(1)(c))"),
            ),
            (bool(self.recipients.all()), _("destinataires (art. 30(1)(d))")),
            (bool(self.security_measures.all()), _("mesures de sécurité (art. 30(1)(g))")),
            (self.dpia_status != DpiaStatus.NOT_ASSESSED, _("évaluation du besoin d'AIPD (art. 35)")),
        ]

    def missing_items(self):
        """What the fiche still lacks, as French phrases naming the article."""
        return [what for present, what in self.completeness_checks() if not present]

    @property
    def completeness(self):
        """Share of the checked items present, 0–100."""
        checks = self.completeness_checks()
        return round(100 * sum(present for present, _what in checks) / len(checks))


class TreatmentLine(models.Model):
    """A row of one of the fiche's tables, ordered within its fiche."""

    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class SubPurpose(TreatmentLine):
    treatment = models.ForeignKey(Treatment, models.CASCADE, related_name="sub_purposes", verbose_name=_("traitement"))
    description = models.CharField(_("sous-finalité"), max_length=500)
    history = HistoricalRecords()

    class Meta(TreatmentLine.Meta):
        verbose_name = _("sous-finalité")
        verbose_name_plural = _("sous-finalités")

    def __str__(self):
        return self.description


class DataCategoryLine(TreatmentLine):
    treatment = models.ForeignKey(Treatment, models.CASCADE, related_name="data_lines", verbose_name=_("traitement"))
    category = models.ForeignKey(DataCategory, models.PROTECT, verbose_name=_("catégorie"))
    description = models.TextField(_("description des données"))
    retention_value = models.PositiveIntegerField(
        _("durée de conservation"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1, _("La durée de conservation doit être positive."))],
        help_text=_("Vide : conservée jusqu'à l'événement de départ (par exemple la fin du contrat)."),
    )
    retention_unit = models.CharField(_("unité"), max_length=10, choices=RetentionUnit, default=RetentionUnit.MONTHS)
    retention_start = models.CharField(
        _("à compter de"), max_length=20, choices=RetentionStart, default=RetentionStart.COLLECTION
    )
    retention_start_other = models.CharField(_("autre événement de départ"), max_length=200, blank=True)
    retention_end = models.CharField(
        _("au terme de la durée"), max_length=30, choices=RetentionEnd, default=RetentionEnd.DELETION
    )
    retention_remark = models.CharField(_("remarque sur la conservation"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=DataSource, default=DataSource.DATA_SUBJECT)
    art9_exception = models.CharField(
        _("exception (art. 9(2))"),
        max_length=1,
        choices=Art9Exception,
        blank=True,
        help_text=_("Obligatoire pour une donnée sensible (art. 9 et 10)."),
    )
    history = HistoricalRecords()

    class Meta(TreatmentLine.Meta):
        verbose_name = _("catégorie de données traitée")
        verbose_name_plural = _("catégories de données traitées")

    def __str__(self):
        return f"{self.category} : {self.description}"

    def clean(self):
        errors = {}
        if self.category_id and self.category.is_sensitive and not self.art9_exception:
            errors["art9_exception"] = _(
                "La catégorie « %(category)s » est une donnée sensible (%(article)s) : son traitement est "
                "interdit sauf exception de l'article 9(2) du RGPD. Indiquez l'exception applicable."
            ) % {"category": self.category.label, "article": self.category.article or "art. 9"}
        if self.retention_start == RetentionStart.OTHER and not self.retention_start_other.strip():
            errors["retention_start_other"] = _("Précisez l'événement qui fait courir la durée de conservation.")
        if self.retention_value is None and self.retention_start not in (
            RetentionStart.END_OF_CONTRACT,
            RetentionStart.OTHER,
        ):
            errors["retention_value"] = _(
                "Indiquez une durée de conservation, ou choisissez un événement de fin (fin du contrat)."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def retention_start_text(self):
        if self.retention_start == RetentionStart.OTHER:
            return self.retention_start_other
        return self.get_retention_start_display()

    @property
    def retention_text(self):
        """Readable retention, e.g. « 6 mois à compter de l'enregistrement de l'appel »."""
        if self.retention_value is None:
            text = _("Jusqu'à %(event)s") % {"event": self.retention_start_text}
        else:
            unit = self.get_retention_unit_display()
            if self.retention_value == 1 and self.retention_unit == RetentionUnit.YEARS:
                unit = _("an")
            elif self.retention_value == 1 and self.retention_unit == RetentionUnit.DAYS:
                unit = _("jour")
            text = _("%(value)s %(unit)s à compter de %(event)s") % {
                "value": self.retention_value,
                "unit": unit,
                "event": self.retention_start_text,
            }
        return french_contractions(str(text))

    @property
    def retention_days(self):
        """Approximate length in days, for comparing with CNIL maxima; None when open-ended."""
        if self.retention_value is None:
            return None
        factor = {RetentionUnit.DAYS: 1, RetentionUnit.MONTHS: 30, RetentionUnit.YEARS: 365}[self.retention_unit]
        return self.retention_value * factor


class DataSubjectLine(TreatmentLine):
    treatment = models.ForeignKey(
        Treatment, models.CASCADE, related_name="data_subject_lines", verbose_name=_("traitement")
    )
    category = models.ForeignKey(DataSubjectCategory, models.PROTECT, verbose_name=_("catégorie"))
    detail = models.CharField(_("précision"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta(TreatmentLine.Meta):
        verbose_name = _("personnes concernées")
        verbose_name_plural = _("personnes concernées")

    def __str__(self):
        return f"{self.category} ({self.detail})" if self.detail else str(self.category)


class Recipient(TreatmentLine):
    treatment = models.ForeignKey(Treatment, models.CASCADE, related_name="recipients", verbose_name=_("traitement"))
    category = models.ForeignKey(RecipientCategory, models.PROTECT, verbose_name=_("catégorie"))
    name = models.CharField(_("destinataire"), max_length=255)
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, verbose_name=_("organisation")
    )
    history = HistoricalRecords()

    class Meta(TreatmentLine.Meta):
        verbose_name = _("destinataire")
        verbose_name_plural = _("destinataires")

    def __str__(self):
        return self.name


class Transfer(TreatmentLine):
    treatment = models.ForeignKey(Treatment, models.CASCADE, related_name="transfers", verbose_name=_("traitement"))
    recipient = models.CharField(_("destinataire"), max_length=255)
    country = models.ForeignKey(Country, models.PROTECT, verbose_name=_("pays"))
    safeguard = models.ForeignKey(TransferSafeguard, models.PROTECT, verbose_name=_("garantie"))
    document_reference = models.CharField(_("lien ou référence du document"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta(TreatmentLine.Meta):
        verbose_name = _("transfert hors UE")
        verbose_name_plural = _("transferts hors UE")

    def __str__(self):
        return f"{self.recipient} ({self.country})"

    def clean(self):
        if self.country_id and self.country.is_eu_eea:
            raise ValidationError(
                {
                    "country": _(
                        "%(country)s est dans l'UE ou l'EEE : ce n'est pas un transfert hors UE (chapitre V du RGPD)."
                    )
                    % {"country": self.country.name}
                }
            )


class SecurityMeasure(TreatmentLine):
    treatment = models.ForeignKey(
        Treatment, models.CASCADE, related_name="security_measures", verbose_name=_("traitement")
    )
    category = models.ForeignKey(SecurityMeasureCategory, models.PROTECT, verbose_name=_("catégorie"))
    description = models.TextField(_("description"))
    history = HistoricalRecords()

    class Meta(TreatmentLine.Meta):
        verbose_name = _("mesure de sécurité")
        verbose_name_plural = _("mesures de sécurité")

    def __str__(self):
        return f"{self.category} : {self.description}"


LINE_MODELS = (SubPurpose, DataCategoryLine, DataSubjectLine, Recipient, Transfer, SecurityMeasure)
