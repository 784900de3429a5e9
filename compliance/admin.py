"""Screenings and risk assessments in the admin: read there (auditors, the DPO); written from
the fiche's pages only, so that recording a screening sets the fiche's DPIA status through
its version and a risk assessment is saved under its version lock."""

from django.contrib import admin

from register.admin.base import PartAdmin, RegisterHistoryAdmin

from .models import DpiaScreening, FearedEvent, RiskAssessment


class ReadOnlyInline(admin.StackedInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FearedEventInline(ReadOnlyInline):
    model = FearedEvent


@admin.register(DpiaScreening)
class DpiaScreeningAdmin(PartAdmin, RegisterHistoryAdmin):
    gender = "m"
    list_display = ("treatment", "result", "recorded_at", "recorded_by")
    list_filter = ("result",)
    list_select_related = ("treatment", "recorded_by")
    search_fields = ("treatment__reference", "treatment__name")
    readonly_fields = ("result", "recorded_at", "recorded_by")


@admin.register(RiskAssessment)
class RiskAssessmentAdmin(PartAdmin, RegisterHistoryAdmin):
    gender = "f"
    list_display = ("treatment", "updated_at", "updated_by")
    list_select_related = ("treatment", "updated_by")
    search_fields = ("treatment__reference", "treatment__name")
    readonly_fields = ("updated_at", "updated_by", "version")
    inlines = [FearedEventInline]
