"""A create form sent twice creates one fiche.

Going back after creating a fiche and pressing « Créer la fiche » again posts the same form
a second time. The session remembers which fiche each create form created, under two keys:
the form's one-time token (a hidden field), and a fingerprint of what was typed, because a
browser going back may fetch the page anew (a new token) while it restores what the user
had typed. A second POST matching either key leads to the fiche already created.
"""

import hashlib
import json
import secrets

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


def fiche_created_by(session, post):
    """The fiche this form (`post`) already created in this session, if it still exists."""
    created = session.get(SESSION_KEY, {})
    pks = [created[key] for key in _keys(post) if key in created]
    return Treatment.objects.filter(pk=pks[0]).first() if pks else None


def remember(session, post, treatment):
    created = dict(session.get(SESSION_KEY, {}))
    for key in _keys(post):
        created[key] = treatment.pk
    session[SESSION_KEY] = dict(list(created.items())[-2 * REMEMBERED :])
