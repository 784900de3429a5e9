"""What the compliance rules find in the CentreCall demo register (fixtures/centrecall_demo.json),
loaded and judged on 4 December 2026, and why: the demo is the case of the market study, whose
call recording « Preuve de l'appel » the CNIL's guidance does not admit as it stands.

The clock stands on that day for the whole test: the demo stamps what it records (the DPIA
screenings) with the moment it is loaded, and a rule judged at a day sees what was recorded by then."""

from datetime import date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from register import compliance
from register.queries import treatments_with_lines

pytestmark = pytest.mark.django_db

DAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def on_the_day():
    with time_machine.travel(timezone.make_aware(datetime(2026, 12, 4, 10, 0)), tick=False):
        yield


NO_BACKUP = "« Mesures de sécurité » : aucune mesure pour la sauvegarde des données."
EXPECTED = {
    # The Osiris market study: its yearly review fell due in March; no backup measure is described.
    "T-001": [("warning", "Revue en retard depuis le 04/03/2026."), ("advice", NO_BACKUP)],
    # The case's call recording (OP-01, « Preuve de l'appel »): recorded as proof of the call, which
    # the CNIL admits only for a contract concluded by phone; the operator states the purpose only,
    # not the other items of the notice; consent is oral, and the fiche does not say how it is proven.
    "T-002": [
        ("warning", "Revue en retard depuis le 04/03/2026."),
        (
            "warning",
            "« Finalité principale » : les appels sont enregistrés à titre de preuve (« Enregistrer, après accord "
            "oral de la personne interrogée, la conversation afin de ne pas commettre d'erreur dans la collecte "
            "des réponses (preuve de l'appel, OP-01). ») ; la CNIL ne l'admet que dans des cas limités (preuve "
            "d'un contrat conclu par téléphone).",
        ),
        (
            "warning",
            "Enregistrement des appels : la fiche ne dit pas que les personnes sont informées avant l'enregistrement.",
        ),
        (
            "warning",
            "« Base légale » : le consentement est invoqué sans dire comment il est recueilli ni comment il est "
            "prouvé.",
        ),
        ("advice", NO_BACKUP),
    ],
    # Payroll: the NIR serves the social declarations (a legal obligation: advice to cite the
    # décret-cadre case); no traceability measure. Payroll kept 5 years is the CNIL reference.
    "T-003": [
        ("warning", "Revue en retard depuis le 12/09/2026."),
        (
            "advice",
            "Ligne « Numéro de sécurité sociale pour les déclarations sociales » : le numéro de sécurité sociale "
            "(NIR) est utilisé ; il n'est permis que dans les cas du décret-cadre NIR.",
        ),
        ("advice", "« Mesures de sécurité » : aucune mesure pour la traçabilité des accès."),
    ],
    # B2B prospection: 3 years from the last contact is the CNIL reference; not consumers, so the
    # 11 August 2026 opt-in does not apply.
    "T-004": [
        ("warning", "Revue en retard depuis le 06/11/2025."),
        ("advice", "« Mesures de sécurité » : aucune mesure pour la sauvegarde des données, la traçabilité des accès."),
    ],
    # Quality recordings: 6 months, evaluation grids 1 year (both the CNIL references); callers are
    # informed, but the fiche does not say they may object.
    "T-005": [
        (
            "warning",
            "Enregistrement des appels : la fiche ne dit pas que les personnes peuvent s'opposer à "
            "l'enregistrement, l'appel continuant alors sans.",
        ),
        ("advice", NO_BACKUP),
    ],
    # Loyalty calls to Verdier's consumers: phone prospection on the contract basis, excepted because the
    # calls concern the loyalty contract in progress — the fiche states it, so no prospection finding.
    "T-006": [
        ("warning", "Revue en retard depuis le 03/02/2026."),
        (
            "advice",
            "« Mesures de sécurité » : aucune mesure pour le contrôle d'accès des utilisateurs, la sauvegarde des "
            "données, la traçabilité des accès.",
        ),
    ],
    # ComPlus multichannel collection: two WP248 criteria and its DPIA still to do (the DPIA screening's
    # rule); a draft since May; the transfer to Atlas Saisie (Morocco) is declared with standard
    # contractual clauses, so its recipient abroad raises nothing.
    "T-007": [
        (
            "blocking",
            "Analyse d'impact : 2 critères du CEPD sont remplis (croisement ou combinaison d'ensembles de données, "
            "usage innovant ou application de nouvelles technologies) et l'AIPD n'est pas réalisée (statut « Requise, "
            "à réaliser »).",
        ),
        (
            "advice",
            "« Mesures de sécurité » : aucune mesure pour le contrôle d'accès des utilisateurs, la sauvegarde des "
            "données, la traçabilité des accès.",
        ),
        ("advice", "Fiche en brouillon depuis le 20/05/2026, plus de 30 jours."),
    ],
}


def test_the_demo_register_raises_the_findings_its_case_calls_for():
    call_command("load_demo", password="demo-pass-123")
    found = {
        treatment.reference: [
            (str(finding.severity), finding.message) for finding in compliance.findings_for(treatment, DAY)
        ]
        for treatment in treatments_with_lines().order_by("reference")
    }
    assert found == EXPECTED


def test_every_demo_finding_cites_its_reference_and_links_to_its_field():
    call_command("load_demo", password="demo-pass-123")
    for treatment in treatments_with_lines():
        for finding in compliance.findings_for(treatment, DAY):
            assert finding.article and finding.fix, finding
            assert finding.url.startswith(
                (f"/registre/{treatment.reference}/", f"/conformite/fiches/{treatment.reference}/")
            ), finding
