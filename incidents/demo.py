"""The two ComPlus tickets of the CentreCall case (section « Incidents »), for `load_demo`.

Both are integrity incidents: dates altered by the JSON import, answers stored differently
from what was said on the phone. They break the accuracy principle (art. 5(1)(d)) and
integrity (art. 5(1)(f)); the DPO qualified them as breaches of integrity whose risk to the
persons is unlikely, documented in the breach register (art. 33(5)) without notification.
ComPlus collects for Osiris: CentreCall, its processor, warned it (art. 33(2)). Each ticket
names the steps of the market-study process where it happened (the answers entered in the
collection application; for the second, the recorded call they differ from) and, as the
qualification form does, their fiches.

Idempotent: a ticket whose subject is already in the register is left as it is.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from processes.demo import NAME as MARKET_STUDY
from processes.models import Operation
from register.models import DataCategory, Treatment

from .choices import Channel, IncidentStatus, PersonsCommunication, RiskLevel
from .models import CorrectiveAction, Incident

COMPLUS_FICHE = "T-007"  # Collecte multicanal ComPlus (courriel, SMS, application mobile)
ENTRY = "Saisir les réponses au questionnaire dans l'application de collecte"
RECORDING = "Enregistrement d'un appel téléphonique"
NOT_NOTIFIED = (
    "Altération accidentelle de dates et de réponses d'études de marché, sans divulgation ni perte : "
    "risque improbable pour les droits et libertés des personnes (art. 33(1)). Documentée au registre "
    "des violations (art. 33(5)) ; le client responsable, Osiris, a été prévenu (art. 33(2))."
)

TICKETS = [
    {
        "occurred_at": (date(2020, 5, 20), time(9, 0)),
        "status": IncidentStatus.CLOSED,
        "reporter_name": "David Blanc",
        "reporter_role": "Technicien informatique",
        "channel": Channel.MOBILE_JSON,
        "subject": "Bugs liés au typage des données",
        "operations": (ENTRY,),
        "message": (
            "Bonjour, j'ai constaté que le type « date » utilisé dans les données recueillies via les fichiers "
            "JSON est différent de celui prévu dans la base de données. La conséquence est une inversion pour "
            "certaines dates entre le mois et le jour ou encore la non prise en compte de certaines dates."
        ),
        "breach_reasoning": (
            "Altération accidentelle de données personnelles (art. 4(12)) : des dates recueillies par "
            "l'application mobile sont enregistrées jour et mois inversés, ou perdues. Atteinte à l'exactitude "
            "(art. 5(1)(d)) et à l'intégrité (art. 5(1)(f))."
        ),
        "data_description": "Dates saisies dans les questionnaires (réponses et dates de collecte).",
        "consequences": (
            "Réponses d'études de marché datées à tort ou incomplètes ; synthèses remises au client faussées."
        ),
        "controller_warned_at": (date(2020, 5, 21), time(10, 0)),
        "actions": [
            (
                "Contrat de dates ISO 8601 (AAAA-MM-JJ) entre l'application mobile et ComPlus, validé à chaque "
                "chemin d'import (formulaire, CSV issu des PDF, JSON, saisie manuelle).",
                "David Blanc",
                date(2020, 6, 15),
                date(2020, 6, 12),
            ),
            (
                "Rejet des dates ambiguës (05/06/2020 sans format déclaré) au lieu de les deviner.",
                "David Blanc",
                date(2020, 6, 15),
                date(2020, 6, 12),
            ),
        ],
    },
    {
        "occurred_at": (date(2020, 6, 14), time(9, 0)),
        "status": IncidentStatus.ANALYSING,
        "reporter_name": "Christophe Vicq",
        "reporter_role": "Call manager",
        "channel": Channel.MANUAL_ENTRY,
        "subject": "Problème d'intégrité des données",
        "operations": (RECORDING, ENTRY),
        "message": (
            "Bonjour, je constate que l'utilisation de ComPlus n'a pas supprimé des problèmes d'incohérences "
            "entre des informations enregistrées lors d'entretiens téléphoniques et les données insérées dans la base."
        ),
        "breach_reasoning": (
            "Altération accidentelle (art. 4(12)) : des réponses enregistrées diffèrent de ce que la personne "
            "interrogée a dit au téléphone. Atteinte à l'exactitude (art. 5(1)(d)) et à l'intégrité (art. 5(1)(f))."
        ),
        "data_description": "Réponses aux questionnaires saisies par les opérateurs après un entretien téléphonique.",
        "consequences": "Données d'études de marché inexactes attribuées aux personnes interrogées.",
        "controller_warned_at": (date(2020, 6, 15), time(10, 0)),
        "actions": [
            (
                "Double saisie ou relecture à voix haute par l'opérateur des réponses saisies.",
                "Christophe Vicq",
                date(2020, 7, 15),
                None,
            ),
            (
                "Rapport de rapprochement entre enregistrements d'appels et données insérées.",
                "Christophe Vicq",
                date(2020, 7, 31),
                None,
            ),
        ],
    },
]


def _aware(pair):
    return timezone.make_aware(datetime.combine(*pair))


def load_demo_incidents():
    fiches = list(Treatment.objects.filter(reference=COMPLUS_FICHE))
    categories = list(DataCategory.objects.filter(code__in=["identity", "personal_life"]))
    for spec in TICKETS:
        if Incident.objects.filter(subject=spec["subject"]).exists():
            continue
        spec = dict(spec)
        actions = spec.pop("actions")
        operations = list(Operation.objects.filter(process__name=MARKET_STUDY, description__in=spec.pop("operations")))
        occurred = _aware(spec.pop("occurred_at"))
        incident = Incident.objects.create(
            occurred_at=occurred,
            reported_at=occurred,
            aware_at=occurred,
            controller_warned_at=_aware(spec.pop("controller_warned_at")),
            source_application="ComPlus",
            is_breach=True,
            integrity=True,
            persons_description="Personnes interrogées lors des études de marché",
            risk_level=RiskLevel.UNLIKELY,
            risk_reasoning="Données d'opinion sans caractère sensible, ni divulguées ni perdues au-delà des dates.",
            not_notified_reason=NOT_NOTIFIED,
            persons_communication=PersonsCommunication.NOT_NEEDED,
            **spec,
        )
        incident.operations.set(operations)
        implied = {operation.treatment_id for operation in operations if operation.treatment_id}
        incident.treatments.set(fiches + list(Treatment.objects.filter(pk__in=implied)))
        incident.data_categories.set(categories)
        for description, owner, due, done in actions:
            CorrectiveAction.objects.create(
                incident=incident, description=description, owner=owner, due_date=due, done_date=done
            )
        # The history starts when the ticket was filed, so the breach register of 2020 shows it;
        # its records (creation, then each m2m set) keep their order a microsecond apart, as
        # as_of() takes the latest record by date and equal dates would give the ticket twice.
        records = Incident.history.filter(id=incident.pk).order_by("history_id")
        for offset, history_id in enumerate(records.values_list("history_id", flat=True)):
            Incident.history.filter(history_id=history_id).update(
                history_date=occurred + timedelta(microseconds=offset)
            )
        CorrectiveAction.history.filter(incident_id=incident.pk).update(history_date=occurred)
