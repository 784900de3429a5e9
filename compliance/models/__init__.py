from .risks import FearedEvent, FearedEventKind, RiskAssessment, RiskLevel, Scale
from .screenings import DpiaScreening, ScreeningResult

__all__ = [
    "DpiaScreening",
    "FearedEvent",
    "FearedEventKind",
    "RiskAssessment",
    "RiskLevel",
    "Scale",
    "ScreeningResult",
]
