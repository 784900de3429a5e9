"""The audit trail: who did what, when and from where. Entries are only ever added.

The application never edits or deletes an entry: saving an existing one, deleting one, or
updating or deleting a queryset of them raises. The one exception is the retention purge
(`AuditEntry.objects.purge_older_than`), run by the `purge_audit_log` command.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

USER_AGENT_LENGTH = 255
SUMMARY_LENGTH = 500


class AuditAction(models.TextChoices):
    LOGIN = "login", _("Connexion")
    LOGIN_FAILED = "login_failed", _("Échec de connexion")
    LOCKOUT = "lockout", _("Blocage après des échecs de connexion")
    LOGOUT = "logout", _("Déconnexion")
    SESSION_EXPIRED = "session_expired", _("Fin de session (inactivité ou durée maximale)")
    DOWNLOAD = "download", _("Téléchargement d'un document")
    IMPORT_PREVIEW = "import_preview", _("Import : aperçu")
    IMPORT_APPLIED = "import_applied", _("Import : appliqué")
    IMPORT_REFUSED = "import_refused", _("Import : refusé")
    ADMIN_ADD = "admin_add", _("Administration : ajout")
    ADMIN_CHANGE = "admin_change", _("Administration : modification")
    ADMIN_DELETE = "admin_delete", _("Administration : suppression")
    ROLE_CHANGE = "role_change", _("Changement de droits")
    PURGE = "purge", _("Purge de conservation")


class AppendOnlyError(PermissionDenied):
    """An entry of the audit trail cannot be changed or deleted."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Le journal d'audit ne se modifie pas.")

    def delete(self):
        raise AppendOnlyError("Le journal d'audit ne se supprime pas ; seule la purge de conservation l'efface.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("Le journal d'audit ne se modifie pas.")

    def purge_older_than(self, moment):
        """Delete the entries recorded before `moment` (the retention purge): their number."""
        deleted, _by_model = models.QuerySet.delete(self.filter(at__lt=moment))
        return deleted


class AuditEntry(models.Model):
    at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=32, choices=AuditAction.choices, db_index=True)
    # The name, not a foreign key: an entry outlives the account, and a failed login names
    # whatever was typed.
    username = models.CharField(_("utilisateur"), max_length=150, blank=True, db_index=True)
    address = models.GenericIPAddressField(_("adresse"), null=True, blank=True)
    user_agent = models.CharField(_("navigateur"), max_length=USER_AGENT_LENGTH, blank=True)
    summary = models.CharField(_("objet"), max_length=SUMMARY_LENGTH, blank=True)
    details = models.JSONField(_("détails"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("entrée du journal d'audit")
        verbose_name_plural = _("journal d'audit")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)  # nobody may be given the right to add, change or delete
        base_manager_name = "objects"

    def __str__(self):
        return f"{timezone.localtime(self.at):%d/%m/%Y %H:%M:%S} {self.username or '—'} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Une entrée du journal d'audit ne se modifie pas.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Une entrée du journal d'audit ne se supprime pas.")
