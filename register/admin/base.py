"""What every register admin shares: no write without the right, French titles, no deletion
of a row that fiches use, and read-only pages for the parts of a fiche or an organisation."""

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.core.exceptions import PermissionDenied
from django.db.models import DateField
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from .. import models
from ..forms.fields import DayField

VOWELS = "aeiouyàâéèêëîïôû"
FICHES_NAMED = 10  # a refusal names this many fiches, then says how many more


def french_titles(verbose_name, gender):
    """The add, change and view titles with the article French grammar asks for:
    « Ajout d'une organisation », « Modification de l'organisation », « Consultation du pays ».

    `gender` is "m" or "f", "p" for a name that is always plural (« personnes concernées »)."""
    name = {"name": verbose_name}
    if gender == "p":
        return (
            _("Ajout de %(name)s") % name,
            _("Modification des %(name)s") % name,
            _("Consultation des %(name)s") % name,
        )
    add = (_("Ajout d'un %(name)s") if gender == "m" else _("Ajout d'une %(name)s")) % name
    if str(verbose_name)[:1].lower() in VOWELS:
        return add, _("Modification de l'%(name)s") % name, _("Consultation de l'%(name)s") % name
    if gender == "m":
        return add, _("Modification du %(name)s") % name, _("Consultation du %(name)s") % name
    return add, _("Modification de la %(name)s") % name, _("Consultation de la %(name)s") % name


def refusal_to_delete(rows):
    """Why `rows` cannot be deleted, in French, or None when no fiche uses them."""
    in_use = list(models.rows_in_use(rows))
    if not in_use:
        return None
    references = list(models.fiches_using(rows).values_list("reference", flat=True))
    named = ", ".join(references[:FICHES_NAMED]) + ("…" if len(references) > FICHES_NAMED else "")
    return ngettext(
        "Rien n'a été supprimé : %(rows)s sert dans la fiche %(fiches)s. Modifiez d'abord cette fiche.",
        "Rien n'a été supprimé : %(rows)s sert dans %(count)d fiches (%(fiches)s). Modifiez d'abord ces fiches.",
        len(references),
    ) % {"rows": ", ".join(f"« {row} »" for row in in_use), "fiches": named, "count": len(references)}


@admin.action(permissions=["delete"])
def delete_selected(modeladmin, request, queryset):
    """Django's bulk deletion, refused with the fiches named when fiches use a selected row."""
    if refusal := refusal_to_delete(queryset):
        modeladmin.message_user(request, refusal, messages.ERROR)
        return None
    return django_delete_selected(modeladmin, request, queryset)


class RegisterAdmin(admin.ModelAdmin):
    """Every POST needs a right to write: 403 for a user who may only read the table.

    Django refuses a view-only user's change, add and delete POSTs itself, but the
    changelist and history pages answer a POST without checking.

    Dates are typed as on the fiche form (JJ/MM/AAAA in French, never a two-digit year).
    """

    gender = "m"  # of the model's verbose name, for the titles
    # No hidden "initial-" copy for a field with a callable default (the creation date): the
    # day is the same when the form comes back, and the copy carried an invalid aria attribute.
    formfield_overrides = {DateField: {"form_class": DayField, "show_hidden_initial": False}}

    def _refuse_post_unless(self, request, allowed):
        if request.method == "POST" and not allowed:
            raise PermissionDenied

    def changelist_view(self, request, extra_context=None):
        self._refuse_post_unless(request, self.has_change_permission(request) or self.has_delete_permission(request))
        title = capfirst(self.model._meta.verbose_name_plural)
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        add, change, view = french_titles(self.model._meta.verbose_name, self.gender)
        title = add if object_id is None else change if self.has_change_permission(request) else view
        return super().changeform_view(request, object_id, form_url, {"title": title, **(extra_context or {})})

    def history_view(self, request, object_id, extra_context=None):
        self._refuse_post_unless(request, self.has_change_permission(request))
        return super().history_view(request, object_id, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        rows = self.model._default_manager.filter(pk=object_id)
        if self.has_delete_permission(request) and (refusal := refusal_to_delete(rows)):
            self.message_user(request, refusal, messages.ERROR)
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", object_id)
        return super().delete_view(request, object_id, extra_context)

    def get_deleted_objects(self, objs, request):
        """The parts of a fiche or an organisation go with it: the right to delete them is the
        user's model permission, not their admin page's, which never deletes."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        parts = {
            str(model._meta.verbose_name)
            for model, model_admin in self.admin_site._registry.items()
            if isinstance(model_admin, PartAdmin)
            and request.user.has_perm(f"{model._meta.app_label}.delete_{model._meta.model_name}")
        }
        return deleted, counts, perms_needed - parts, protected

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            if self.gender in ("f", "p"):  # the plural-only names are feminine (« personnes concernées »)
                description = _("Supprimer les %(name)s sélectionnées")
            else:
                description = _("Supprimer les %(name)s sélectionnés")
            actions["delete_selected"] = (
                delete_selected,
                "delete_selected",
                description % {"name": self.model._meta.verbose_name_plural},
            )
        return actions


class RegisterHistoryAdmin(RegisterAdmin, SimpleHistoryAdmin):
    """django-simple-history's revert page only hides its button from a view-only user and
    saves whatever is posted: the POST needs the right to change."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._refuse_post_unless(request, self.has_change_history_permission(request))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return _("Version passée de « %(object)s »") % {"object": obj}
        return _("Rétablir cette version de « %(object)s »") % {"object": obj}


class PartAdmin:
    """Mixin: a part of a fiche or an organisation, listed on its own for searching and reading.

    It changes only within its whole (the fiche's or the organisation's page), so that the
    fiche's version moves and its history records the change."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
