"""Organisations with their contacts, sites and departments, which change on the organisation's page."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .. import models
from .base import PartAdmin, RegisterAdmin, RegisterHistoryAdmin

ADDRESS_FIELDS = ["address", "postcode", "city", "country", "phone", "email"]


class ContactInline(admin.StackedInline):
    model = models.Contact
    extra = 0
    fields = ["role", "name", "job_title", "company", *ADDRESS_FIELDS]


class SiteInline(admin.TabularInline):
    model = models.Site
    extra = 0


class DepartmentInline(admin.TabularInline):
    model = models.Department
    extra = 0
    fields = ["name", "parent", "head"]


@admin.register(models.Organisation)
class OrganisationAdmin(RegisterHistoryAdmin):
    gender = "f"
    list_display = ["name", "kind", "city", "country", "siren"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "city", "siren", "email"]
    fieldsets = [(None, {"fields": ["name", "kind", "siren"]}), (_("Coordonnées"), {"fields": ADDRESS_FIELDS})]
    inlines = [ContactInline, SiteInline, DepartmentInline]


@admin.register(models.Contact)
class ContactAdmin(PartAdmin, RegisterHistoryAdmin):
    list_display = ["name", "role", "organisation", "company", "email", "phone"]
    list_filter = ["role", "organisation"]
    search_fields = ["name", "company", "email", "organisation__name"]
    list_select_related = ["organisation"]
    fields = ["organisation", *ContactInline.fields]


@admin.register(models.Site)
class SiteAdmin(PartAdmin, RegisterAdmin):
    list_display = ["name", "city", "organisation", "is_headquarters"]
    list_filter = ["organisation", "is_headquarters"]
    search_fields = ["name", "city"]
    list_select_related = ["organisation"]


@admin.register(models.Department)
class DepartmentAdmin(PartAdmin, RegisterAdmin):
    list_display = ["name", "parent", "organisation", "head"]
    list_filter = ["organisation"]
    search_fields = ["name", "head"]
    list_select_related = ["organisation", "parent"]
