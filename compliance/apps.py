from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    """What tells the DPO what is wrong: the findings of the whole register, DPIA screening and
    risk assessment, the dashboard, and the notices generated from a fiche.

    The checks themselves live in the registry (register.compliance); this app reads them.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "compliance"
    verbose_name = _("Conformité")

    def ready(self):
        from register import fiche_panels, navigation

        from . import access
        from .fiche_panels import score_panel

        navigation.add_entry(_("Tableau de bord"), "compliance:dashboard", access.can_view_compliance, position=5)
        navigation.add_entry(_("Constats"), "compliance:findings", access.can_view_compliance, position=15)
        fiche_panels.add_panel("compliance/fiche_panel.html", score_panel)
