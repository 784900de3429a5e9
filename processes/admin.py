"""Processes and collection forms in the admin: the auditors read them there; the DPO works
in the process pages. Same rules as the register's admin (register.admin.base); a save of
the process's page raises its version, so an editor page opened before goes stale."""

from django.contrib import admin

from register.admin.base import PartAdmin, RegisterHistoryAdmin

from .models import Actor, CollectionForm, EmissionRule, Event, FormField, Operation, Process


class ActorInline(admin.TabularInline):
    model = Actor
    extra = 0


class EventInline(admin.TabularInline):
    model = Event
    extra = 0


class OperationInline(admin.StackedInline):
    model = Operation
    extra = 0
    fields = (
        "position",
        "description",
        "actor",
        "automated",
        "triggers",
        "join",
        "personal_data",
        "reference",
        "purpose",
        "treatment",
        "data_categories",
        "data_subjects",
        "recipients",
        "recipients_detail",
    )
    readonly_fields = ("reference",)


@admin.register(Process)
class ProcessAdmin(RegisterHistoryAdmin):
    list_display = ("name", "client", "status", "updated_at")
    list_filter = ("status", "client")
    search_fields = ("name", "description", "operations__description", "operations__reference")
    list_select_related = ("client",)
    filter_horizontal = ("treatments",)
    readonly_fields = ("version", "created_at", "updated_at")
    inlines = [ActorInline, EventInline, OperationInline]

    def save_model(self, request, obj, form, change):
        if change:
            obj.raise_version()
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        results, _may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return results, True


@admin.register(Operation)
class OperationAdmin(PartAdmin, RegisterHistoryAdmin):
    """Listed for searching and reading; changed on its process's page."""

    gender = "f"
    list_display = ("reference", "description", "process", "actor", "treatment", "personal_data")
    list_filter = ("personal_data", "process")
    search_fields = ("reference", "description", "purpose", "process__name")
    list_select_related = ("process", "actor", "treatment")


@admin.register(EmissionRule)
class EmissionRuleAdmin(PartAdmin, RegisterHistoryAdmin):
    gender = "f"
    list_display = ("label", "operation", "target_event", "target_operation")
    list_select_related = ("operation", "target_event", "target_operation")


class FormFieldInline(admin.TabularInline):
    model = FormField
    extra = 0


@admin.register(CollectionForm)
class CollectionFormAdmin(RegisterHistoryAdmin):
    list_display = ("name", "treatment", "process", "respondent_identified", "updated_at")
    list_select_related = ("treatment", "process")
    search_fields = ("name", "description", "fields__label")
    readonly_fields = ("version", "created_at", "updated_at")
    inlines = [FormFieldInline]

    def save_model(self, request, obj, form, change):
        if change:
            obj.raise_version()
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        results, _may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return results, True
