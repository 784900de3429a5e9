"""Requests in the admin: the auditors read them there; the DPO works in the request pages.

Same rules as the register's admin (register.admin.base): no write without the right,
French titles, dates typed JJ/MM/AAAA; the model's clean() refuses what the form refuses.
"""

from django.contrib import admin

from register.admin.base import RegisterHistoryAdmin

from .models import DataSubjectRequest


@admin.register(DataSubjectRequest)
class DataSubjectRequestAdmin(RegisterHistoryAdmin):
    gender = "f"
    list_display = ("reference", "kind", "person_name", "status", "received_on", "due_on")
    list_filter = ("kind", "status", "channel")
    search_fields = ("person_name", "details")
    filter_horizontal = ("treatments",)
    readonly_fields = ("number", "due_on", "version")

    def save_model(self, request, obj, form, change):
        # An admin save is an edit too: the DPO's open edit page goes stale.
        if change:
            obj.raise_version()
        super().save_model(request, obj, form, change)
