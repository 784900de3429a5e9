"""Catalogs of the CNIL register template, seeded by a data migration and editable in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Catalog(models.Model):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    label = models.CharField(_("libellé"), max_length=200)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "label"]

    def __str__(self):
        return self.label

    @property
    def short_label(self):
        """The label without its examples in brackets (« Vie personnelle »), as the cells of an
        operations table name a category."""
        return self.label.split(" (", 1)[0]


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
    ADEQUACY = "adequacy"  # code of the art. 45 adequacy decision, seeded by migration 0002

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

    def admits(self, safeguard):
        """An adequacy decision (art. 45) covers only the countries the Commission named."""
        return safeguard.code != TransferSafeguard.ADEQUACY or self.has_adequacy_decision
