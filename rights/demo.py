"""Two requests of the CentreCall case, for `load_demo`: an access request answered on time,
and an objection to the recording of calls, extended and answered within the extension.

The access request is about the listening and evaluation of calls (T-005, CentreCall's own
processing). The objection is about the recording of the market-study calls (T-002), which
CentreCall does for Osiris: it was forwarded to Osiris, the controller, who decided
(art. 28(3)(e)); the reply sent on Osiris's instructions needed the recordings to be found
across the campaigns, hence the extension.

Idempotent: a request already there (same person, same day) is left as it is.
"""

from datetime import date

from register.models import Treatment

from .choices import Extension, RequestChannel, RequestKind, RequestStatus
from .models import DataSubjectRequest

REQUESTS = [
    {
        "fiches": ["T-005"],
        "kind": RequestKind.ACCESS,
        "person_name": "Julien Moreau",
        "person_contact": "julien.moreau@example.org",
        "channel": RequestChannel.EMAIL,
        "received_on": date(2026, 3, 2),
        "details": "Demande la copie des évaluations de ses appels et des enregistrements écoutés à ce titre.",
        "status": RequestStatus.ANSWERED,
        "identity_check_needed": True,
        "identity_checked_on": date(2026, 3, 4),
        "identity_check_method": "Questions sur les dates de ses appels, rappel au numéro connu.",
        "answered_on": date(2026, 3, 24),
        "answer": (
            "Copie des deux grilles d'évaluation de mars 2026 et lien de téléchargement des deux enregistrements "
            "écoutés, valable 15 jours ; finalités, destinataires et durées de conservation rappelés (art. 15(1))."
        ),
        "answer_proof": "Courriel du 24/03/2026 à julien.moreau@example.org",
    },
    {
        "fiches": ["T-002"],
        "kind": RequestKind.OBJECTION,
        "person_name": "Claire Dubois",
        "person_contact": "12 rue des Lilas, 37000 Tours",
        "channel": RequestChannel.MAIL,
        "received_on": date(2026, 1, 31),
        "details": "S'oppose à l'enregistrement de ses appels lors des études de marché et demande leur effacement.",
        "status": RequestStatus.ANSWERED,
        "forwarded_on": date(2026, 2, 2),
        "extension_months": Extension.TWO_MONTHS,
        "extension_reason": (
            "Les enregistrements sont répartis sur plusieurs campagnes d'Osiris : leur recherche et la décision "
            "du client responsable demandent plus d'un mois (art. 12(3))."
        ),
        "extension_notified_on": date(2026, 2, 20),
        "answered_on": date(2026, 4, 14),
        "answer": (
            "Sur instruction d'Osiris : opposition admise, les trois enregistrements retrouvés sont effacés et "
            "ses appels ne seront plus enregistrés (art. 21(1))."
        ),
        "answer_proof": "Lettre recommandée n° 1A 234 567 8901 2",
    },
]


def load_demo_requests():
    for spec in REQUESTS:
        spec = dict(spec)
        fiches = list(Treatment.objects.filter(reference__in=spec.pop("fiches")))
        if DataSubjectRequest.objects.filter(person_name=spec["person_name"], received_on=spec["received_on"]).exists():
            continue
        subject_request = DataSubjectRequest(**spec)
        subject_request.full_clean(exclude=["number", "due_on"])
        subject_request.save()
        subject_request.treatments.set(fiches)
