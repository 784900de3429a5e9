"""A process's rows turned into the plain values the MOT diagram is drawn from
(processes/diagram/source.py), in five queries whatever the size of the process."""

from django.db.models import Prefetch

from .diagram import source
from .models import EmissionRule, Operation


def diagram_source(process):
    """The diagram of `process` (a Process) as processes.diagram.source.Process."""
    actors = list(process.actors.all())
    events = list(process.events.all())
    operations = list(
        process.operations.prefetch_related(
            "triggers", Prefetch("rules", queryset=EmissionRule.objects.order_by("position", "id"))
        )
    )
    return source.Process(
        title=process.name,
        actors=tuple(source.Actor(_key("actor", a.pk), a.name, a.external) for a in actors),
        events=tuple(
            source.Event(_key("event", e.pk), e.label, _key("actor", e.actor_id) if e.actor_id else None)
            for e in events
        ),
        operations=tuple(_operation(operation) for operation in operations),
    )


def _operation(operation: Operation):
    return source.Operation(
        key=_key("op", operation.pk),
        label=operation.description,
        actor=_key("actor", operation.actor_id),
        reference=operation.reference if operation.personal_data else "",
        automated=operation.automated,
        triggers=tuple(_key("event", event.pk) for event in operation.triggers.all()),
        join=source.Join(operation.join),
        rules=tuple(
            source.Rule(
                rule.label,
                _key("event", rule.target_event_id) if rule.target_event_id else _key("op", rule.target_operation_id),
            )
            for rule in operation.rules.all()
        ),
    )


def _key(kind, pk):
    return f"{kind}-{pk}"
