"""Users and groups with the same French titles as the register's tables."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from .base import RegisterAdmin

admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class RegisterUserAdmin(RegisterAdmin, UserAdmin):
    pass


@admin.register(Group)
class RegisterGroupAdmin(RegisterAdmin, GroupAdmin):
    pass
