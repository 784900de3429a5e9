"""The CentreCall case's DPIA screenings and risk assessment, loaded after the register's fiches.

Only where the case says enough: the Osiris questionnaire (T-001) meets no criterion; the
listening and evaluation of operators (T-005) evaluates employees, whose DPIA the demo
register records as done; ComPlus (T-007) combines data from several channels in an
application being tested, and its two incident tickets are the unwanted modifications of
its risk assessment. Idempotent: a fiche that already has a screening or an assessment is
left as it is.
"""

from register.models import Treatment

from .dpia_lists import Criterion
from .models import DpiaScreening, FearedEvent, FearedEventKind, RiskAssessment
from .screening import record_screening

SCREENINGS = {
    "T-001": {},
    "T-005": {
        Criterion.EVALUATION: "Grilles d'évaluation des opérateurs",
        Criterion.VULNERABLE_SUBJECTS: "Salariés : les opérateurs téléphoniques",
    },
    "T-007": {
        Criterion.MATCHING: "Courriel, SMS, application mobile et formulaire web consolidés dans ComPlus",
        Criterion.INNOVATIVE_USE: "Application ComPlus SMS en cours de test, stratégie multicanal nouvelle",
    },
}
T007_RISKS = {
    FearedEventKind.ILLEGITIMATE_ACCESS: {
        "threats": "Divulgation de données, dont certaines personnelles, constatée lors d'incidents récents.",
        "severity": 2,
        "likelihood": 3,
    },
    FearedEventKind.UNWANTED_MODIFICATION: {
        "sources": "L'application ComPlus (conversion des formats), les opérateurs (saisie manuelle).",
        "threats": (
            "Type « date » des fichiers JSON différent de celui de la base : jour et mois inversés ou dates ignorées "
            "(incident #1 du 20/05/2020). Incohérences entre les entretiens téléphoniques et la base (incident #2 du "
            "14/06/2020)."
        ),
        "planned_measures": (
            "Contrôle du type et du format des dates à l'intégration des JSON ; contrôle des données saisies à la main."
        ),
        "severity": 2,
        "likelihood": 4,
        "residual_severity": 2,
        "residual_likelihood": 2,
    },
    FearedEventKind.DISAPPEARANCE: {
        "threats": "Perte de données constatée lors d'incidents récents.",
        "severity": 2,
        "likelihood": 3,
    },
}


def load_demo_compliance():
    fiches = {fiche.reference: fiche for fiche in Treatment.objects.filter(reference__in=SCREENINGS)}
    for reference, criteria in SCREENINGS.items():
        fiche = fiches.get(reference)
        if fiche is None or DpiaScreening.objects.filter(treatment=fiche).exists():
            continue
        screening = DpiaScreening(**{criterion.value: True for criterion in criteria})
        for criterion, note in criteria.items():
            setattr(screening, f"{criterion.value}_note", note)
        record_screening(fiche, screening)
    complus = fiches.get("T-007")
    if complus is not None and not RiskAssessment.objects.filter(treatment=complus).exists():
        assessment = RiskAssessment.objects.create(treatment=complus)
        for kind in FearedEventKind:
            FearedEvent.objects.create(assessment=assessment, kind=kind, **T007_RISKS.get(kind, {}))
