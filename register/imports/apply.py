"""Writing an import plan: everything in one transaction, or nothing.

New fiches are written in bulk — with their history records, including the history of
their joint controllers and processors, so that the register "as of a date" sees them
like fiches saved one by one — because a register of a thousand fiches must import in
seconds. Updated fiches are saved one by one, their lines replaced.
"""

from datetime import datetime, time

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..history.fiches import FICHES
from ..models import Treatment
from .plan import CHANGE_REASON, LINE_TABLES


def _at_noon(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def apply_plan(plan):
    """Write a valid plan in one transaction; returns (created, updated) counts."""
    if not plan.is_valid:
        raise ValueError("An import plan with errors cannot be applied.")
    with transaction.atomic():
        for organisation in plan.new_organisations:
            organisation.save()
        for contact in plan.new_contacts:
            contact.save()
        created = [fiche for fiche in plan.fiches if fiche.action == "create"]
        _create_fiches(created)
        for fiche in plan.fiches:
            if fiche.action == "update":
                _update_fiche(fiche)
        for cache, model in LINE_TABLES:
            lines = []
            for fiche in plan.fiches:
                for line in fiche.lines[cache]:
                    line.treatment = fiche.treatment
                    lines.append(line)
            if lines:
                bulk_create_with_history(lines, model, batch_size=500, default_change_reason=CHANGE_REASON)
    return len(created), len(plan.fiches) - len(created)


def _create_fiches(fiches):
    treatments = [fiche.treatment for fiche in fiches]
    unnumbered = [treatment for treatment in treatments if not treatment.reference]
    for treatment, reference in zip(unnumbered, Treatment.next_references(len(unnumbered)), strict=True):
        treatment.reference = reference
    Treatment.objects.bulk_create(treatments, batch_size=500)
    dated = [fiche for fiche in fiches if fiche.updated]
    for fiche in dated:  # the file's "last update", which auto_now replaced on insert
        fiche.treatment.updated_at = _at_noon(fiche.updated)
    if dated:
        Treatment.objects.bulk_update([fiche.treatment for fiche in dated], ["updated_at"], batch_size=500)
    through_rows = {}
    for name in FICHES.m2m:
        through = getattr(Treatment, name).through
        rows = [
            through(treatment_id=fiche.treatment.pk, organisation_id=organisation.pk)
            for fiche in fiches
            for organisation in getattr(fiche, name)
        ]
        through_rows[name] = through.objects.bulk_create(rows, batch_size=500)
    records = Treatment.history.bulk_history_create(treatments, batch_size=500, default_change_reason=CHANGE_REASON)
    record_of = {record.id: record for record in records or []}
    for name in FICHES.m2m:
        m2m_history = FICHES.m2m_history(name)
        m2m_history.objects.bulk_create(
            [
                m2m_history(
                    id=row.pk,
                    history=record_of[row.treatment_id],
                    treatment_id=row.treatment_id,
                    organisation_id=row.organisation_id,
                )
                for row in through_rows[name]
                if row.treatment_id in record_of
            ],
            batch_size=500,
        )


def _update_fiche(fiche):
    treatment = fiche.treatment
    treatment.raise_version()
    for _cache, model in LINE_TABLES:
        model.objects.filter(treatment=treatment).delete()
    treatment._change_reason = CHANGE_REASON
    treatment.save()
    treatment.joint_controllers.set(fiche.joint_controllers)
    treatment.processors.set(fiche.processors)
