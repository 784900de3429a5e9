"""Screenings and risk assessments for the compliance tests."""

from compliance.models import DpiaScreening, FearedEvent, FearedEventKind, RiskAssessment
from compliance.screening import record_screening


def screen(treatment, *criteria, cnil_types=(), justification="", user=None):
    """Record a screening of `treatment` ticking `criteria` (Criterion values) through the one door."""
    screening = DpiaScreening(**dict.fromkeys(criteria, True), cnil_types=list(cnil_types), justification=justification)
    return record_screening(treatment, screening, user=user)


def assess(treatment, **events):
    """A risk assessment of `treatment`;
    events={kind: (severity, likelihood, residual_severity, residual_likelihood)}."""
    assessment = RiskAssessment.objects.create(treatment=treatment)
    for kind in FearedEventKind.values:
        values = events.get(kind, (None, None, None, None))
        FearedEvent.objects.create(
            assessment=assessment,
            kind=kind,
            severity=values[0],
            likelihood=values[1],
            residual_severity=values[2],
            residual_likelihood=values[3],
        )
    return assessment


def screening_post(*criteria, cnil_types=(), justification="", notes=None):
    data = dict.fromkeys(criteria, "on")
    data.update({f"{criterion}_note": note for criterion, note in (notes or {}).items()})
    if cnil_types:
        data["cnil_types"] = list(cnil_types)
    data["justification"] = justification
    return data
