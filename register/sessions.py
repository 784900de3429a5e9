"""How long a signed-in session lasts: SESSION_IDLE_MINUTES without a request, and
SESSION_HOURS since the login whatever the activity.

Both moments live in the session itself (database backend): the login time is written when
the user logs in, the last activity on each request, but only once it is more than
ACTIVITY_PRECISION seconds old, so that a busy user does not cost a write per request. An
expired session is logged out (recorded by the audit trail as the end of a session, with why) and the request goes
on anonymous: a page that needs a login sends it to the login page with ?next=, where the
French message says why. Static files never come this far (whitenoise answers first).
"""

from time import time as now

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import ngettext

LOGIN_AT = "session_login_at"
LAST_ACTIVITY = "session_last_activity"
ACTIVITY_PRECISION = 60  # seconds


@receiver(user_logged_in, dispatch_uid="register.sessions.login")
def stamp_login(sender, request, user, **kwargs):
    if getattr(request, "session", None) is not None:
        moment = now()
        request.session[LOGIN_AT] = moment
        request.session[LAST_ACTIVITY] = moment


IDLE, LIFETIME = "idle", "lifetime"


def expiry(session):
    """(IDLE or LIFETIME, the French message saying so) once `session` is over, else None."""
    moment = now()
    # A session from before these stamps existed counts from now.
    login_at = session.setdefault(LOGIN_AT, moment)
    last_activity = session.setdefault(LAST_ACTIVITY, moment)
    hours, minutes = settings.SESSION_HOURS, settings.SESSION_IDLE_MINUTES
    if moment - login_at > hours * 3600:
        return LIFETIME, ngettext(
            "Votre session a dépassé sa durée maximale de %(hours)s heure : reconnectez-vous.",
            "Votre session a dépassé sa durée maximale de %(hours)s heures : reconnectez-vous.",
            hours,
        ) % {"hours": hours}
    if moment - last_activity > minutes * 60:
        return IDLE, ngettext(
            "Votre session a expiré après %(minutes)s minute d'inactivité : reconnectez-vous.",
            "Votre session a expiré après %(minutes)s minutes d'inactivité : reconnectez-vous.",
            minutes,
        ) % {"minutes": minutes}
    if moment - last_activity > ACTIVITY_PRECISION:
        session[LAST_ACTIVITY] = moment
    return None


class SessionExpiryMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware: it reads the user, and leaves a message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            ended = expiry(request.session)
            if ended:
                reason, message = ended
                request.session_expired = reason  # the audit trail records why the session ended
                logout(request)
                messages.warning(request, message)
        return self.get_response(request)
