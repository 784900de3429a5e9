"""Incidents in the admin: the auditors read them there; the DPO works in the incident pages.

Same rules as the register's admin (register.admin.base): no write without the right,
French titles, dates typed JJ/MM/AAAA. An attachment's file is never linked from the
admin (it has no URL): it is downloaded from the incident's page, after its access check.
"""

from django.contrib import admin

from register.admin.base import PartAdmin, RegisterAdmin, RegisterHistoryAdmin

from .models import Attachment, AuthorityNotification, CorrectiveAction, Incident


@admin.register(Incident)
class IncidentAdmin(RegisterHistoryAdmin):
    list_display = ("reference", "subject", "status", "is_breach", "risk_level", "reported_at")
    list_filter = ("status", "is_breach", "risk_level", "channel")
    search_fields = ("subject", "message", "reporter_name", "source_application")
    filter_horizontal = ("treatments", "operations", "data_categories")
    readonly_fields = ("number", "reporter", "closed_at", "version")

    def save_model(self, request, obj, form, change):
        # An admin save is an edit too: the DPO's open qualification page goes stale.
        if change:
            obj.raise_version()
        super().save_model(request, obj, form, change)


@admin.register(CorrectiveAction)
class CorrectiveActionAdmin(RegisterHistoryAdmin):
    gender = "f"
    list_display = ("description", "incident", "owner", "due_date", "done_date")
    list_select_related = ("incident",)


@admin.register(AuthorityNotification)
class AuthorityNotificationAdmin(RegisterHistoryAdmin):
    gender = "f"
    list_display = ("incident", "kind", "sent_at", "authority_reference")
    list_select_related = ("incident",)


@admin.register(Attachment)
class AttachmentAdmin(PartAdmin, RegisterAdmin):
    """Listed for reading; added on the incident's page, where its type is checked."""

    gender = "f"
    list_display = ("original_name", "incident", "content_type", "size", "uploaded_at")
    list_select_related = ("incident",)
    exclude = ("file",)
    readonly_fields = ("incident", "original_name", "content_type", "size", "uploaded_by", "uploaded_at")
