"""What the diagram is drawn from: plain values, in the order the DPO gave them.

Keys are opaque strings unique within one process (e.g. "actor-3", "event-7", "op-12").
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Join(StrEnum):
    """How an operation waits for its triggering events (MOT synchronisation)."""

    ALL = "all"  # ET: every triggering event must have happened
    ANY = "any"  # OU: any one of them is enough


@dataclass(frozen=True)
class Actor:
    """One column of the diagram: a workstation or a party, internal or external."""

    key: str
    name: str
    external: bool = False


@dataclass(frozen=True)
class Event:
    """A triggering or result event, drawn as an ellipse in the column of `actor`
    (None: the column of the first operation it triggers, else of the one that emits it)."""

    key: str
    label: str
    actor: str | None = None


@dataclass(frozen=True)
class Rule:
    """An emission rule: a named outcome (« Acceptation », « Refus ») of an operation that
    leads to `target`, the key of an event or of another operation (possibly an earlier
    one: a loop back up)."""

    label: str
    target: str


@dataclass(frozen=True)
class Operation:
    """A box: at one actor, with its OP-xx reference when it touches personal data."""

    key: str
    label: str
    actor: str
    reference: str = ""  # "OP-01", or "" for an operation on no personal data
    automated: bool = False  # nature: manual or automated
    triggers: tuple[str, ...] = ()  # keys of the events it waits for
    join: Join = Join.ALL
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True)
class Process:
    """A whole diagram. `operations` are in flow order (top to bottom)."""

    title: str
    actors: tuple[Actor, ...]
    events: tuple[Event, ...] = ()
    operations: tuple[Operation, ...] = field(default=())
