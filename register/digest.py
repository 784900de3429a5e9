"""The daily digest: one e-mail per DPO listing what falls due, gathered from every app.

The register does not know what the other apps have to remind: each adds a section from
its AppConfig.ready() with `add_section(key, label, items)`, where `items(on)` returns the
`DigestItem`s due on the day `on` (each built by the app's own rule: the register's review
and draft rules, the incidents' 72 h clock, the contracts' end dates…) in a fixed number of
queries. `send_digests` writes to every active user of the DPO role who has an address, in
French, each item with the absolute link of its page (settings.SITE_URL); a day with nothing
due sends nothing. `manage.py send_digest` runs it (cron, or the task queue's scheduler).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import roles

DIGEST_TEMPLATE = "register/digest_email.txt"


@dataclass(frozen=True)
class DigestItem:
    text: str  # French, says what is due and when
    path: str  # the page where it is dealt with, site-relative (/registre/T-001/)
    due: date | None = None  # for the order inside a section: the soonest first

    @property
    def url(self):
        return absolute_url(self.path)


@dataclass(frozen=True)
class DigestSection:
    key: str
    label: str  # lazily translated title of the section
    items: object  # callable(on) -> iterable of DigestItem
    position: int = 100


_sections = []


def add_section(key, label, items, position=100):
    """Add a section to the digest (again under the same key: replaced)."""
    remove_section(key)
    _sections.append(DigestSection(key, label, items, position))
    _sections.sort(key=lambda section: section.position)


def remove_section(key):
    _sections[:] = [section for section in _sections if section.key != key]


def section_keys():
    return [section.key for section in _sections]


def absolute_url(path):
    return settings.SITE_URL.rstrip("/") + path


def due_sections(on):
    """[(label, items)] of the sections with something due on `on`, items soonest first."""
    due = []
    for section in _sections:
        items = sorted(section.items(on), key=lambda item: (item.due or date.max, item.text))
        if items:
            due.append((str(section.label), items))
    return due


def recipients():
    """The active users of the DPO role who have an e-mail address."""
    users = get_user_model().objects.filter(is_active=True, groups__name=roles.DPO).exclude(email="")
    return list(users.distinct().order_by("username"))


def compose(user, sections, on):
    subject = _("Registre RGPD — à traiter au %(date)s (%(count)s)") % {
        "date": date_format(on, "d/m/Y"),
        "count": sum(len(items) for _label, items in sections),
    }
    body = render_to_string(
        DIGEST_TEMPLATE,
        {"user": user, "sections": sections, "on": on, "site_url": absolute_url("/")},
    )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def send_digests(on=None, *, connection=None):
    """Send the digest of the day `on` (today) to each DPO; returns the number of e-mails sent."""
    on = on or timezone.localdate()
    with translation.override("fr"):
        sections = due_sections(on)
        users = recipients() if sections else []
        messages = [compose(user, sections, on) for user in users]
    if not messages:
        return 0
    connection = connection or get_connection()
    return connection.send_messages(messages) or 0
