"""The catalogs of the CNIL template and the countries: editable, not deletable while a fiche uses them."""

from django.contrib import admin

from .. import models
from .base import RegisterAdmin


class CatalogAdmin(RegisterAdmin):
    gender = "f"  # every catalog is a « catégorie » or a « garantie »
    list_display = ["label", "code", "position"]
    fields = ["label", "code", "position"]  # the label first: it is what the DPO reads
    search_fields = ["label", "code"]
    ordering = ["position"]


@admin.register(models.DataCategory)
class DataCategoryAdmin(CatalogAdmin):
    list_display = ["label", "code", "is_sensitive", "article", "position"]
    fields = list_display
    list_filter = ["is_sensitive"]


@admin.register(models.TransferSafeguard)
class TransferSafeguardAdmin(CatalogAdmin):
    list_display = ["label", "code", "article", "position"]
    fields = list_display


admin.site.register(models.DataSubjectCategory, CatalogAdmin)
admin.site.register(models.RecipientCategory, CatalogAdmin)
admin.site.register(models.SecurityMeasureCategory, CatalogAdmin)


@admin.register(models.Country)
class CountryAdmin(RegisterAdmin):
    list_display = ["name", "code", "is_eu_eea", "has_adequacy_decision"]
    fields = list_display
    list_filter = ["is_eu_eea", "has_adequacy_decision"]
    search_fields = ["name", "code"]
