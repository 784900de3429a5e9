"""Realistic fiches in bulk: the one generator of the tests, the benchmarks and
`manage.py generate_register`.

The same seed gives the same fiches. Every table is written with bulk_create (history
records included, dated `created`), so the number of queries does not grow with the
number of fiches. Odd-numbered fiches are kept for a client as processor, the others for
our own organisation; every fiche names the hosting provider as processor.
"""

import random
from datetime import datetime

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from .choices import (
    ContactRole,
    DpiaStatus,
    LegalBasis,
    OrganisationKind,
    RetentionStart,
    RetentionUnit,
    TreatmentRole,
    TreatmentStatus,
)
from .models import (
    LINE_MODELS,
    Contact,
    Country,
    DataCategory,
    DataCategoryLine,
    DataSubjectCategory,
    DataSubjectLine,
    Organisation,
    Recipient,
    RecipientCategory,
    SecurityMeasure,
    SecurityMeasureCategory,
    SubPurpose,
    Transfer,
    TransferSafeguard,
    Treatment,
)

CREATED = timezone.make_aware(datetime(2024, 1, 15, 10, 0))
CLIENTS = ("Osiris", "Artemis", "Hestia", "Apollon", "Déméter")

# (name, main purpose, legal basis, detail of the legal basis)
ACTIVITIES = (
    (
        "Étude de marché pour {client}",
        "Appeler un panel désigné par le client, recueillir les réponses au questionnaire et remettre "
        "une synthèse statistique anonyme.",
        LegalBasis.LEGITIMATE_INTERESTS,
        "Intérêt légitime du client à connaître les attentes de son marché.",
    ),
    (
        "Enquête de satisfaction des clients de {client}",
        "Interroger les clients après un achat sur la qualité du service rendu.",
        LegalBasis.LEGITIMATE_INTERESTS,
        "Intérêt légitime du client à améliorer son service.",
    ),
    (
        "Prospection téléphonique pour {client}",
        "Présenter les offres du client à des prospects ayant accepté d'être appelés.",
        LegalBasis.CONSENT,
        "Consentement recueilli par le client lors de l'inscription.",
    ),
    (
        "Service après-vente de {client}",
        "Répondre aux appels des clients, suivre leurs demandes jusqu'à leur résolution.",
        LegalBasis.CONTRACT,
        "Exécution du contrat de vente entre le client et ses acheteurs.",
    ),
    (
        "Gestion de la paie",
        "Calculer et verser les salaires, établir les déclarations sociales.",
        LegalBasis.LEGAL_OBLIGATION,
        "Code du travail et code de la sécurité sociale.",
    ),
    (
        "Recrutement des téléconseillers",
        "Recevoir les candidatures, conduire les entretiens et garder les CV des candidats.",
        LegalBasis.CONTRACT,
        "Mesures précontractuelles prises à la demande du candidat.",
    ),
)
SUB_PURPOSES = ("Planifier les appels", "Qualifier les réponses", "Produire les statistiques", "Suivre la qualité")
DATA = (
    ("identity", "Nom, prénom, téléphone", 6, RetentionUnit.MONTHS, RetentionStart.LAST_CONTACT),
    ("personal_life", "Réponses au questionnaire", 12, RetentionUnit.MONTHS, RetentionStart.COLLECTION),
    ("professional_life", "Fonction, employeur", 3, RetentionUnit.YEARS, RetentionStart.LAST_CONTACT),
    ("economic", "Tranche de revenus déclarée", 12, RetentionUnit.MONTHS, RetentionStart.COLLECTION),
)
SENSITIVE = ("health", "Arrêts de travail signalés pendant l'appel", 5, RetentionUnit.YEARS, "b")
SUBJECTS = ("customers", "prospects", "employees", "candidates")
RECIPIENTS = (
    ("internal_service", "Service qualité"),
    ("processors", "Hébergeur"),
    ("partners", "Institut de sondage partenaire"),
)
MEASURES = (
    ("access_control", "Comptes nominatifs, mots de passe robustes"),
    ("traceability", "Journal des accès aux fiches"),
    ("backups", "Sauvegarde quotidienne chiffrée"),
    ("encryption", "Chiffrement des disques et des échanges"),
)


def generate_register(
    count, *, seed=0, prefix="G", lines_per_kind=2, sensitive_every=5, status=TreatmentStatus.IN_FORCE, created=None
):
    """`count` fiches referenced `<prefix>-0000`… (after those already under `prefix`), each with
    `lines_per_kind` lines of every kind; every `sensitive_every`-th fiche (the first included)
    holds a sensitive data line first. Returns the fiches in reference order."""
    rng = random.Random(seed)
    created = created or CREATED
    own, clients, host = _organisations()
    first = Treatment.objects.filter(reference__startswith=f"{prefix}-").count()
    fiches = []
    for number in range(first, first + count):
        name, purpose, legal_basis, detail = rng.choice(ACTIVITIES)
        client = rng.choice(clients)
        processor = number % 2 == 1
        fiches.append(
            Treatment(
                reference=f"{prefix}-{number:04d}",
                name=name.format(client=client.name),
                role=TreatmentRole.PROCESSOR if processor else TreatmentRole.CONTROLLER,
                controller=client if processor else own,
                software=rng.choice(("ComPlus", "Odigo", "Salesforce", "")),
                main_purpose=purpose,
                legal_basis=legal_basis,
                legal_basis_detail=detail,
                status=status,
                dpia_status=rng.choice((DpiaStatus.NOT_REQUIRED, DpiaStatus.DONE)),
                created_at=timezone.localtime(created).date(),
            )
        )
    bulk_create_with_history(fiches, Treatment, default_date=created)
    fiches = list(Treatment.objects.filter(reference__in=[fiche.reference for fiche in fiches]).order_by("reference"))
    Treatment.processors.through.objects.bulk_create(
        [Treatment.processors.through(treatment=fiche, organisation=host) for fiche in fiches]
    )
    _add_lines(fiches, rng, lines_per_kind, sensitive_every, first, created)
    return fiches


def _organisations():
    """Our own organisation, the clients with their DPO, and the hosting provider."""
    own = Organisation.objects.filter(kind=OrganisationKind.SELF).first()
    if own is None:
        own = Organisation.objects.create(
            name="CentreCall", kind=OrganisationKind.SELF, address="12, rue Nationale", postcode="37000", city="Tours"
        )
    clients = []
    for name in CLIENTS:
        client, created = Organisation.objects.get_or_create(name=name, defaults={"city": "Paris"})
        if created:
            Contact.objects.create(organisation=client, role=ContactRole.DPO, name=f"DPO de {name}")
        clients.append(client)
    host, _created = Organisation.objects.get_or_create(
        name="Hébergeur Cloud Atlas", defaults={"kind": OrganisationKind.PROCESSOR, "city": "Rabat", "country": "Maroc"}
    )
    return own, clients, host


def _add_lines(fiches, rng, per_kind, sensitive_every, first, created):
    catalogs = {
        model: {row.code: row for row in model.objects.all()}
        for model in (DataCategory, DataSubjectCategory, RecipientCategory, SecurityMeasureCategory)
    }
    country = Country.objects.get(code="MA")
    safeguard = TransferSafeguard.objects.get(code="scc")
    rows = {model: [] for model in LINE_MODELS}
    for offset, fiche in enumerate(fiches):
        sensitive = sensitive_every and (first + offset) % sensitive_every == 0
        for position in range(per_kind):
            line = {"treatment": fiche, "position": position}
            rows[SubPurpose].append(
                SubPurpose(description=f"Sous-finalité {position + 1} : {rng.choice(SUB_PURPOSES)}", **line)
            )
            if sensitive and position == 0:
                code, description, value, unit, exception = SENSITIVE
                data_line = {"retention_unit": unit, "art9_exception": exception}
            else:
                code, description, value, unit, start = DATA[(position + offset) % len(DATA)]
                data_line = {"retention_unit": unit, "retention_start": start}
            rows[DataCategoryLine].append(
                DataCategoryLine(
                    category=catalogs[DataCategory][code],
                    description=description,
                    retention_value=value,
                    **data_line,
                    **line,
                )
            )
            subject = catalogs[DataSubjectCategory][SUBJECTS[(position + offset) % len(SUBJECTS)]]
            rows[DataSubjectLine].append(DataSubjectLine(category=subject, **line))
            category, name = RECIPIENTS[position % len(RECIPIENTS)]
            rows[Recipient].append(Recipient(category=catalogs[RecipientCategory][category], name=name, **line))
            rows[Transfer].append(
                Transfer(
                    recipient=f"Centre d'appels de Rabat {position + 1}", country=country, safeguard=safeguard, **line
                )
            )
            category, description = MEASURES[position % len(MEASURES)]
            rows[SecurityMeasure].append(
                SecurityMeasure(category=catalogs[SecurityMeasureCategory][category], description=description, **line)
            )
    for model, objects in rows.items():
        bulk_create_with_history(objects, model, default_date=created)
