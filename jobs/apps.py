from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobs"
    verbose_name = _("Traitements en arrière-plan")

    def ready(self):
        from register import background, navigation

        from . import access, starters

        background.set_starter("export", starters.start_export)
        navigation.add_entry(_("Mes exports"), "jobs:list", access.can_use_jobs, position=85)
