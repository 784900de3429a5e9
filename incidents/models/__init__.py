"""Incidents and personal-data breaches."""

from .incidents import INCIDENT_NUMBERS, NOTIFICATION_DELAY, Incident, IncidentQuerySet, validate_not_future
from .lines import Attachment, AuthorityNotification, CorrectiveAction

__all__ = [
    "INCIDENT_NUMBERS",
    "NOTIFICATION_DELAY",
    "Attachment",
    "AuthorityNotification",
    "CorrectiveAction",
    "Incident",
    "IncidentQuerySet",
    "validate_not_future",
]
