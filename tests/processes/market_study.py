"""The market-study process of the case (CentreCall), as the diagram's source values."""

from processes.diagram.source import Actor, Event, Join, Operation, Process, Rule


def market_study_process():
    actors = (
        Actor("actor-manager", "Call manager"),
        Actor("actor-operator", "Opérateur téléphonique"),
        Actor("actor-respondent", "Personne interrogée (prospect)", external=True),
        Actor("actor-client", "Entreprise cliente (Osiris)", external=True),
    )
    events = (
        Event("ev-week", "Début de semaine", "actor-manager"),
        Event("ev-order", "Commande d'étude reçue du client", "actor-client"),
        Event("ev-planned", "Appels planifiés"),
        Event("ev-answered", "Appel décroché", "actor-respondent"),
        Event("ev-accepted", "Enregistrement accepté"),
        Event("ev-refused", "Enregistrement refusé"),
        Event("ev-recorded", "Entretien enregistré"),
        Event("ev-entered", "Réponses saisies dans ComPlus"),
        Event("ev-synthesis", "Synthèse transmise au client", "actor-client"),
        Event("ev-retention", "Fin de la durée de conservation"),
        Event("ev-purged", "Données purgées"),
    )
    operations = (
        Operation(
            "op-plan",
            "Planifier les appels de la semaine",
            "actor-manager",
            triggers=("ev-week", "ev-order"),
            join=Join.ALL,
            rules=(Rule("Planning établi", "ev-planned"),),
        ),
        Operation(
            "op-call",
            "Appeler la personne interrogée",
            "actor-operator",
            triggers=("ev-planned",),
            rules=(Rule("Décroché", "ev-answered"), Rule("Absent", "op-plan")),
        ),
        Operation(
            "op-consent",
            "Demander l'accord pour enregistrer l'appel et en préciser la finalité",
            "actor-operator",
            triggers=("ev-answered",),
            rules=(Rule("Acceptation", "ev-accepted"), Rule("Refus", "ev-refused")),
        ),
        Operation(
            "op-record",
            "Enregistrement d'un appel téléphonique",
            "actor-operator",
            reference="OP-01",
            automated=True,
            triggers=("ev-accepted",),
            rules=(Rule("Appel enregistré", "ev-recorded"),),
        ),
        Operation(
            "op-enter",
            "Saisir les réponses au questionnaire dans l'application de collecte",
            "actor-operator",
            reference="OP-02",
            triggers=("ev-recorded", "ev-refused"),
            join=Join.ANY,
            rules=(Rule("Réponses saisies", "ev-entered"),),
        ),
        Operation(
            "op-synthesis",
            "Produire la synthèse de l'étude pour le client",
            "actor-manager",
            reference="OP-03",
            automated=True,
            triggers=("ev-entered",),
            rules=(Rule("Synthèse éditée", "ev-synthesis"),),
        ),
        Operation(
            "op-purge",
            "Purger les enregistrements et les réponses",
            "actor-manager",
            reference="OP-04",
            automated=True,
            triggers=("ev-retention",),
            rules=(Rule("Purge faite", "ev-purged"),),
        ),
    )
    return Process("Étude de marché pour un client", actors, events, operations)
