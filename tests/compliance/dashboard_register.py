"""A small register whose dashboard figures are known, and a check that finds what it is told to.

The real checks change as rules are added; the dashboard's tests count what the registry
says, so they replace the registry with `flagged` alone: a fiche whose notes name a
severity (« constat: blocking ») gets one finding of that severity.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from register.choices import DpiaStatus, OrganisationKind, TreatmentRole, TreatmentStatus
from register.compliance import Finding, Severity
from register.models import DataCategory, DataCategoryLine
from tests.conftest import make_organisation, make_treatment
from tests.incidents.conftest import make_breach, make_incident, paris

TODAY = date(2026, 6, 10)


def flagged(treatment, on):
    for severity in Severity:
        if f"constat: {severity.value}" in treatment.notes:
            yield Finding(severity, f"Constat {severity.value}")


@dataclass
class SmallRegister:
    own: object
    osiris: object
    drafts: list
    in_force: object
    archived: object
    incidents: dict


def small_register(today=TODAY):
    """Four fiches (two drafts of CentreCall's, one in force for Osiris, one archived) and four incidents."""
    own = make_organisation("CentreCall", kind=OrganisationKind.SELF)
    osiris = make_organisation("Osiris")
    drafts = [
        make_treatment(
            controller=own,
            name="Paie",
            status=TreatmentStatus.DRAFT,
            notes="constat: blocking constat: warning",
            next_review_date=today - timedelta(days=1),  # overdue
            dpia_status=DpiaStatus.REQUIRED,
        ),
        make_treatment(
            controller=own,
            name="Recrutement",
            status=TreatmentStatus.DRAFT,
            notes="constat: warning",
            next_review_date=today + timedelta(days=5),  # due this month
            dpia_status=DpiaStatus.NOT_REQUIRED,
        ),
    ]
    in_force = make_treatment(
        controller=osiris,
        name="Études de marché Osiris",
        role=TreatmentRole.PROCESSOR,
        status=TreatmentStatus.IN_FORCE,
        next_review_date=today + timedelta(days=60),
        dpia_status=DpiaStatus.DONE,
    )
    identity = DataCategory.objects.get(code="identity")
    DataCategoryLine.objects.create(
        treatment=in_force, category=identity, description="Réponses", retention_value=2, retention_unit="years"
    )
    DataCategoryLine.objects.create(
        treatment=in_force,
        category=identity,
        description="Contrat",
        retention_value=None,
        retention_start="end_of_contract",
    )
    archived = make_treatment(
        controller=osiris,
        name="Ancienne campagne",
        status=TreatmentStatus.ARCHIVED,
        notes="constat: blocking",
        next_review_date=today - timedelta(days=100),
    )
    incidents = {
        "unqualified": make_incident(subject="Écran resté ouvert"),
        "late": make_breach(subject="Fichier envoyé au mauvais client", aware_at=paris(2026, 3, 2, 9)),
        "closed": make_incident(subject="Fausse alerte", status="closed", is_breach=False),
    }
    return SmallRegister(own, osiris, drafts, in_force, archived, incidents)
