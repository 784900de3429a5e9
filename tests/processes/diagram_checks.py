"""Generated processes and the geometric checks the diagram's tests share."""

import random

from processes.diagram.source import Actor, Event, Join, Operation, Process, Rule

WORDS = [
    "appel",
    "planifier",
    "saisir",
    "réponse",
    "enregistrement",
    "conservation",
    "données",
    "prospect",
    "synthèse",
    "client",
]


def generated_process(seed):
    """A process of 1 to 15 operations over 1 to 5 actors, with joins, loops and long labels."""
    rng = random.Random(seed)
    actors = tuple(
        Actor(f"actor-{i}", _label(rng, 1, 4), external=rng.random() < 0.3) for i in range(rng.randint(1, 5))
    )
    events = [Event(f"event-{i}", _label(rng, 1, 9), rng.choice([None, *[a.key for a in actors]])) for i in range(20)]
    operation_count = rng.randint(1, 15)
    operations = []
    for index in range(operation_count):
        triggers = tuple(rng.sample([e.key for e in events], rng.randint(0, 3)))
        targets = [e.key for e in events] + [f"op-{i}" for i in range(operation_count)]
        rules = tuple(Rule(_label(rng, 1, 3), rng.choice(targets)) for _ in range(rng.randint(0, 3)))
        operations.append(
            Operation(
                f"op-{index}",
                _label(rng, 1, 25),
                rng.choice(actors).key,
                reference=f"OP-{index + 1:02}" if rng.random() < 0.6 else "",
                automated=rng.random() < 0.4,
                triggers=triggers,
                join=rng.choice(list(Join)),
                rules=rules,
            )
        )
    return Process(_label(rng, 2, 12), actors, tuple(events), tuple(operations))


def _label(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.1:
        words.append("x" * rng.randint(30, 90))  # a word longer than any box
    return " ".join(words)


def overlaps(a, b):
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def segments(arrow):
    return list(zip(arrow.points, arrow.points[1:], strict=False))
