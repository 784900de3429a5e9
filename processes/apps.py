from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "processes"
    verbose_name = _("Processus et opérations")

    def ready(self):
        from register import roles

        roles.declare(
            self.label,
            {
                roles.DPO: ["*"],
                roles.MANAGER: ["view_*"],
                roles.AUDITOR: ["view_*"],  # and, as staff, the admin read-only
            },
        )
