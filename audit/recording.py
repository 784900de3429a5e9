"""`record`: the one way an entry enters the audit trail, with who, when and from where.

Receivers of login, download, import and admin signals call it. Where a signal carries no
request (an admin's save, a change of groups), the request being served is taken from
`audit.middleware`; outside any request (a management command) the entry has no address.
"""

import functools
import ipaddress
from contextvars import ContextVar

from django.utils import translation

from register.addresses import client_address

from .models import SUMMARY_LENGTH, USER_AGENT_LENGTH, AuditEntry

current_request = ContextVar("audit_current_request", default=None)
RECORD_LANGUAGE = "fr"  # entries are evidence: one language whatever the reader's, like the CNIL file


def in_record_language(receiver):
    """Run a receiver with its texts in French, the language entries are written in."""

    @functools.wraps(receiver)
    def wrapper(*args, **kwargs):
        with translation.override(RECORD_LANGUAGE):
            return receiver(*args, **kwargs)

    return wrapper


def record(action, summary="", details=None, *, request=None, user=None, username=None):
    """Add an entry; `user` (else the request's user) or `username` (as typed) says who."""
    request = request if request is not None else current_request.get()
    if user is None and username is None and request is not None:
        user = getattr(request, "user", None)
    if username is None:
        username = user.get_username() if user is not None and user.is_authenticated else ""
    meta = request.META if request is not None else {}
    return AuditEntry.objects.create(
        action=action,
        username=str(username)[:150],
        address=_address(request),
        user_agent=meta.get("HTTP_USER_AGENT", "")[:USER_AGENT_LENGTH],
        summary=str(summary)[:SUMMARY_LENGTH],
        details=details or {},
    )


def _address(request):
    """The client's address, or None if there is none or it is not an IP address ."""
    address = client_address(request) if request is not None else None
    try:
        return str(ipaddress.ip_address(address)) if address else None
    except ValueError:
        return None
