from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "register"
    verbose_name = _("Registre des traitements")

    def ready(self):
        # checks…: compliance checks; sessions: login stamp
        from . import (  # noqa: F401
            access,
            checks,
            compliance,
            navigation,
            roles,
            sessions,
        )
        from .digest_sections import add_register_sections
        from .search import register_sqlite_function

        connection_created.connect(register_sqlite_function)  # SQLite's accent-insensitive search
        roles.declare(
            self.label,
            {
                roles.DPO: ["*", "!delete_treatment"],  # deleting a whole fiche stays a superuser's act
                roles.MANAGER: ["view_*", "export_register"],
                roles.AUDITOR: ["view_*", "export_register"],  # and, as staff, the admin read-only
            },
        )
        post_migrate.connect(roles.apply_declared_roles, dispatch_uid="register.roles")
        compliance.register_subjects(
            "fiche",
            _("Fiche"),
            checks.fiches_to_judge,
            client=checks.client_of_fiche,
            role=lambda treatment: treatment.role,
            reference=lambda treatment: treatment.reference,
        )
        navigation.add_entry(_("Registre"), "register:list", access.can_view_register, position=10)
        navigation.add_entry(_("Nouvelle fiche"), "register:create", access.can_create_fiche, position=20)
        navigation.add_entry(_("Importer"), "register:import", access.can_import_register, position=80)
        add_register_sections()
        navigation.add_entry(_("Administration"), "admin:index", lambda user: user.is_staff, position=1000)
