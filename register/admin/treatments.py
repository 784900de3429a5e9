"""The fiches, whose lines change on the fiche's page only (in its inline tables)."""

from django import forms
from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _

from .. import models
from .base import PartAdmin, RegisterHistoryAdmin


class LineInline(admin.TabularInline):
    extra = 0


class SubPurposeInline(LineInline):
    model = models.SubPurpose


class DataCategoryLineInline(LineInline):
    model = models.DataCategoryLine


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
            return queryset.filter(_has_line(category__is_sensitive=True))
        if self.value() == "no":
            return queryset.exclude(_has_line(category__is_sensitive=True))
        return queryset


def _has_line(**lookups):
    """EXISTS (a data line of the fiche matching `lookups`): no join, hence no DISTINCT over every column."""
    return Exists(models.DataCategoryLine.objects.filter(treatment=OuterRef("pk"), **lookups))


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
    search_fields = ["reference", "name", "main_purpose"]  # and the data lines' descriptions, below
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
        """Each word in the fiche's own columns or in one of its data lines' descriptions (EXISTS:
        a fiche comes once without a DISTINCT over every column, which made the search 5× slower
        on 5,000 fiches)."""
        for word in smart_split(search_term):
            if word.startswith(('"', "'")) and len(word) > 1 and word[0] == word[-1]:
                word = unescape_string_literal(word)
            own = Q()
            for field in self.search_fields:
                own |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(own | _has_line(description__icontains=word))
        return queryset, False


class LineAdmin(PartAdmin, RegisterHistoryAdmin):
    list_filter = ["treatment__role"]
    search_fields = ["treatment__reference", "treatment__name"]
    list_select_related = True


def _line_admin(model, fields, gender="m"):
    attributes = {"list_display": ["treatment", *fields], "gender": gender}
    return admin.register(model)(type(f"{model.__name__}Admin", (LineAdmin,), attributes))


_line_admin(models.SubPurpose, ["description", "position"], gender="f")
_line_admin(
    models.DataCategoryLine,
    ["category", "description", "retention_value", "retention_unit", "art9_exception"],
    gender="f",
)
_line_admin(models.DataSubjectLine, ["category", "detail"], gender="p")
_line_admin(models.Recipient, ["category", "name", "organisation"])
_line_admin(models.Transfer, ["recipient", "country", "safeguard"])
_line_admin(models.SecurityMeasure, ["category", "description"], gender="f")
