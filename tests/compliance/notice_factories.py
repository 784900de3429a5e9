"""Fiches for the awareness documents: one that gives every item of art. 13, one with gaps."""

from register.choices import ContactRole, LegalBasis, RetentionStart, TreatmentRole, TreatmentStatus
from register.models import (
    Contact,
    Country,
    DataCategory,
    DataCategoryLine,
    Recipient,
    RecipientCategory,
    Transfer,
    TransferSafeguard,
)
from tests.conftest import make_organisation, make_treatment


def make_controller(name="Osiris", *, dpo=True):
    controller = make_organisation(
        name,
        address="48, avenue de la République",
        postcode="75011",
        city="Paris",
        phone="01 43 00 00 00",
        email="contact@osiris.example",
    )
    if dpo:
        Contact.objects.create(
            organisation=controller,
            role=ContactRole.DPO,
            name="Antoine Roux",
            company="DPO Conseil SAS",
            email="dpo.osiris@dpoconseil.example",
        )
    return controller


def complete_fiche(controller_name="Osiris", **fields):
    """A controller's fiche on legitimate interests with every item of art. 13 the register holds."""
    fields.setdefault("legal_basis", LegalBasis.LEGITIMATE_INTERESTS)
    fields.setdefault("legal_basis_detail", "Connaître les attentes du marché de la publicité")
    fields.setdefault("main_purpose", "Étude de marché sur la publicité dans les réseaux sociaux")
    fields.setdefault("name", "Études de marché Osiris")
    fiche = make_treatment(controller=make_controller(controller_name), status=TreatmentStatus.IN_FORCE, **fields)
    DataCategoryLine.objects.create(
        treatment=fiche,
        category=DataCategory.objects.get(code="personal_life"),
        description="Réponses au questionnaire",
        retention_value=3,
        retention_unit="years",
        retention_start=RetentionStart.LAST_CONTACT,
        position=2,
    )
    Recipient.objects.create(
        treatment=fiche,
        category=RecipientCategory.objects.get(code="processors"),
        name="Hébergeur ComPlus",
        position=2,
    )
    Transfer.objects.create(
        treatment=fiche,
        recipient="Centre d'appels de Rabat",
        country=Country.objects.filter(is_eu_eea=False, has_adequacy_decision=False).order_by("code").first(),
        safeguard=TransferSafeguard.objects.get(code="scc"),
        document_reference="Sur demande au DPO",
    )
    return fiche


def fiche_with_gaps():
    """A processor's fiche: client without DPO nor address, no basis, no recipient, a line without retention."""
    controller = make_organisation("Client sans coordonnées")
    fiche = make_treatment(controller=controller, role=TreatmentRole.PROCESSOR, legal_basis="", lines=False)
    DataCategoryLine.objects.create(
        treatment=fiche,
        category=DataCategory.objects.get(code="identity"),
        description="Nom, prénom",
        retention_value=None,
        retention_start=RetentionStart.COLLECTION,
    )
    return fiche
