"""Saving a process from its editor: all or nothing, and never over someone else's save.

As for fiches (register/editing.py), the editor carries the version its page was built
from, and the conditional UPDATE of Process.raise_version claims the next one only if
nobody saved in between.
"""

from django.db import transaction

from .models import Process


class StaleProcess(Exception):
    """Someone saved the process after the user opened it; nothing was written."""

    def __init__(self, loaded_version):
        super().__init__(loaded_version)
        self.loaded_version = loaded_version


# Deleted last-to-first (a rule before its operation, an operation before its actor), saved
# first-to-last (an operation's actor exists before the operation).
SAVE_ORDER = ("actors", "events", "operations", "rules")


def save_process(editor):
    """Create or update the process of `editor` (a valid ProcessEditor) and all its rows."""
    process = editor.main.instance
    with transaction.atomic():
        loaded_version = editor.main.cleaned_data["loaded_version"]
        if process.pk is not None and not process.raise_version(expected=loaded_version):
            raise StaleProcess(loaded_version)
        editor.main.save()
        tables = [prefix for prefix in SAVE_ORDER if prefix in editor.formsets]
        pending = {prefix: editor[prefix].save(commit=False) for prefix in tables}
        for prefix in reversed(tables):
            for row in editor[prefix].deleted_objects:
                row.delete()
        for prefix in tables:
            last = max((form.instance.position for form in editor[prefix].kept_forms), default=0)
            for row in pending[prefix]:
                if row.pk is None and not row.position:  # a new row without a place goes last
                    last += 1
                    row.position = last
                row.save()
            editor[prefix].save_m2m()
    return Process.objects.get(pk=process.pk)
