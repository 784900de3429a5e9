"""The tables of a fiche: sub-purposes, data categories with retention, data subjects, recipients,
transfers and security measures. Each keeps its history."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from simple_history.models import HistoricalRecords

from ..choices import (
    Art9Exception,
    DataNature,
    DataSource,
    RetentionEnd,
    RetentionStart,
    RetentionUnit,
)
from .catalogs import (
    Country,
    DataCategory,
    DataSubjectCategory,
    RecipientCategory,
    SecurityMeasureCategory,
    TransferSafeguard,
)
from .organisations import Organisation
from .text import FreeTextField
from .treatments import Treatment, french_contractions

# Words that make a data line look like call recordings (CNIL guidance on recording calls
# at work). The form and the import only propose the flag from them; the DPO decides.
CALL_RECORDING_WORDS = re.compile(
    r"enregistrements?\s+(?:vocal|vocaux|audio|sonores?|t[ée]l[ée]phoniques?"
    r"|(?:de\s+la\s+|des\s+|d['’]\s*)(?:appels?|conversations?|voix|communications?))"
    r"|appels?\s+enregistr|\baudio\b|conversations?\s+t[ée]l[ée]phoniques?",
    re.IGNORECASE,
)


def suggests_call_recording(description):
    """True when a line's description reads like call recordings: a proposal, never a decision.

    The retention start « l'enregistrement de l'appel » is no sign: a call's metadata
    (number, date, length) counts from it too without being a recording.
    """
    return bool(CALL_RECORDING_WORDS.search(description or ""))


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
    description = FreeTextField(_("description des données"))
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
    is_call_recording = models.BooleanField(
        _("enregistrement d'appels"),
        default=False,
        help_text=_("Enregistrements sonores des appels : la CNIL recommande de les garder 6 mois au plus."),
    )
    nature = models.CharField(
        _("nature des données"),
        max_length=30,
        choices=DataNature,
        blank=True,
        help_text=_(
            "Pour les données dont la CNIL fixe une durée de référence (grilles d'évaluation des appels : 1 an, "
            "vidéosurveillance : 1 mois, paie : 5 ans, pièces comptables : 10 ans)."
        ),
    )
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
        if self.lacks_art9_exception:
            errors["art9_exception"] = _(
                "La catégorie « %(category)s » est une donnée sensible (%(article)s) : son traitement est "
                "interdit sauf exception de l'article 9(2) du RGPD. Indiquez l'exception applicable."
            ) % {"category": self.category.label, "article": self.category.article or "art. 9"}
        if self.retention_start == RetentionStart.OTHER and not self.retention_start_other.strip():
            errors["retention_start_other"] = _("Précisez l'événement qui fait courir la durée de conservation.")
        elif not self.states_retention:
            errors["retention_value"] = _(
                "Indiquez une durée de conservation, ou choisissez un événement de fin (fin du contrat)."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def suggests_call_recording(self):
        return suggests_call_recording(self.description)

    @property
    def states_retention(self):
        """The line says how long it is kept (art. 30(1)(f), art. 13(2)(a)): a duration, or an
        event that ends it — the end of the contract, or another event that is named. The form,
        the import, the retention check and the art. 13 notice all ask this."""
        if self.retention_value is not None or self.retention_start == RetentionStart.END_OF_CONTRACT:
            return True
        return self.retention_start == RetentionStart.OTHER and bool(self.retention_start_other.strip())

    @property
    def lacks_art9_exception(self):
        """Sensitive data (art. 9(1), art. 10) is forbidden unless an art. 9(2) exception applies."""
        return bool(self.category_id) and self.category.is_sensitive and not self.art9_exception

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
            if self.retention_value == 1:
                unit = {
                    RetentionUnit.YEARS: pgettext("retention unit, singular", "an"),
                    RetentionUnit.MONTHS: pgettext("retention unit, singular", "mois"),
                    RetentionUnit.DAYS: pgettext("retention unit, singular", "jour"),
                }[self.retention_unit]
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

    @property
    def display_name(self):
        """The recipient as the fiche and its exports write it: the organisation is added in
        brackets only when the name does not already say it (« Osiris, sur demande motivée »
        stays as it is; « Service juridique » linked to Osiris reads « Service juridique (Osiris) »)."""
        if self.organisation is None or _words(self.organisation.name) in _words(self.name):
            return self.name
        return f"{self.name} ({self.organisation.name})"


def _words(text):
    """« Société Générale » → " societe generale ": lower case, no accents, one space between
    words and one at each end, so that `in` finds whole words only."""
    letters = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return f" {' '.join(re.findall(r'[a-z0-9]+', letters))} "


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
        if self.claims_a_missing_adequacy_decision:
            raise ValidationError(
                {
                    "safeguard": _(
                        "%(country)s ne bénéficie pas d'une décision d'adéquation (art. 45) : "
                        "choisissez la garantie réellement utilisée."
                    )
                    % {"country": self.country.name}
                }
            )

    @property
    def claims_a_missing_adequacy_decision(self):
        return bool(self.country_id and self.safeguard_id) and not self.country.admits(self.safeguard)


class SecurityMeasure(TreatmentLine):
    treatment = models.ForeignKey(
        Treatment, models.CASCADE, related_name="security_measures", verbose_name=_("traitement")
    )
    category = models.ForeignKey(SecurityMeasureCategory, models.PROTECT, verbose_name=_("catégorie"))
    description = FreeTextField(_("description"))
    history = HistoricalRecords()

    class Meta(TreatmentLine.Meta):
        verbose_name = _("mesure de sécurité")
        verbose_name_plural = _("mesures de sécurité")

    def __str__(self):
        return f"{self.category} : {self.description}"


LINE_MODELS = (SubPurpose, DataCategoryLine, DataSubjectLine, Recipient, Transfer, SecurityMeasure)
# (name of the table on Treatment, model) for each kind of line, in the fiche's order.
LINE_TABLES = tuple((model._meta.get_field("treatment").remote_field.related_name, model) for model in LINE_MODELS)
