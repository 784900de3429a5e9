"""Collection forms and the identification of their fields (issue 10, point 8).

The DPO creates and edits a form with its fields on one page, lets the app propose an
answer for the undecided fields, confirms, prints the result and completes the linked
fiche; managers and auditors read. Every write claims CollectionForm.version: a page built
before someone else's save is answered 409, nothing written.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from register import compliance
from register.models import DataCategory
from register.signals import document_downloaded

from . import access
from .fiche_coverage import StaleTreatment, complete_fiche, declared_category_ids, missing_categories
from .identification import apply_proposals, proposals_for
from .identification_exports import build_identification_pdf, result_rows
from .identification_forms import CollectionFormForm, FormFieldInlineFormSet
from .models import CollectionForm, FormField

FORMS = CollectionForm.objects.select_related("treatment", "process")


@login_required
def form_list(request):
    access.require(access.can_view_collection_forms(request.user))
    forms = FORMS.annotate(
        field_count=Count("fields"),
        personal_count=Count("fields", filter=Q(fields__is_personal=True)),
        undecided_count=Count("fields", filter=Q(fields__is_personal__isnull=True)),
    )
    return render(
        request,
        "processes/forms/list.html",
        {"forms": forms, "can_create": access.can_create_collection_form(request.user)},
    )


@login_required
def form_detail(request, pk):
    form = access.get_collection_form_for_user(request, pk, queryset=FORMS)
    return render(request, "processes/forms/detail.html", detail_context(request, form))


def detail_context(request, form):
    fields = list(form.fields.select_related("data_category"))
    proposals = proposals_for(form, fields)
    return {
        "form": form,
        "rows": [(field, proposals[field.pk]) for field in fields],
        "result_rows": result_rows(fields),
        "missing": missing_categories(form, fields, declared_category_ids(form.treatment)),
        "findings": compliance.findings_for(form),
        "undecided": sum(field.is_personal is None for field in fields),
        "unconfirmed": sum(field.is_personal is not None and not field.confirmed for field in fields),
        "can_edit": access.can_edit_collection_forms(request.user),
    }


@login_required
def form_create(request):
    access.require(access.can_create_collection_form(request.user))
    return EditPage(request, CollectionForm()).handle()


@login_required
def form_edit(request, pk):
    form = access.get_collection_form_for_user(request, pk, access.can_edit_collection_forms)
    return EditPage(request, form).handle()


class EditPage:
    template = "processes/forms/edit.html"

    def __init__(self, request, form):
        self.request = request
        self.form = form
        self.is_new = form.pk is None

    def handle(self):
        if self.request.method != "POST":
            return self.render(CollectionFormForm(instance=self.form), FormFieldInlineFormSet(instance=self.form))
        main = CollectionFormForm(self.request.POST, instance=self.form)
        rows = FormFieldInlineFormSet(self.request.POST, instance=self.form)
        loaded = main.version_loaded
        if not self.is_new and loaded != self.form.version:
            return stale(self.request, self.form)
        if not (main.is_valid() and rows.is_valid()):
            return self.render(main, rows, status=400)
        with transaction.atomic():
            if not self.is_new and not self.form.raise_version(expected=loaded):
                transaction.set_rollback(True)
                return stale(self.request, self.form)
            form = main.save()
            rows.instance = form
            rows.save()
        messages.success(self.request, _("Formulaire « %(name)s » enregistré.") % {"name": form.name})
        return redirect(form)

    def render(self, main, rows, status=200):
        context = {
            "main": main,
            "rows": rows,
            "form": self.form,
            "is_new": self.is_new,
            "action_url": reverse("processes:form_create")
            if self.is_new
            else reverse("processes:form_edit", args=[self.form.pk]),
            "cancel_url": reverse("processes:form_list") if self.is_new else self.form.get_absolute_url(),
        }
        return render(self.request, self.template, context, status=status)


def stale(request, form):
    return render(
        request,
        "processes/forms/stale.html",
        {
            "form": form,
            "message": _(
                "Quelqu'un a modifié ce formulaire pendant que vous le consultiez : rien n'a été enregistré. "
                "Rechargez la page pour repartir de la version actuelle."
            ),
        },
        status=409,
    )


def _claim(request, form):
    """Take the next version if the page's `version` is still the stored one (in a transaction)."""
    value = request.POST.get("version", "")
    return value.isdigit() and form.raise_version(expected=int(value))


@require_POST
@login_required
def form_propose(request, pk):
    """Fill the undecided fields with the app's proposals; the DPO's decisions stay."""
    form = access.get_collection_form_for_user(request, pk, access.can_edit_collection_forms)
    with transaction.atomic():
        if not _claim(request, form):
            return stale(request, form)
        categories = {category.code: category for category in DataCategory.objects.all()}
        changed = apply_proposals(form, list(form.fields.all()), categories)
        FormField.objects.bulk_update(
            changed, ["is_personal", "identification", "data_category", "is_sensitive", "justification", "confirmed"]
        )
    if changed:
        messages.success(
            request,
            _("%(count)s champ(s) rempli(s) avec la proposition : relisez, corrigez au besoin, puis confirmez.")
            % {"count": len(changed)},
        )
    else:
        messages.info(request, _("Tous les champs sont déjà décidés : aucune proposition appliquée."))
    return redirect(form)


@require_POST
@login_required
def form_confirm(request, pk):
    """Confirm one field (`field`) or every decided field of the form."""
    form = access.get_collection_form_for_user(request, pk, access.can_edit_collection_forms)
    fields = form.fields.filter(is_personal__isnull=False, confirmed=False)
    field_pk = request.POST.get("field", "")
    if field_pk:
        if not field_pk.isdigit() or not form.fields.filter(pk=field_pk, is_personal__isnull=False).exists():
            return render(
                request,
                "processes/forms/stale.html",
                {"form": form, "message": _("Ce champ n'existe pas dans ce formulaire ou n'est pas encore décidé.")},
                status=400,
            )
        fields = fields.filter(pk=field_pk)
    with transaction.atomic():
        if not _claim(request, form):
            return stale(request, form)
        # Through save(), so that each confirmation is in the field's history.
        confirmed = list(fields)
        for field in confirmed:
            field.confirmed = True
            field.save(update_fields=["confirmed"])
    messages.success(request, _("%(count)s champ(s) confirmé(s).") % {"count": len(confirmed)})
    return redirect(form)


@require_GET
@login_required
def form_pdf(request, pk):
    form = access.get_collection_form_for_user(request, pk)
    user = request.user
    filename, mimetype, content = build_identification_pdf(form, generated_by=user.get_full_name() or user.username)
    document_downloaded.send(
        sender=form_pdf,
        request=request,
        document=_("identification du formulaire « %(name)s »") % {"name": form.name},
        export_format="pdf",
        filename=filename,
    )
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )


@login_required
def form_complete(request, pk):
    """« Compléter la fiche »: the confirmation page (GET), then the lines added (POST)."""
    form = access.get_collection_form_for_user(request, pk, access.can_edit_collection_forms, queryset=FORMS)
    treatment = form.treatment
    fields = list(form.fields.select_related("data_category"))
    missing = missing_categories(form, fields, declared_category_ids(treatment)) if treatment else []
    if request.method == "POST" and treatment is not None and missing:
        value = request.POST.get("treatment_version", "")
        try:
            lines = complete_fiche(form, missing, int(value) if value.isdigit() else -1)
        except StaleTreatment:
            return render(
                request,
                "processes/forms/stale.html",
                {
                    "form": form,
                    "message": _(
                        "La fiche %(reference)s a été modifiée depuis l'affichage de cette page : rien n'a été "
                        "ajouté. Relisez la liste et confirmez à nouveau."
                    )
                    % {"reference": treatment.reference},
                },
                status=409,
            )
        messages.success(
            request,
            _(
                "%(count)s ligne(s) ajoutée(s) à la fiche %(reference)s : fixez leur durée de conservation "
                "dans l'éditeur de la fiche."
            )
            % {"count": len(lines), "reference": treatment.reference},
        )
        return redirect(treatment)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "processes/forms/complete.html",
        {"form": form, "missing": missing, "treatment": treatment},
        status=status,
    )
