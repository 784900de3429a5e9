"""The market-study process of the CentreCall case (section « Opérations »), for `load_demo`.

Run for the client Osiris, it implements the fiches T-001 (the study) and T-002 (the call
recordings). Its operations follow the flow: planning the calls, calling, asking consent
to record (« Acceptation » → recording, « Refus » → the call goes on unrecorded), recording
(OP-01, the row of the case's table), entering the answers, the synthesis for the client,
the purge at the end of retention. Each operation on personal data names only what its fiche
declares, so the demo raises no mismatch finding.

Idempotent: a process of that name for Osiris already there is left as it is.
"""

from django.db import transaction

from register.choices import TreatmentStatus
from register.models import DataCategory, DataSubjectCategory, Organisation, RecipientCategory, Treatment

from .choices import Join
from .models import Actor, EmissionRule, Event, Operation, Process

NAME = "Étude de marché pour un client"
CLIENT = "Osiris"
STUDY_FICHE, RECORDING_FICHE = "T-001", "T-002"

ACTORS = (
    ("manager", "Gestionnaire d'appels", False),
    ("operator", "Téléopérateur", False),
    ("respondent", "Personne interrogée", True),
    ("client", "Entreprise cliente", True),
)
# key: (label, actor key or None for the column of the operation it triggers or ends)
EVENTS = {
    "week": ("Début de semaine", "manager"),
    "order": ("Commande d'étude reçue du client", "client"),
    "planned": ("Appels planifiés", None),
    "answered": ("Appel décroché", "respondent"),
    "accepted": ("Enregistrement accepté", None),
    "refused": ("Enregistrement refusé", None),
    "recorded": ("Appel enregistré", None),
    "entered": ("Réponses saisies dans l'application de collecte", None),
    "synthesis": ("Synthèse transmise au client", "client"),
    "retention": ("Fin de la durée de conservation", "manager"),
    "purged": ("Données purgées", None),
}
# In flow order. Rules: (label, event key, or "op:<key>" for an operation).
OPERATIONS = (
    {
        "key": "plan",
        "description": "Planifier les appels de la semaine",
        "actor": "manager",
        "triggers": ("week", "order"),
        "join": Join.ALL,
        "rules": (("Planning établi", "planned"),),
    },
    {
        "key": "call",
        "description": "Appeler la personne interrogée",
        "actor": "operator",
        "triggers": ("planned",),
        "rules": (("Décroché", "answered"), ("Absent", "op:plan")),
    },
    {
        "key": "consent",
        "description": "Demander l'accord pour enregistrer l'appel et en préciser la finalité",
        "actor": "operator",
        "triggers": ("answered",),
        "rules": (("Acceptation", "accepted"), ("Refus", "refused")),
    },
    {
        "key": "record",
        "description": "Enregistrement d'un appel téléphonique",
        "actor": "operator",
        "automated": True,
        "triggers": ("accepted",),
        "rules": (("Appel enregistré", "recorded"),),
        "purpose": "Preuve de l'appel",
        "fiche": RECORDING_FICHE,
        "data": ("personal_life",),
        "subjects": ("prospects",),
        "recipients": ("internal_service", "partners"),
        "recipients_detail": "Client et service interne de CentreCall",
    },
    {
        "key": "enter",
        "description": "Saisir les réponses au questionnaire dans l'application de collecte",
        "actor": "operator",
        # After the recording, or straight on when the respondent refused it: the call goes on.
        "triggers": ("recorded", "refused"),
        "join": Join.ANY,
        "rules": (("Réponses saisies", "entered"),),
        "purpose": "Recueillir les réponses de la personne interrogée à l'étude de marché",
        "fiche": STUDY_FICHE,
        "data": ("identity", "personal_life"),
        "subjects": ("prospects",),
        "recipients": ("internal_service",),
        "recipients_detail": "Opérateurs téléphoniques et call managers de CentreCall",
    },
    {
        "key": "synthesis",
        "description": "Produire la synthèse de l'étude pour le client",
        "actor": "manager",
        "automated": True,
        "triggers": ("entered",),
        "rules": (("Synthèse éditée", "synthesis"),),
        "purpose": "Remettre au client les résultats de l'étude de marché",
        "fiche": STUDY_FICHE,
        "data": ("personal_life",),
        "subjects": ("prospects",),
        "recipients": ("partners",),
        "recipients_detail": "Client (Osiris)",
    },
    {
        "key": "purge",
        "description": "Purger les coordonnées et les réponses à la fin de la durée de conservation",
        "actor": "manager",
        "automated": True,
        "triggers": ("retention",),
        "rules": (("Purge faite", "purged"),),
        "purpose": "Supprimer les données à l'issue de leur durée de conservation (art. 5(1)(e))",
        "fiche": STUDY_FICHE,
        "data": ("identity", "personal_life"),
        "subjects": ("prospects",),
        "recipients": (),
        "recipients_detail": "",
    },
)


@transaction.atomic
def load_demo_processes():
    client = Organisation.objects.filter(name=CLIENT).first()
    if Process.objects.filter(name=NAME, client=client).exists():
        return
    process = Process.objects.create(
        name=NAME,
        client=client,
        status=TreatmentStatus.IN_FORCE,
        description=(
            "Gestion des appels téléphoniques d'une étude de marché menée pour le compte d'un client "
            "(questionnaire Osiris sur la publicité et les réseaux sociaux)."
        ),
    )
    fiches = {
        fiche.reference: fiche for fiche in Treatment.objects.filter(reference__in=[STUDY_FICHE, RECORDING_FICHE])
    }
    process.treatments.set(fiches.values())
    actors = {
        key: Actor.objects.create(process=process, name=name, external=external, position=position)
        for position, (key, name, external) in enumerate(ACTORS, start=1)
    }
    events = {
        key: Event.objects.create(
            process=process, label=label, actor=actors[actor] if actor else None, position=position
        )
        for position, (key, (label, actor)) in enumerate(EVENTS.items(), start=1)
    }
    operations = {}
    for position, spec in enumerate(OPERATIONS, start=1):
        operations[spec["key"]] = _operation(process, position, spec, actors, events, fiches)
    for spec in OPERATIONS:
        for rule_position, (label, target) in enumerate(spec["rules"], start=1):
            EmissionRule.objects.create(
                operation=operations[spec["key"]],
                position=rule_position,
                label=label,
                target_operation=operations[target[3:]] if target.startswith("op:") else None,
                target_event=None if target.startswith("op:") else events[target],
            )


def _operation(process, position, spec, actors, events, fiches):
    personal = "purpose" in spec
    operation = Operation(
        process=process,
        position=position,
        description=spec["description"],
        actor=actors[spec["actor"]],
        automated=spec.get("automated", False),
        join=spec.get("join", Join.ALL),
        personal_data=personal,
        purpose=spec.get("purpose", ""),
        treatment=fiches.get(spec.get("fiche")),
        recipients_detail=spec.get("recipients_detail", ""),
    )
    operation.full_clean()
    operation.save()
    operation.triggers.set([events[key] for key in spec["triggers"]])
    if personal:
        operation.data_categories.set(DataCategory.objects.filter(code__in=spec["data"]))
        operation.data_subjects.set(DataSubjectCategory.objects.filter(code__in=spec["subjects"]))
        operation.recipients.set(RecipientCategory.objects.filter(code__in=spec["recipients"]))
    return operation
