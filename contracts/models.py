"""Art. 28 contracts: CentreCall's processors, and the clients for whom CentreCall is one.

A contract links CentreCall to an Organisation of the register (the processor, or the
client controller), with its dates, the eight clauses art. 28(3) requires checked one by
one, the locations and transfers, the security commitments and the sub-processors. Its
rules (expired, review overdue, clause unchecked, sub-processor without authorisation,
transfer without safeguard) are methods here; the findings, the fiche panel, the list and
the digest call them.
"""

import uuid
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from incidents.models.lines import private_storage
from register.models import Country, Organisation, TransferSafeguard, Treatment, Versioned
from register.models.text import FreeTextField
from register.numbering import ReferenceSequence, allocate

from .choices import Art28Clause, ContractDirection, SubProcessorAuthorisation

CONTRACT_NUMBERS = ReferenceSequence("CTR-", width=3)
NUMBER_SCOPE = "contracts"


def document_path(contract, filename):
    """A random name under the contract's folder: the uploaded name is kept in the row only."""
    return f"contracts/{contract.number}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ContractQuerySet(models.QuerySet):
    def for_pages(self):
        """What the list, a contract's page, the checks and the exports read, in a fixed number of queries."""
        return self.select_related("organisation").prefetch_related(
            "organisation__contacts",
            "treatments",
            models.Prefetch("transfers", queryset=ContractTransfer.objects.select_related("country", "safeguard")),
            models.Prefetch("sub_processors", queryset=SubProcessor.objects.select_related("country")),
        )

    def in_force_on(self, day):
        return self.filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=day), start_date__lte=day)

    def expiring(self, on, days):
        """Contracts whose end falls within `days` days from `on` (the day itself included)."""
        return self.filter(end_date__gte=on, end_date__lte=on + timedelta(days=days))

    def of_fiches(self, treatments):
        """The contracts of these fiches: with their processors, with the client of a processor
        fiche, or naming the fiche; `treatments` must have their processors prefetched."""
        organisations = {processor.pk for fiche in treatments for processor in fiche.processors.all()}
        clients = {fiche.controller_id for fiche in treatments if fiche.is_processor_fiche}
        return self.filter(
            models.Q(direction=ContractDirection.PROCESSOR, organisation__in=organisations)
            | models.Q(direction=ContractDirection.CLIENT, organisation__in=clients)
            | models.Q(treatments__in=[fiche.pk for fiche in treatments])
        ).distinct()


class Contract(Versioned):
    number = models.PositiveIntegerField(_("numéro"), unique=True, editable=False)
    direction = models.CharField(_("sens du contrat"), max_length=20, choices=ContractDirection)
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="contracts",
        verbose_name=_("organisation"),
        help_text=_("Le sous-traitant de CentreCall, ou le client pour lequel CentreCall est sous-traitant."),
    )
    title = models.CharField(_("objet du contrat"), max_length=255)
    treatments = models.ManyToManyField(
        Treatment, blank=True, related_name="contracts", verbose_name=_("fiches concernées")
    )
    start_date = models.DateField(_("date d'effet"))
    end_date = models.DateField(_("date de fin"), null=True, blank=True, help_text=_("Vide : durée indéterminée."))
    next_review_date = models.DateField(_("prochaine revue"), null=True, blank=True)
    # The eight stipulations of art. 28(3), checked one by one against the signed document.
    clause_a = models.BooleanField(Art28Clause.INSTRUCTIONS.label, default=False)
    clause_b = models.BooleanField(Art28Clause.CONFIDENTIALITY.label, default=False)
    clause_c = models.BooleanField(Art28Clause.SECURITY.label, default=False)
    clause_d = models.BooleanField(Art28Clause.SUB_PROCESSORS.label, default=False)
    clause_e = models.BooleanField(Art28Clause.RIGHTS.label, default=False)
    clause_f = models.BooleanField(Art28Clause.COMPLIANCE.label, default=False)
    clause_g = models.BooleanField(Art28Clause.END_OF_CONTRACT.label, default=False)
    clause_h = models.BooleanField(Art28Clause.AUDITS.label, default=False)
    locations = models.CharField(
        _("lieux de traitement et d'hébergement"), max_length=500, blank=True, help_text=_("Pays, villes, centres.")
    )
    security_commitments = FreeTextField(_("engagements de sécurité (art. 32)"), blank=True)
    notes = FreeTextField(_("notes"), blank=True)
    document = models.FileField(
        _("contrat signé"), upload_to=document_path, storage=private_storage, max_length=255, blank=True
    )
    document_name = models.CharField(_("nom du fichier"), max_length=255, blank=True)
    document_size = models.PositiveIntegerField(_("taille (octets)"), null=True, blank=True)
    updated_at = models.DateTimeField(_("dernière mise à jour"), auto_now=True)
    # Raised by every save of the edit page: of two concurrent edits the second is refused.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[treatments])

    objects = ContractQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "number"]
        verbose_name = _("contrat de sous-traitance")
        verbose_name_plural = _("contrats de sous-traitance")
        permissions = [("export_contract", _("Peut exporter le registre des contrats"))]

    def __str__(self):
        return f"{self.reference} — {self.organisation}"

    def save(self, *args, **kwargs):
        if self.number is None:
            self.number = allocate(NUMBER_SCOPE)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("contracts:detail", args=[self.number])

    @property
    def reference(self):
        return CONTRACT_NUMBERS.format(self.number) if self.number else ""

    @property
    def is_client_contract(self):
        return self.direction == ContractDirection.CLIENT

    @property
    def unchecked_clauses(self):
        """The art. 28(3) clauses not (yet) found in the contract, in the article's order."""
        return [clause for clause in Art28Clause if not getattr(self, clause.field_name)]

    @property
    def checked_clauses(self):
        return [clause for clause in Art28Clause if getattr(self, clause.field_name)]

    def is_expired_on(self, day):
        return self.end_date is not None and self.end_date < day

    def is_review_overdue_on(self, day):
        """The review was due before `day` on a contract still running."""
        return self.next_review_date is not None and self.next_review_date < day and not self.is_expired_on(day)

    def unauthorised_sub_processors(self):
        return [sub for sub in self.sub_processors.all() if not sub.is_authorised]

    def transfers_without_safeguard(self):
        return [transfer for transfer in self.transfers.all() if transfer.lacks_a_safeguard]

    def status_on(self, day):
        """Where the contract stands, in one French phrase (fiche panel, list, exports)."""
        if self.is_expired_on(day):
            return _("Expiré le %(date)s") % {"date": self.end_date.strftime("%d/%m/%Y")}
        if self.start_date > day:
            return _("Prend effet le %(date)s") % {"date": self.start_date.strftime("%d/%m/%Y")}
        missing = len(self.unchecked_clauses)
        if missing:
            return _("En vigueur, %(count)s clause(s) de l'art. 28(3) à vérifier") % {"count": missing}
        if self.is_review_overdue_on(day):
            return _("En vigueur, revue en retard")
        return _("En vigueur, clauses de l'art. 28(3) vérifiées")

    def is_sound_on(self, day):
        """In force, every clause checked, nothing its findings would raise."""
        return not (
            self.is_expired_on(day)
            or self.unchecked_clauses
            or self.is_review_overdue_on(day)
            or self.unauthorised_sub_processors()
            or self.transfers_without_safeguard()
        )

    def clean(self):
        errors = {}
        if self.organisation_id and self.organisation.is_own:
            errors["organisation"] = _(
                "%(organisation)s tient ce registre : le contrat la lie à une autre organisation."
            ) % {"organisation": self.organisation}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("La date de fin ne peut pas précéder la date d'effet.")
        if errors:
            raise ValidationError(errors)


class ContractTransfer(models.Model):
    """A transfer outside the EU/EEA the contract allows (chapter V), with its safeguard."""

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="transfers", verbose_name=_("contrat"))
    recipient = models.CharField(_("destinataire"), max_length=255)
    country = models.ForeignKey(Country, models.PROTECT, verbose_name=_("pays"))
    safeguard = models.ForeignKey(
        TransferSafeguard, models.PROTECT, null=True, blank=True, verbose_name=_("garantie (art. 45 à 49)")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("transfert prévu au contrat")
        verbose_name_plural = _("transferts prévus au contrat")

    def __str__(self):
        return f"{self.recipient} ({self.country})"

    @property
    def lacks_a_safeguard(self):
        """Outside the EU/EEA with no safeguard, or one the country does not admit (the
        register's adequacy rule, Country.admits)."""
        if self.country.is_eu_eea:
            return False
        return self.safeguard is None or not self.country.admits(self.safeguard)


class SubProcessor(models.Model):
    """A sub-processor the processor engages, and how the controller authorised it (art. 28(2), (4))."""

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="sub_processors", verbose_name=_("contrat"))
    name = models.CharField(_("sous-traitant ultérieur"), max_length=200)
    service = models.CharField(_("prestation"), max_length=255, blank=True)
    country = models.ForeignKey(Country, models.PROTECT, null=True, blank=True, verbose_name=_("pays"))
    authorisation = models.CharField(_("autorisation du responsable"), max_length=20, choices=SubProcessorAuthorisation)
    authorised_on = models.DateField(_("autorisé le"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("sous-traitant ultérieur")
        verbose_name_plural = _("sous-traitants ultérieurs")

    def __str__(self):
        return self.name

    @property
    def is_authorised(self):
        return self.authorisation != SubProcessorAuthorisation.NONE
