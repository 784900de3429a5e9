from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "audit"
    verbose_name = _("Journal d'audit")

    def ready(self):
        from register import navigation, roles

        from . import access, receivers

        receivers.connect()
        # The register applies every declaration after migrate.
        roles.declare(self.label, {roles.DPO: ["view_auditentry"], roles.AUDITOR: ["view_auditentry"]})
        navigation.add_entry(_("Journal"), "audit:journal", access.can_view_audit, position=900)
