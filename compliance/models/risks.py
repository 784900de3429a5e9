"""Risk assessment of a fiche in the CNIL method (PIA, « la méthode », 2018).

Three feared events, each judged on the CNIL's two scales (severity of the impact on the
people, likelihood of the risk happening) before and after the planned measures. One
assessment per fiche, edited in place under a version lock like the fiche itself.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from register.models import Versioned


class Scale(models.IntegerChoices):
    """The CNIL's four levels, used for both severity and likelihood."""

    NEGLIGIBLE = 1, gettext_lazy("1 – Négligeable")
    LIMITED = 2, gettext_lazy("2 – Limitée")
    SIGNIFICANT = 3, gettext_lazy("3 – Importante")
    MAXIMUM = 4, gettext_lazy("4 – Maximale")


class FearedEventKind(models.TextChoices):
    """The three feared events of the CNIL method, in its order."""

    ILLEGITIMATE_ACCESS = "access", gettext_lazy("Accès illégitime à des données")
    UNWANTED_MODIFICATION = "modification", gettext_lazy("Modification non désirée de données")
    DISAPPEARANCE = "disappearance", gettext_lazy("Disparition de données")

    @property
    def short(self):
        return {"access": "A", "modification": "M", "disappearance": "D"}[self.value]


class RiskLevel(models.TextChoices):
    """Where a (severity, likelihood) pair falls on the CNIL map, and what it calls for.

    CNIL PIA method: a risk of high severity and high likelihood (3 or 4 on both) must be
    avoided or reduced to a low level; one of high severity only must be avoided or reduced;
    one of high likelihood only must be reduced; the others may be accepted.
    """

    HIGH = "high", gettext_lazy("À éviter ou réduire absolument")
    SEVERE = "severe", gettext_lazy("À éviter ou réduire")
    LIKELY = "likely", gettext_lazy("À réduire")
    ACCEPTABLE = "acceptable", gettext_lazy("Acceptable")

    @classmethod
    def of(cls, severity, likelihood):
        if not severity or not likelihood:
            return None
        high_severity, high_likelihood = severity >= Scale.SIGNIFICANT, likelihood >= Scale.SIGNIFICANT
        if high_severity and high_likelihood:
            return cls.HIGH
        if high_severity:
            return cls.SEVERE
        if high_likelihood:
            return cls.LIKELY
        return cls.ACCEPTABLE


class RiskAssessment(Versioned):
    treatment = models.OneToOneField(
        "register.Treatment", models.CASCADE, related_name="risk_assessment", verbose_name=gettext_lazy("fiche")
    )
    updated_at = models.DateTimeField(gettext_lazy("dernière mise à jour"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=gettext_lazy("mis à jour par"),
    )
    # Optimistic locking, as on the fiche: a save must present the version it was edited from.
    version = models.PositiveIntegerField(gettext_lazy("version"), default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = gettext_lazy("appréciation des risques")
        verbose_name_plural = gettext_lazy("appréciations des risques")

    def __str__(self):
        return _("Risques de %(fiche)s") % {"fiche": self.treatment.reference}

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("compliance:risks", args=[self.treatment.reference])


def scale_field(label):
    return models.PositiveSmallIntegerField(label, choices=Scale, null=True, blank=True)


class FearedEvent(models.Model):
    assessment = models.ForeignKey(
        RiskAssessment, models.CASCADE, related_name="feared_events", verbose_name=gettext_lazy("appréciation")
    )
    kind = models.CharField(gettext_lazy("événement redouté"), max_length=20, choices=FearedEventKind)
    sources = models.TextField(gettext_lazy("sources de risques"), blank=True)
    threats = models.TextField(gettext_lazy("menaces"), blank=True)
    existing_measures = models.TextField(gettext_lazy("mesures existantes"), blank=True)
    planned_measures = models.TextField(gettext_lazy("mesures prévues"), blank=True)
    severity = scale_field(gettext_lazy("gravité"))
    likelihood = scale_field(gettext_lazy("vraisemblance"))
    residual_severity = scale_field(gettext_lazy("gravité résiduelle"))
    residual_likelihood = scale_field(gettext_lazy("vraisemblance résiduelle"))
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "kind"], name="one_feared_event_of_each_kind")]
        verbose_name = gettext_lazy("événement redouté")
        verbose_name_plural = gettext_lazy("événements redoutés")

    def __str__(self):
        return str(FearedEventKind(self.kind).label)

    @property
    def order(self):
        return list(FearedEventKind.values).index(self.kind)

    @property
    def level(self):
        return RiskLevel.of(self.severity, self.likelihood)

    @property
    def residual_level(self):
        return RiskLevel.of(self.residual_severity, self.residual_likelihood)
