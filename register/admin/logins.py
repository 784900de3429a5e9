"""django-axes' login attempts in the admin, with the register's French titles.

A superuser unlocks an account or an address early by deleting its « tentative de
connexion » (or with `manage.py axes_reset_username` / `axes_reset_ip`).
"""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin

from .base import RegisterAdmin

for model in (AccessAttempt, AccessLog, AccessFailureLog):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(AccessAttempt)
class LoginAttemptAdmin(RegisterAdmin, AccessAttemptAdmin):
    gender = "f"


@admin.register(AccessLog)
class LoginAdmin(RegisterAdmin, AccessLogAdmin):
    gender = "f"


@admin.register(AccessFailureLog)
class LoginFailureAdmin(RegisterAdmin, AccessFailureLogAdmin):
    gender = "m"
