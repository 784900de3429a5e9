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
        from django.db.models import Prefetch

        from register import demo, fiche_panels, navigation, queries, roles

        from . import access, checks  # noqa: F401  (checks registers the DPIA checks)
        from .demo import load_demo_compliance
        from .dpia_panels import dpia_panel, dpia_pdf_sections
        from .fiche_panels import score_panel
        from .models import DpiaScreening
        from .notices.panel import awareness_panel

        roles.declare(
            self.label,
            {
                # Screenings and risk assessments are written from the fiche's pages (so the
                # fiche's DPIA status follows); in the admin they are read.
                roles.DPO: ["view_*"],
                roles.MANAGER: ["view_*"],
                roles.AUDITOR: ["view_*"],  # and, as staff, the admin read-only
            },
        )
        navigation.add_entry(_("Tableau de bord"), "compliance:dashboard", access.can_view_compliance, position=5)
        navigation.add_entry(_("Constats"), "compliance:findings", access.can_view_compliance, position=15)
        navigation.add_entry(_("Risques"), "compliance:register_risks", access.can_view_compliance, position=60)
        # The DPIA checks read the fiche's screenings, newest first (compliance.screening.latest_screening).
        queries.add_fiche_prefetch(
            Prefetch("dpia_screenings", queryset=DpiaScreening.objects.order_by("-recorded_at", "-pk"))
        )
        fiche_panels.add_panel("compliance/fiche_panel.html", score_panel)
        fiche_panels.add_panel("compliance/dpia_panel.html", dpia_panel)
        fiche_panels.add_panel("compliance/notices/fiche_panel.html", awareness_panel)
        fiche_panels.add_pdf_section("compliance/exports/_fiche_section.html", dpia_pdf_sections)
        demo.add_loader(load_demo_compliance)
