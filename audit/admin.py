"""The audit trail in the admin: read only, for those who may read it, whoever they are.

No one has a right to add, change or delete an entry, a superuser included; RegisterAdmin
refuses every POST, also on the list and history pages where Django would answer one.
"""

from django.contrib import admin

from register.admin.base import RegisterAdmin

from .access import can_view_audit
from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(RegisterAdmin):
    gender = "f"  # « entrée »
    list_display = ("at", "action", "username", "address", "summary")
    list_filter = ("action",)
    search_fields = ("username", "summary")
    date_hierarchy = "at"
    fields = ("at", "action", "username", "address", "user_agent", "summary", "details")
    readonly_fields = fields
    actions = None  # no bulk deletion

    def has_view_permission(self, request, obj=None):
        return can_view_audit(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
