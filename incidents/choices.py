"""Choice lists of incidents and breaches, each constant beside the article it comes from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IncidentStatus(models.TextChoices):
    NEW = "new", _("Nouveau")
    ANALYSING = "analysing", _("En analyse")
    CLOSED = "closed", _("Clos")


class Channel(models.TextChoices):
    """How the data the incident concerns entered the application (the ComPlus channels)."""

    WEB_FORM = "web_form", _("Formulaire du site internet")
    EMAIL_PDF = "email_pdf", _("Courriel (PDF converti en CSV)")
    MOBILE_JSON = "mobile_json", _("Application mobile (JSON)")
    MANUAL_ENTRY = "manual_entry", _("Saisie manuelle après téléphone ou visioconférence")
    OTHER = "other", _("Autre")


class RiskLevel(models.TextChoices):
    UNLIKELY = "unlikely", _("Risque improbable (pas de notification, art. 33(1))")
    RISK = "risk", _("Risque (notification à la CNIL, art. 33(1))")
    HIGH = "high", _("Risque élevé (notification et communication aux personnes, art. 34(1))")


class PersonsCommunication(models.TextChoices):
    """Communication of the breach to the persons concerned (art. 34)."""

    PENDING = "", _("Non décidée")
    DONE = "done", _("Faite (art. 34(1))")
    NOT_NEEDED = "not_needed", _("Pas nécessaire : pas de risque élevé (art. 34(1))")
    UNINTELLIGIBLE = "unintelligible", _("Exception : données inintelligibles, p. ex. chiffrées (art. 34(3)(a))")
    RISK_REMOVED = "risk_removed", _("Exception : mesures ultérieures ôtant le risque élevé (art. 34(3)(b))")
    DISPROPORTIONATE = (
        "disproportionate",
        _("Exception : efforts disproportionnés, communication publique à la place (art. 34(3)(c))"),
    )


class NotificationKind(models.TextChoices):
    INITIAL = "initial", _("Notification initiale (art. 33(1))")
    COMPLEMENTARY = "complementary", _("Notification complémentaire (art. 33(4))")
