from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "processes"
    verbose_name = _("Processus et opérations")

    def ready(self):
        from register import compliance, demo, fiche_panels, navigation, roles

        from . import access, checks, checks_forms  # noqa: F401  (checks* register the compliance checks)
        from .demo import load_demo_processes
        from .demo_forms import load_demo_collection_forms
        from .fiche_panels import operations_panel
        from .operations_table import operation_url

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
        compliance.register_subjects(
            "operation",
            _("Opération"),
            checks.operations_to_judge,
            client=checks.client_of_operation,
            role=checks.role_of_operation,
            reference=checks.reference_of_operation,
            url=operation_url,
        )
        compliance.register_subjects(
            "form",
            _("Formulaire de collecte"),
            checks_forms.forms_to_judge,
            client=checks_forms.client_of_form,
            role=checks_forms.role_of_form,
        )
        fiche_panels.add_panel("processes/fiche_panel.html", operations_panel)
        demo.add_loader(load_demo_processes)
        demo.add_loader(load_demo_collection_forms)
