"""DPIA screening of a fiche: does art. 35 ask for an impact assessment?

A screening is a dated record, never edited: the DPO records a new one when the processing
changes, and the latest one is the fiche's current answer. Its result is computed from the
ticked criteria and CNIL types (`ScreeningResult.of`) and stored, so the history keeps what
was concluded on each day even if the rule is refined later.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from ..dpia_lists import CRITERIA_FOR_A_DPIA, CnilDpiaType, Criterion


class ScreeningResult(models.TextChoices):
    REQUIRED = "required", gettext_lazy("AIPD requise")
    # WP248: with one criterion a DPIA is in principle not required; the choice is justified.
    TO_JUSTIFY = "to_justify", gettext_lazy("AIPD non requise a priori, à justifier")
    NOT_REQUIRED = "not_required", gettext_lazy("AIPD non requise")

    @classmethod
    def of(cls, criteria_count, cnil_types):
        if cnil_types or criteria_count >= CRITERIA_FOR_A_DPIA:
            return cls.REQUIRED
        return cls.TO_JUSTIFY if criteria_count == 1 else cls.NOT_REQUIRED

    @property
    def is_required(self):
        return self == ScreeningResult.REQUIRED


def note_field():
    return models.CharField(gettext_lazy("précision"), max_length=500, blank=True)


class DpiaScreening(models.Model):
    treatment = models.ForeignKey(
        "register.Treatment", models.CASCADE, related_name="dpia_screenings", verbose_name=gettext_lazy("fiche")
    )
    # The nine criteria of WP248 (compliance.dpia_lists.Criterion), each with what the DPO saw.
    evaluation = models.BooleanField(Criterion.EVALUATION.label, default=False)
    evaluation_note = note_field()
    automated_decision = models.BooleanField(Criterion.AUTOMATED_DECISION.label, default=False)
    automated_decision_note = note_field()
    systematic_monitoring = models.BooleanField(Criterion.SYSTEMATIC_MONITORING.label, default=False)
    systematic_monitoring_note = note_field()
    sensitive_data = models.BooleanField(Criterion.SENSITIVE_DATA.label, default=False)
    sensitive_data_note = note_field()
    large_scale = models.BooleanField(Criterion.LARGE_SCALE.label, default=False)
    large_scale_note = note_field()
    matching = models.BooleanField(Criterion.MATCHING.label, default=False)
    matching_note = note_field()
    vulnerable_subjects = models.BooleanField(Criterion.VULNERABLE_SUBJECTS.label, default=False)
    vulnerable_subjects_note = note_field()
    innovative_use = models.BooleanField(Criterion.INNOVATIVE_USE.label, default=False)
    innovative_use_note = note_field()
    prevents_right = models.BooleanField(Criterion.PREVENTS_RIGHT.label, default=False)
    prevents_right_note = note_field()
    # Codes of compliance.dpia_lists.CnilDpiaType (art. 35(4)).
    cnil_types = models.JSONField(gettext_lazy("types de la liste CNIL"), default=list, blank=True)
    result = models.CharField(gettext_lazy("résultat"), max_length=20, choices=ScreeningResult, editable=False)
    justification = models.TextField(
        gettext_lazy("justification"),
        blank=True,
        help_text=gettext_lazy("Pourquoi cette conclusion : obligatoire quand un seul critère est rempli (WP248)."),
    )
    recorded_at = models.DateTimeField(gettext_lazy("date du criblage"), default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=gettext_lazy("enregistré par"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        get_latest_by = ["recorded_at", "pk"]
        verbose_name = gettext_lazy("criblage AIPD")
        verbose_name_plural = gettext_lazy("criblages AIPD")

    def __str__(self):
        return _("Criblage AIPD de %(fiche)s du %(day)s") % {
            "fiche": self.treatment.reference,
            "day": timezone.localtime(self.recorded_at).strftime("%d/%m/%Y"),
        }

    def save(self, *args, **kwargs):
        self.result = self.computed_result()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("compliance:screening", args=[self.treatment.reference])

    @property
    def ticked_criteria(self):
        """[(Criterion, note)] of the criteria met, in the order of WP248."""
        return [
            (criterion, getattr(self, f"{criterion.value}_note"))
            for criterion in Criterion
            if getattr(self, criterion.value)
        ]

    @property
    def cnil_type_choices(self):
        return [CnilDpiaType(code) for code in self.cnil_types if code in CnilDpiaType.values]

    def computed_result(self):
        return ScreeningResult.of(len(self.ticked_criteria), self.cnil_types)

    @property
    def reasoning(self):
        """Why the result, in one French sentence a reader can check against the ticks."""
        count = len(self.ticked_criteria)
        types = self.cnil_type_choices
        if types:
            return _(
                "Le traitement relève de la liste CNIL des traitements soumis à AIPD (art. 35(4)) : %(types)s. "
                "Une AIPD est requise quel que soit le nombre de critères."
            ) % {"types": "; ".join(str(kind.label) for kind in types)}
        if count >= CRITERIA_FOR_A_DPIA:
            return _(
                "%(count)d critères du CEPD (WP248) sont remplis : le traitement est susceptible d'engendrer un "
                "risque élevé, une AIPD est requise (art. 35(1))."
            ) % {"count": count}
        if count == 1:
            return _(
                "Un seul critère du CEPD (WP248) est rempli : une AIPD n'est en principe pas requise, mais la "
                "décision de ne pas en mener doit être justifiée et documentée."
            )
        return _(
            "Aucun critère du CEPD (WP248) n'est rempli et le traitement ne relève pas de la liste CNIL : "
            "aucune AIPD n'est requise."
        )
