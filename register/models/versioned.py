"""Optimistic locking: the one rule that every write raises a record's `version`."""

from django.db import models
from django.db.models import F


class Versioned(models.Model):
    """A record edited as a whole (a fiche with its lines, a process with its rows, an incident,
    a risk assessment…): every write raises `version`, and a save must present the version it
    was edited from. The subclass declares the `version` field (its label is its own)."""

    class Meta:
        abstract = True

    def raise_version(self, expected=None):
        """Take the next version for the write being made, in its transaction (the conditional
        UPDATE holds the row until commit, so a concurrent write waits, then finds it moved on).
        From the stored version, not this instance's: an admin history revert hands over an old
        record's. With `expected`, only if the stored version still is that one: False, and
        nothing written, when someone saved in between."""
        stored = type(self)._default_manager.filter(pk=self.pk)
        if expected is not None:
            stored = stored.filter(version=expected)
        if not stored.update(version=F("version") + 1):
            return False
        self.version = expected + 1 if expected is not None else stored.values_list("version", flat=True).get()
        return True
