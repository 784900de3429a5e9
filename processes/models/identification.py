"""A collection form (the Osiris questionnaire) and, for each of its fields, the DPO's answer
to « is this personal data, and why? » (art. 4(1), reference section 5).

The app proposes a first answer (processes/identification.py); what is stored here is the
DPO's decision, `confirmed` once the DPO has read it.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from register.models import DataCategory, Treatment, Versioned
from register.models.text import FreeTextField

from ..choices import CollectionChannel, Identification
from .processes import Process


class CollectionForm(Versioned):
    name = models.CharField(_("nom du formulaire"), max_length=255)
    description = FreeTextField(_("description"), blank=True)
    treatment = models.ForeignKey(
        Treatment,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="collection_forms",
        verbose_name=_("fiche du registre"),
        help_text=_(
            "Le traitement dont relève la collecte : ses lignes de données doivent couvrir les champs personnels."
        ),
    )
    process = models.ForeignKey(
        Process,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="collection_forms",
        verbose_name=_("processus"),
    )
    respondent_identified = models.BooleanField(
        _("réponses liées à un répondant identifié"),
        default=True,
        help_text=_(
            "Cochée : les réponses sont enregistrées avec le nom, le courriel ou le téléphone du répondant ; "
            "elles sont alors des données personnelles."
        ),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("dernière mise à jour"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("formulaire de collecte")
        verbose_name_plural = _("formulaires de collecte")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("processes:form_detail", args=[self.pk])


class FormField(models.Model):
    form = models.ForeignKey(CollectionForm, models.CASCADE, related_name="fields", verbose_name=_("formulaire"))
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    label = models.CharField(_("champ"), max_length=255)
    example = models.CharField(_("exemple de réponse"), max_length=500, blank=True)
    channel = models.CharField(_("canal"), max_length=20, choices=CollectionChannel, default=CollectionChannel.PHONE)
    # The DPO's decision; None while nobody has decided.
    is_personal = models.BooleanField(_("donnée personnelle"), null=True, blank=True)
    identification = models.CharField(_("identification"), max_length=10, choices=Identification, blank=True)
    data_category = models.ForeignKey(
        DataCategory, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("catégorie de données")
    )
    is_sensitive = models.BooleanField(_("donnée sensible (art. 9)"), default=False)
    justification = FreeTextField(_("justification"), blank=True)
    confirmed = models.BooleanField(_("confirmé par le DPO"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("champ du formulaire")
        verbose_name_plural = _("champs du formulaire")

    def __str__(self):
        return self.label
