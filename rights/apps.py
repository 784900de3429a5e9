from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "rights"
    verbose_name = _("Demandes de droits des personnes")

    def ready(self):
        from register import compliance, demo, digest, fiche_panels, navigation, roles

        from . import access, checks
        from .demo import load_demo_requests
        from .digest import request_deadlines
        from .fiche_panels import requests_panel

        roles.declare(
            self.label,
            {
                roles.DPO: ["*", "!delete_*"],  # deleting a request's trace stays a superuser's act
                roles.MANAGER: ["view_*"],
                roles.AUDITOR: ["view_*"],  # and, as staff, the admin read-only
            },
        )
        compliance.register_subjects(
            "request",
            _("Demande de droit"),
            checks.requests_to_judge,
            client=checks.client_of_request,
            role=checks.role_of_request,
            reference=lambda subject_request: subject_request.reference,
        )
        navigation.add_entry(_("Demandes de droits"), "rights:list", access.can_view_requests, position=47)
        fiche_panels.add_panel("rights/fiche_panel.html", requests_panel)
        demo.add_loader(load_demo_requests)
        digest.add_section("requests", _("Demandes de droits à traiter (art. 12(3))"), request_deadlines, position=25)
