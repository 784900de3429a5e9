from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "register"
    verbose_name = _("Registre des traitements")

    def ready(self):
        from . import checks  # noqa: F401  (registers the register's compliance checks)
        from .search import register_sqlite_function

        connection_created.connect(register_sqlite_function)  # SQLite's accent-insensitive search
