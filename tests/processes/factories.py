"""Small process builders shared by the processes tests."""

from processes.models import Actor, EmissionRule, Event, Operation, Process


def make_process(name="Étude de marché", actors=("Gestionnaire d'appels", "Téléopérateur")):
    process = Process.objects.create(name=name)
    for position, actor in enumerate(actors, start=1):
        Actor.objects.create(process=process, name=actor, position=position)
    return process


def add_operation(process, description, *, actor=None, personal=True, purpose="Preuve de l'appel", **fields):
    actor = actor or process.actors.first()
    position = process.operations.count() + 1
    return Operation.objects.create(
        process=process,
        description=description,
        actor=actor,
        personal_data=personal,
        purpose=purpose if personal else "",
        position=position,
        **fields,
    )


def add_event(process, label, actor=None):
    return Event.objects.create(process=process, label=label, actor=actor, position=process.events.count() + 1)


def add_rule(operation, label, *, event=None, operation_target=None):
    return EmissionRule.objects.create(
        operation=operation, label=label, target_event=event, target_operation=operation_target
    )
