from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "incidents"
    verbose_name = _("Incidents et violations")

    def ready(self):
        from register import compliance, demo, digest, navigation, roles

        from . import access, checks  # noqa: F401  (checks registers the compliance checks)
        from .demo import load_demo_incidents
        from .digest import breach_deadlines

        roles.declare(
            self.label,
            {
                roles.DPO: ["*", "!delete_incident"],  # deleting a ticket stays a superuser's act
                roles.MANAGER: ["view_*", "export_breach_register"],
                roles.AUDITOR: ["view_*", "export_breach_register"],  # and, as staff, the admin read-only
            },
        )
        compliance.register_subjects(
            "breach",
            _("Violation"),
            checks.breaches_to_judge,
            client=lambda incident: incident.client_controller,
            role=checks.role_of_breach,
            reference=lambda incident: incident.reference,
        )
        navigation.add_entry(_("Incidents"), "incidents:list", access.can_view_incidents, position=40)
        navigation.add_entry(_("Violations"), "incidents:breach_register", access.can_view_incidents, position=45)
        navigation.add_entry(_("Signaler un incident"), "incidents:report", access.can_report_incident, position=50)
        digest.add_section("breaches", _("Échéances des violations (art. 33)"), breach_deadlines, position=20)
        demo.add_loader(load_demo_incidents)
