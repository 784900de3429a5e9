"""The entries of the navigation bar, which each app adds in its AppConfig.ready().

An entry names a URL and who may see it; base.html shows the entries the user may use,
in the order of their `position`, so a new app's pages appear without editing the template.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class MenuEntry:
    label: str  # lazily translated
    url_name: str
    allowed: Callable  # user → bool; the same access helper as the view's
    position: int = 100


_entries = []


def add_entry(label, url_name, allowed, position=100):
    """Add an entry (again under the same URL name: replaced)."""
    remove_entry(url_name)
    _entries.append(MenuEntry(label, url_name, allowed, position))
    _entries.sort(key=lambda entry: entry.position)


def remove_entry(url_name):
    _entries[:] = [entry for entry in _entries if entry.url_name != url_name]


def entries_for(user):
    """(label, url) of the entries `user` may use, in order."""
    return [(entry.label, reverse(entry.url_name)) for entry in _entries if entry.allowed(user)]
