"""Organisations (CentreCall, its clients, processors), their sites, departments and contacts."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import (
    ContactRole,
    OrganisationKind,
    TreatmentRole,
)
from .text import FreeTextField

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


class OrganisationQuerySet(models.QuerySet):
    def own(self):
        """The organisation keeping the register (kind « self »), or None; one at most exists."""
        return self.filter(kind=OrganisationKind.SELF).first()

    def processor_clients(self, fiches=None):
        """The organisation's clients: controllers of its processor fiches (art. 30(2)(a)), by name.

        Of the whole register by default, or of `fiches` (fiches already loaded, live or as
        they stood on a past date), with no query per fiche.
        """
        if fiches is None:
            clients = self.filter(controlled_treatments__role=TreatmentRole.PROCESSOR).distinct()
        else:
            clients = self.filter(pk__in={fiche.controller_id for fiche in fiches if fiche.is_processor_fiche})
        return clients.order_by("name")


class Organisation(Address):
    name = models.CharField(_("nom"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=OrganisationKind, default=OrganisationKind.CLIENT)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, validators=[siren_validator])
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(kind=OrganisationKind.SELF),
                name="one_own_organisation",
                violation_error_message=_(
                    "Une seule organisation tient le registre : choisissez un autre type pour celle-ci."
                ),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_own(self):
        """This is the organisation keeping the register."""
        return self.kind == OrganisationKind.SELF

    @property
    def contact_details(self):
        """(label, value) of the contact details art. 30 asks for: postal address, phone, e-mail."""
        address = " ".join(part for part in (self.address, self.postcode, self.city) if part)
        return [(_("adresse"), address), (_("téléphone"), self.phone), (_("courriel"), self.email)]

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
    mission = FreeTextField(_("mission"), blank=True)

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
