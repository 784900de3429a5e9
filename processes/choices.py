"""Choice lists of processes and collection forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Join(models.TextChoices):
    """How an operation waits for its triggering events (MOT synchronisation); the same
    values as processes.diagram.source.Join."""

    ALL = "all", _("ET : tous les événements")
    ANY = "any", _("OU : l'un des événements")


class CollectionChannel(models.TextChoices):
    """How the answers of a collection form reach CentreCall."""

    PHONE = "phone", _("Téléphone")
    WEB_FORM = "web_form", _("Formulaire web")
    EMAIL_PDF = "email_pdf", _("Courriel / PDF")
    MOBILE_APP = "mobile_app", _("Application mobile")
    VIDEO = "video", _("Visioconférence")


class Identification(models.TextChoices):
    """How a personal item identifies its person (art. 4(1): « directement ou indirectement »)."""

    DIRECT = "direct", _("Directe")
    INDIRECT = "indirect", _("Indirecte")
