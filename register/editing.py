"""Saving a fiche from its form: all or nothing, and never over someone else's save.

Every write to a fiche raises `Treatment.version` (`Treatment.raise_version`, which every
door calls: this form, the lifecycle actions, the import, the admin). An edit carries the version its page was
built from; the conditional UPDATE below claims the next version only if nobody saved in
between, so of two concurrent saves the second is refused instead of silently winning.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import Treatment


class StaleFiche(Exception):
    """Someone saved the fiche after the user opened it; nothing was written."""

    def __init__(self, loaded_version):
        super().__init__(loaded_version)
        self.loaded_version = loaded_version


class FicheRefused(Exception):
    """A rule only the database can check refused the save (the form now carries the error)."""


def save_fiche(fiche):
    """Create or update the fiche of `fiche` (a valid FicheForm) and all its lines.

    Raises StaleFiche or FicheRefused; in both cases the transaction is rolled back.
    """
    treatment = fiche.main.instance
    loaded_version = fiche.main.cleaned_data["loaded_version"]
    with transaction.atomic():
        if treatment.pk is not None:
            claim_version(treatment, loaded_version)
        _save_treatment(fiche.main)
        for formset in fiche.formsets.values():
            formset.instance = treatment
            formset.save()
    return treatment


def claim_version(treatment, loaded_version):
    """Take the next version of `treatment` if it is still at `loaded_version` (in a transaction).

    The UPDATE locks the row until commit, so a concurrent claim waits and then finds the
    version moved on.
    """
    if not treatment.raise_version(expected=loaded_version):
        raise StaleFiche(loaded_version)


def _save_treatment(form):
    try:
        with transaction.atomic():
            form.save()
    except IntegrityError:
        reference = form.instance.reference
        if not Treatment.objects.filter(reference=reference).exclude(pk=form.instance.pk).exists():
            raise
        if form.cleaned_data.get("reference"):
            form.add_error("reference", form.duplicate_reference_message(reference))
        else:
            form.add_error(
                "reference",
                _("La référence %(reference)s vient d'être attribuée à une autre fiche : enregistrez à nouveau.")
                % {"reference": reference},
            )
        raise FicheRefused from None
