"""A fiche's life after it is written: copies, status, reviews and deletion.

Each change takes the next `Treatment.version` (Treatment.raise_version), so an edit page opened
before it cannot save over it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from .choices import TreatmentStatus
from .models import LINE_MODELS, Treatment

# The register's statuses (art. 30: the register reflects reality, fiches are kept when retired).
TRANSITIONS = {
    (TreatmentStatus.DRAFT, TreatmentStatus.IN_FORCE): gettext_lazy("Mettre en vigueur"),
    (TreatmentStatus.IN_FORCE, TreatmentStatus.ARCHIVED): gettext_lazy("Archiver"),
    (TreatmentStatus.ARCHIVED, TreatmentStatus.IN_FORCE): gettext_lazy("Restaurer"),
}
NOT_COPIED = {
    "id",
    "reference",
    "name",
    "status",
    "created_at",
    "updated_at",
    "last_reviewed_at",
    "next_review_date",
    "version",
}


class ActionRefused(Exception):
    """The action makes no sense for the fiche as it now stands (message in French)."""


def transitions_from(status):
    """(target status, button label) pairs allowed from `status`."""
    return [(target, label) for (source, target), label in TRANSITIONS.items() if source == status]


def can_reach(source, target):
    """True when the lifecycle leads from `source` to `target` through its transitions
    (the import may move a fiche several steps at once, never by a path the screens lack)."""
    seen, frontier = {source}, [source]
    while frontier:
        status = frontier.pop()
        for following, _label in transitions_from(status):
            if following not in seen:
                seen.add(following)
                frontier.append(following)
    return target in seen


def _locked(treatment):
    return Treatment.objects.select_for_update().get(pk=treatment.pk)


def check_transition(treatment, new_status):
    """Raise ActionRefused when the fiche cannot move to `new_status` as it now stands.

    A fiche put in force must pass its model's rules for a fiche in force (a controller's
    fiche needs its legal basis); the status is set on `treatment`, which the caller saves
    or drops.
    """
    if (treatment.status, new_status) not in TRANSITIONS:
        raise ActionRefused(
            _("Une fiche « %(current)s » ne peut pas passer au statut « %(new)s ».")
            % {
                "current": treatment.get_status_display(),
                "new": TreatmentStatus(new_status).label if new_status in TreatmentStatus.values else new_status,
            }
        )
    if new_status == TreatmentStatus.IN_FORCE:
        previous, treatment.status = treatment.status, new_status
        try:
            treatment.clean()
        except ValidationError as error:
            raise ActionRefused(
                _("La fiche ne peut pas être mise en vigueur : %(reasons)s") % {"reasons": " ".join(error.messages)}
            ) from error
        finally:
            treatment.status = previous


def change_status(treatment, new_status):
    """Move the fiche to `new_status` if the register's lifecycle and its rules allow it."""
    with transaction.atomic():
        current = _locked(treatment)
        check_transition(current, new_status)
        current.status = new_status
        current.raise_version()
        current.save()
    return current


def mark_reviewed(treatment, when=None):
    """Stamp today's review and set the next one (a year later by default)."""
    with transaction.atomic():
        current = _locked(treatment)
        if current.status == TreatmentStatus.ARCHIVED:
            raise ActionRefused(_("Une fiche archivée n'est plus revue : restaurez-la d'abord."))
        current.mark_reviewed(when or timezone.now())
        current.raise_version()
        current.save()
    return current


def duplicate_treatment(source, user=None):
    """A draft copy of `source` with its actors and every line, to start a similar fiche from."""
    with transaction.atomic():
        copy = Treatment(**_copied_fields(source, NOT_COPIED))
        copy.name = (_("Copie de %(name)s") % {"name": source.name})[: Treatment._meta.get_field("name").max_length]
        copy.status = TreatmentStatus.DRAFT
        copy.save()
        copy.joint_controllers.set(source.joint_controllers.all())
        copy.processors.set(source.processors.all())
        for model in LINE_MODELS:
            lines = [
                model(**_copied_fields(line, {"id", "treatment"}), treatment=copy)
                for line in model.objects.filter(treatment=source)
            ]
            if lines:
                bulk_create_with_history(lines, model, default_user=user)
    return copy


def _copied_fields(obj, excluded):
    return {
        field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields if field.name not in excluded
    }


def delete_treatment(treatment):
    """Remove the fiche and its lines for good (their history records stay)."""
    with transaction.atomic():
        treatment.delete()


def lines_lost_on_delete(treatment):
    """(verbose name, count) of each kind of line a deletion would remove."""
    counts = []
    for model in LINE_MODELS:
        count = model.objects.filter(treatment=treatment).count()
        if count:
            counts.append((model._meta.verbose_name_plural if count > 1 else model._meta.verbose_name, count))
    return counts
