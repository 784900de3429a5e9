from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "processes"
    verbose_name = _("Processus et opérations")

    def ready(self):
        from register import demo, navigation, roles

        from . import access, checks_forms  # noqa: F401  (checks_forms registers the compliance checks)
        from .demo_forms import load_demo_collection_forms

        roles.declare(
            self.label,
            {
                roles.DPO: ["*"],
                roles.MANAGER: ["view_*"],
                roles.AUDITOR: ["view_*"],  # and, as staff, the admin read-only
            },
        )
        navigation.add_entry(
            _("Formulaires de collecte"), "processes:form_list", access.can_view_collection_forms, position=35
        )
        demo.add_loader(load_demo_collection_forms)
