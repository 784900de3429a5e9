"""Business processes (MOT) with their operations OP-xx, and the collection forms whose
fields the DPO identifies as personal data or not."""

from .identification import CollectionForm, FormField
from .processes import OPERATION_REFERENCES, Actor, EmissionRule, Event, Operation, Process

__all__ = [
    "OPERATION_REFERENCES",
    "Actor",
    "CollectionForm",
    "EmissionRule",
    "Event",
    "FormField",
    "Operation",
    "Process",
]
