from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "contracts"
    verbose_name = _("Contrats de sous-traitance")

    def ready(self):
        from register import compliance, demo, digest, fiche_panels, navigation, roles

        from . import access, checks
        from .demo import load_demo_contracts
        from .digest import contracts_expiring
        from .fiche_panels import contracts_panel, contracts_pdf_sections

        roles.declare(
            self.label,
            {
                roles.DPO: ["*", "!delete_*"],  # a contract is ended by its end date, not deleted
                roles.MANAGER: ["view_*", "export_contract"],
                roles.AUDITOR: ["view_*", "export_contract"],
            },
        )
        compliance.register_subjects(
            "contract",
            _("Contrat"),
            checks.contracts_to_judge,
            client=checks.client_of_contract,
            role=checks.role_of_contract,
            reference=lambda contract: contract.reference,
        )
        navigation.add_entry(_("Contrats"), "contracts:list", access.can_view_contracts, position=55)
        fiche_panels.add_panel("contracts/fiche_panel.html", contracts_panel)
        fiche_panels.add_pdf_section("contracts/exports/_fiche_section.html", contracts_pdf_sections)
        digest.add_section("contracts", _("Contrats de sous-traitance arrivant à échéance"), contracts_expiring, 40)
        demo.add_loader(load_demo_contracts)
