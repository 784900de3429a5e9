"""The choice lists of data-subject requests, each with the article it comes from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Accès (art. 15)")
    RECTIFICATION = "rectification", _("Rectification (art. 16)")
    ERASURE = "erasure", _("Effacement (art. 17)")
    RESTRICTION = "restriction", _("Limitation (art. 18)")
    PORTABILITY = "portability", _("Portabilité (art. 20)")
    OBJECTION = "objection", _("Opposition (art. 21)")
    CONSENT_WITHDRAWAL = "consent_withdrawal", _("Retrait du consentement (art. 7(3))")
    AUTOMATED_DECISION = "automated_decision", _("Pas de décision automatisée (art. 22)")


class RequestChannel(models.TextChoices):
    MAIL = "mail", _("Courrier")
    EMAIL = "email", _("Courriel")
    PHONE = "phone", _("Téléphone")
    WEB_FORM = "web_form", _("Formulaire en ligne")
    IN_PERSON = "in_person", _("En personne")


class RequestStatus(models.TextChoices):
    """In the order a request goes through them; the last three close it."""

    RECEIVED = "received", _("Reçue")
    IDENTITY_CHECK = "identity_check", _("Vérification d'identité")
    IN_PROGRESS = "in_progress", _("En cours de traitement")
    ANSWERED = "answered", _("Répondue")
    REFUSED = "refused", _("Refusée")
    WITHDRAWN = "withdrawn", _("Retirée")


CLOSED_STATUSES = (RequestStatus.ANSWERED, RequestStatus.REFUSED, RequestStatus.WITHDRAWN)
OPEN_STATUSES = (RequestStatus.RECEIVED, RequestStatus.IDENTITY_CHECK, RequestStatus.IN_PROGRESS)


class Extension(models.IntegerChoices):
    """Art. 12(3): « prolongé de deux mois, compte tenu de la complexité et du nombre de demandes »."""

    ONE_MONTH = 1, _("Un mois de plus")
    TWO_MONTHS = 2, _("Deux mois de plus")
