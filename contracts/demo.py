"""The CentreCall case's art. 28 contracts, for `load_demo` (register.demo.add_loader).

ComPlus runs on servers rented from a hosting provider, CentreCall's processor for the
fiches that use ComPlus: its contract lacks the audit clause (art. 28(3)(h)), which the
findings raise. Osiris and Verdier Distribution, the clients of the case, engage CentreCall
as their processor: their contracts name the sub-processors CentreCall uses (SMS Connect,
Atlas Saisie in Morocco under standard contractual clauses). Verdier's ends on 31/12/2026,
so the digest announces it.

Idempotent: an organisation is matched by name, a contract by its organisation and title.
"""

from datetime import date

from register.choices import ContactRole, OrganisationKind
from register.models import Contact, Country, Organisation, TransferSafeguard, Treatment

from .choices import Art28Clause, ContractDirection, SubProcessorAuthorisation
from .models import Contract, ContractTransfer, SubProcessor

HOSTING_PROVIDER = "Hexanet Hébergement"
ALL_CLAUSES = {clause.field_name: True for clause in Art28Clause}

CONTRACTS = [
    {
        "organisation": HOSTING_PROVIDER,
        "direction": ContractDirection.PROCESSOR,
        "title": "Hébergement de l'application ComPlus (serveurs, base de données, sauvegardes)",
        "fiches": ["T-001", "T-006", "T-007"],
        "start_date": date(2020, 1, 15),
        "end_date": date(2028, 1, 14),
        "next_review_date": date(2027, 1, 4),
        "clauses": {**ALL_CLAUSES, Art28Clause.AUDITS.field_name: False},
        "locations": "Roubaix et Strasbourg (France)",
        "security_commitments": (
            "Centres de données certifiés ISO 27001 ; chiffrement des disques et des sauvegardes ; accès "
            "d'administration par VPN et double authentification ; journalisation conservée un an."
        ),
        "subs": [("Sauvegardes du Nord", "Copie des sauvegardes hors site", "FR", SubProcessorAuthorisation.GENERAL)],
        "transfers": [],
    },
    {
        "organisation": "Osiris",
        "direction": ContractDirection.CLIENT,
        "title": "Études de marché pour le compte d'Osiris (questionnaires, enregistrement des appels)",
        "fiches": ["T-001", "T-002", "T-007"],
        "start_date": date(2020, 3, 1),
        "end_date": date(2027, 2, 28),
        "next_review_date": date(2027, 3, 1),
        "clauses": ALL_CLAUSES,
        "locations": "Centres d'appels de Lille, Paris, Tours, Bordeaux et Toulouse ; hébergement en France",
        "security_commitments": "Annexe sécurité du contrat : contrôle d'accès, traçabilité, sauvegardes, PSSI.",
        "subs": [
            ("SMS Connect", "Envoi des SMS de l'application ComPlus SMS", "FR", SubProcessorAuthorisation.SPECIFIC),
            ("Atlas Saisie", "Saisie des questionnaires", "MA", SubProcessorAuthorisation.SPECIFIC),
        ],
        "transfers": [("Atlas Saisie", "MA", "scc")],
    },
    {
        "organisation": "Verdier Distribution",
        "direction": ContractDirection.CLIENT,
        "title": "Campagnes de fidélisation pour Verdier Distribution",
        "fiches": ["T-006"],
        "start_date": date(2021, 9, 1),
        "end_date": date(2026, 12, 31),
        "next_review_date": date(2026, 12, 15),
        "clauses": ALL_CLAUSES,
        "locations": "Centres d'appels de Bordeaux et Toulouse ; hébergement en France",
        "security_commitments": "Clauses de sécurité du contrat-cadre de Verdier Distribution (annexe 3).",
        "subs": [("SMS Connect", "Envoi des SMS de fidélisation", "FR", SubProcessorAuthorisation.GENERAL)],
        "transfers": [],
    },
]


def _hosting_provider():
    provider, _created = Organisation.objects.get_or_create(
        name=HOSTING_PROVIDER,
        defaults={"kind": OrganisationKind.PROCESSOR, "city": "Roubaix", "email": "contact@hexanet.example"},
    )
    Contact.objects.get_or_create(
        organisation=provider,
        role=ContactRole.DPO,
        name="Julien Marchand",
        defaults={"email": "dpo@hexanet.example"},
    )
    return provider


def load_demo_contracts():
    _hosting_provider()
    for spec in CONTRACTS:
        organisation = Organisation.objects.filter(name=spec["organisation"]).first()
        if organisation is None or Contract.objects.filter(organisation=organisation, title=spec["title"]).exists():
            continue
        contract = Contract.objects.create(
            organisation=organisation,
            direction=spec["direction"],
            title=spec["title"],
            start_date=spec["start_date"],
            end_date=spec["end_date"],
            next_review_date=spec["next_review_date"],
            locations=spec["locations"],
            security_commitments=spec["security_commitments"],
            **spec["clauses"],
        )
        contract.treatments.set(Treatment.objects.filter(reference__in=spec["fiches"]))
        for name, service, country, authorisation in spec["subs"]:
            SubProcessor.objects.create(
                contract=contract,
                name=name,
                service=service,
                country=Country.objects.get(code=country),
                authorisation=authorisation,
                authorised_on=spec["start_date"],
            )
        for recipient, country, safeguard in spec["transfers"]:
            ContractTransfer.objects.create(
                contract=contract,
                recipient=recipient,
                country=Country.objects.get(code=country),
                safeguard=TransferSafeguard.objects.get(code=safeguard),
            )
