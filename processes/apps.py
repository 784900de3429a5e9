from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "processes"
    verbose_name = _("Processus et opérations")

    def ready(self):
        from register import demo, fiche_panels, navigation, roles

        from . import access, checks, checks_forms  # noqa: F401  (checks* register the compliance checks)
        from .demo import load_demo_processes
        from .demo_forms import load_demo_collection_forms
        from .fiche_panels import operations_panel

        roles.declare(
            self.label,
            {
                roles.DPO: ["*"],
                roles.MANAGER: ["view_*"],
                roles.AUDITOR: ["view_*"],  # and, as staff, the admin read-only
            },
        )
        navigation.add_entry(_("Processus"), "processes:list", access.can_view_processes, position=30)
        navigation.add_entry(
            _("Formulaires de collecte"), "processes:form_list", access.can_view_collection_forms, position=35
        )
        fiche_panels.add_panel("processes/fiche_panel.html", operations_panel)
        demo.add_loader(load_demo_processes)
        demo.add_loader(load_demo_collection_forms)
