"""What an incident carries besides its ticket: corrective actions, notifications, attachments."""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from register.models.text import FreeTextField

from ..choices import NotificationKind
from .incidents import Incident


class CorrectiveAction(models.Model):
    incident = models.ForeignKey(
        Incident, models.CASCADE, related_name="corrective_actions", verbose_name=_("incident")
    )
    description = FreeTextField(_("action corrective"))
    owner = models.CharField(_("responsable"), max_length=150, blank=True)
    due_date = models.DateField(_("échéance"), null=True, blank=True)
    done_date = models.DateField(_("réalisée le"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("action corrective")
        verbose_name_plural = _("actions correctives")

    def __str__(self):
        return self.description[:80]

    @property
    def is_done(self):
        return self.done_date is not None

    def is_late_on(self, day):
        return self.done_date is None and self.due_date is not None and self.due_date < day


class AuthorityNotification(models.Model):
    """A notification sent to the CNIL: the initial one, then complements (art. 33(4))."""

    incident = models.ForeignKey(Incident, models.CASCADE, related_name="notifications", verbose_name=_("incident"))
    kind = models.CharField(_("type"), max_length=20, choices=NotificationKind, default=NotificationKind.INITIAL)
    sent_at = models.DateTimeField(_("envoyée le"))
    authority_reference = models.CharField(_("référence de la CNIL"), max_length=100, blank=True)
    summary = FreeTextField(_("contenu"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sent_at", "id"]
        verbose_name = _("notification à la CNIL")
        verbose_name_plural = _("notifications à la CNIL")

    def __str__(self):
        day = timezone.localtime(self.sent_at).strftime("%d/%m/%Y %H:%M")
        return f"{self.get_kind_display()} — {day}"


class PrivateStorage(FileSystemStorage):
    """Files kept under settings.PRIVATE_MEDIA_ROOT, outside the static and media folders: no
    URL serves them, only the attachment view, after its access check, reads them."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL: serve them through the incident's attachment view.")


private_storage = PrivateStorage()


def attachment_path(attachment, filename):
    """A random name under the incident's folder: the uploaded name is kept in the row only."""
    return f"incidents/{attachment.incident.number}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Attachment(models.Model):
    incident = models.ForeignKey(Incident, models.CASCADE, related_name="attachments", verbose_name=_("incident"))
    file = models.FileField(_("fichier"), upload_to=attachment_path, storage=private_storage, max_length=255)
    original_name = models.CharField(_("nom du fichier"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("taille (octets)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=_("déposé par")
    )
    uploaded_at = models.DateTimeField(_("déposé le"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")

    def __str__(self):
        return self.original_name
