"""Admin: every register table, searchable and filterable.

The Auditor group holds only view permissions, so Django shows every changelist and
change page read-only to them and offers no add, change or delete; RegisterAdmin refuses
their POSTs too, on the pages where Django or django-simple-history would not.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import DateField
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import models
from .forms.fields import DayField


class RegisterAdmin(admin.ModelAdmin):
    """Every POST needs a right to write: 403 for a user who may only read the table.

    Django refuses a view-only user's change, add and delete POSTs itself, but the
    changelist and history pages answer a POST without checking.

    Dates are typed as on the fiche form (JJ/MM/AAAA in French, never a two-digit year).
    """

    # No hidden "initial-" copy for a field with a callable default (the creation date): the
    # day is the same when the form comes back, and the copy carried an invalid aria attribute.
    formfield_overrides = {DateField: {"form_class": DayField, "show_hidden_initial": False}}

    def _refuse_post_unless(self, request, allowed):
        if request.method == "POST" and not allowed:
            raise PermissionDenied

    def changelist_view(self, request, extra_context=None):
        self._refuse_post_unless(request, self.has_change_permission(request) or self.has_delete_permission(request))
        return super().changelist_view(request, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._refuse_post_unless(request, self.has_change_permission(request))
        return super().history_view(request, object_id, extra_context)


class RegisterHistoryAdmin(RegisterAdmin, SimpleHistoryAdmin):
    """django-simple-history's revert page only hides its button from a view-only user and
    saves whatever is posted: the POST needs the right to change."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._refuse_post_unless(request, self.has_change_history_permission(request))
        return super().history_form_view(request, object_id, version_id, extra_context)


class CatalogAdmin(RegisterAdmin):
    list_display = ["label", "code", "position"]
    search_fields = ["label", "code"]
    ordering = ["position"]


@admin.register(models.DataCategory)
class DataCategoryAdmin(CatalogAdmin):
    list_display = ["label", "code", "is_sensitive", "article", "position"]
    list_filter = ["is_sensitive"]


@admin.register(models.TransferSafeguard)
class TransferSafeguardAdmin(CatalogAdmin):
    list_display = ["label", "code", "article", "position"]


admin.site.register(models.DataSubjectCategory, CatalogAdmin)
admin.site.register(models.RecipientCategory, CatalogAdmin)
admin.site.register(models.SecurityMeasureCategory, CatalogAdmin)


@admin.register(models.Country)
class CountryAdmin(RegisterAdmin):
    list_display = ["name", "code", "is_eu_eea", "has_adequacy_decision"]
    list_filter = ["is_eu_eea", "has_adequacy_decision"]
    search_fields = ["name", "code"]


class ContactInline(admin.StackedInline):
    model = models.Contact
    extra = 0


class SiteInline(admin.TabularInline):
    model = models.Site
    extra = 0


class DepartmentInline(admin.TabularInline):
    model = models.Department
    extra = 0
    fields = ["name", "parent", "head"]


@admin.register(models.Organisation)
class OrganisationAdmin(RegisterHistoryAdmin):
    list_display = ["name", "kind", "city", "country", "siren"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "city", "siren", "email"]
    inlines = [ContactInline, SiteInline, DepartmentInline]


@admin.register(models.Contact)
class ContactAdmin(RegisterHistoryAdmin):
    list_display = ["name", "role", "organisation", "company", "email", "phone"]
    list_filter = ["role", "organisation"]
    search_fields = ["name", "company", "email", "organisation__name"]
    list_select_related = ["organisation"]


@admin.register(models.Site)
class SiteAdmin(RegisterAdmin):
    list_display = ["name", "city", "organisation", "is_headquarters"]
    list_filter = ["organisation", "is_headquarters"]
    search_fields = ["name", "city"]
    list_select_related = ["organisation"]


@admin.register(models.Department)
class DepartmentAdmin(RegisterAdmin):
    list_display = ["name", "parent", "organisation", "head"]
    list_filter = ["organisation"]
    search_fields = ["name", "head"]
    list_select_related = ["organisation", "parent"]


class LineInline(admin.TabularInline):
    extra = 0


class SubPurposeInline(LineInline):
    model = models.SubPurpose


class DataCategoryLineInline(LineInline):
    model = models.DataCategoryLine
    fields = [
        "position",
        "category",
        "description",
        "retention_value",
        "retention_unit",
        "retention_start",
        "retention_start_other",
        "retention_end",
        "retention_remark",
        "source",
        "art9_exception",
    ]


class DataSubjectLineInline(LineInline):
    model = models.DataSubjectLine


class RecipientInline(LineInline):
    model = models.Recipient


class TransferInline(LineInline):
    model = models.Transfer


class SecurityMeasureInline(LineInline):
    model = models.SecurityMeasure


class SensitiveDataFilter(admin.SimpleListFilter):
    title = _("données sensibles")
    parameter_name = "sensitive"

    def lookups(self, request, model_admin):
        return [("yes", _("Oui")), ("no", _("Non"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(data_lines__category__is_sensitive=True).distinct()
        if self.value() == "no":
            return queryset.exclude(data_lines__category__is_sensitive=True)
        return queryset


class TreatmentAdminForm(forms.ModelForm):
    """The admin's fiche form refuses the actors the fiche form refuses (Treatment.actor_errors)."""

    def clean(self):
        cleaned = super().clean()
        actors = [cleaned.get("controller"), cleaned.get("joint_controllers") or [], cleaned.get("processors") or []]
        for name, messages in models.Treatment.actor_errors(*actors).items():
            for message in messages:
                self.add_error(name, message)
        return cleaned


@admin.register(models.Treatment)
class TreatmentAdmin(RegisterHistoryAdmin):
    form = TreatmentAdminForm
    list_display = [
        "reference",
        "name",
        "role",
        "controller",
        "status",
        "legal_basis",
        "next_review_date",
        "updated_at",
    ]
    list_filter = ["role", "status", "controller", SensitiveDataFilter, "legal_basis", "dpia_status"]
    search_fields = ["reference", "name", "main_purpose", "data_lines__description"]
    list_select_related = ["controller"]
    filter_horizontal = ["joint_controllers", "processors"]
    readonly_fields = ["updated_at", "last_reviewed_at", "version"]
    inlines = [
        SubPurposeInline,
        DataCategoryLineInline,
        DataSubjectLineInline,
        RecipientInline,
        TransferInline,
        SecurityMeasureInline,
    ]

    def save_model(self, request, obj, form, change):
        # An admin save is an edit too: a DPO's open form goes stale.
        if change:
            obj.raise_version()
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        results, _may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return results, True


class LineAdmin(RegisterHistoryAdmin):
    """A fiche's line edited on its own page: the fiche's version moves, so open forms go stale."""

    list_filter = ["treatment__role"]
    search_fields = ["treatment__reference", "treatment__name"]
    list_select_related = True

    @staticmethod
    def _bump(treatment_ids):
        models.Treatment.objects.filter(pk__in=treatment_ids).raise_version()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._bump({obj.treatment_id} | ({form.initial.get("treatment")} - {None}))

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._bump({obj.treatment_id})

    def delete_queryset(self, request, queryset):
        treatment_ids = set(queryset.values_list("treatment_id", flat=True))
        super().delete_queryset(request, queryset)
        self._bump(treatment_ids)


def _line_admin(model, fields):
    return admin.register(model)(type(f"{model.__name__}Admin", (LineAdmin,), {"list_display": ["treatment", *fields]}))


_line_admin(models.SubPurpose, ["description", "position"])
_line_admin(models.DataCategoryLine, ["category", "description", "retention_value", "retention_unit", "art9_exception"])
_line_admin(models.DataSubjectLine, ["category", "detail"])
_line_admin(models.Recipient, ["category", "name", "organisation"])
_line_admin(models.Transfer, ["recipient", "country", "safeguard"])
_line_admin(models.SecurityMeasure, ["category", "description"])

admin.site.site_header = _("CentreCall · Registre RGPD")
admin.site.site_title = _("Registre RGPD")
