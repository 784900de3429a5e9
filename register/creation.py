"""A create form sent twice creates one fiche.

Going back after creating a fiche and pressing « Créer la fiche » again posts the same form
a second time. The session remembers which fiche each create form created, under two keys:
the form's one-time token (a hidden field), and a fingerprint of what was typed, because a
browser going back may fetch the page anew (a new token) while it restores what the user
had typed. A second POST matching either key leads to the fiche already created.

A double click may send the second POST while the first is still being saved: the view
serves them one after the other (`one_at_a_time`), and the second reads the session as the
first stored it, so it too finds the fiche already created.
"""

import hashlib
import json
import secrets
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Treatment

SESSION_KEY = "created_fiches"
REMEMBERED = 20  # the last fiches created in the session; older forms are forgotten
TOKEN_FIELD = "creation_token"
NOT_TYPED = {"csrfmiddlewaretoken", TOKEN_FIELD}  # changes with every page, not what the user typed


def new_token():
    return secrets.token_urlsafe(16)


def token_of(post):
    """The token a create form was sent with ("" when missing)."""
    return post.get(TOKEN_FIELD, "")[:64]


def _keys(post):
    typed = sorted((name, post.getlist(name)) for name in post if name not in NOT_TYPED)
    fingerprint = hashlib.sha256(json.dumps(typed, ensure_ascii=False).encode()).hexdigest()
    token = token_of(post)
    return [f"form:{fingerprint}", *([f"token:{token}"] if token else [])]


@contextmanager
def one_at_a_time(request):
    """One create POST of a user at a time: the user's row is locked until the first commits
    (SELECT … FOR UPDATE on PostgreSQL; SQLite writes one transaction at a time anyway)."""
    with transaction.atomic():
        list(get_user_model().objects.select_for_update().filter(pk=request.user.pk).values_list("pk"))
        yield


def _stored(session):
    """The session as last saved: a POST that waited in one_at_a_time sees what the first remembered."""
    stored = session.__class__(session.session_key).load() if session.session_key else {}
    return {**session.get(SESSION_KEY, {}), **stored.get(SESSION_KEY, {})}


def fiche_created_by(session, post):
    """The fiche this form (`post`) already created in this session, if it still exists."""
    created = _stored(session)
    pks = [created[key] for key in _keys(post) if key in created]
    return Treatment.objects.filter(pk=pks[0]).first() if pks else None


def remember(session, post, treatment):
    created = _stored(session)
    for key in _keys(post):
        created[key] = treatment.pk
    session[SESSION_KEY] = dict(list(created.items())[-2 * REMEMBERED :])
    session.save()  # before one_at_a_time lets the next POST in
