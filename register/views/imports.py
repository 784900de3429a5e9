"""Bringing a register in from an ODS file: upload, preview, confirm (DPO only).

Nothing is written before the DPO confirms the preview; the confirmation re-reads the
kept file (`PendingImport`) and writes everything in one transaction, or nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access
from ..imports.apply import apply_plan
from ..imports.forms import ImportForm
from ..imports.odf_reader import MAX_UPLOAD_BYTES, OdsError
from ..imports.pending import PendingImport
from ..imports.plan import plan_import
from ..numbering import allocate
from ..signals import import_handled
from ..uploads import upload_size_cap

IMPORTS = "register:imports"  # raised by each confirmation: its row is the lock that serialises them


def _render(request, form, plan=None, *, status=200, notice="", error=""):
    return render(
        request,
        "register/import_preview.html" if plan is not None else "register/import_form.html",
        {"form": form, "plan": plan, "notice": notice, "error": error},
        status=status,
    )


@login_required
@upload_size_cap(MAX_UPLOAD_BYTES)
def import_register(request):
    access.require(access.can_import_register(request.user))
    if request.method != "POST":
        return _render(request, ImportForm())
    form = ImportForm(request.POST, request.FILES)  # reading the body sets request.upload_too_large
    if request.upload_too_large:
        form = ImportForm(request.POST)
        form.is_valid()
        form.errors.clear()
        form.add_error("file", _("Le fichier dépasse 10 Mo : la limite est de 10 Mo."))
        _announce(request, "refused", _upload_name(request), errors=form.errors.get("file", []))
        return _render(request, form, status=400)
    if not form.is_valid():
        _announce(
            request, "refused", _upload_name(request), errors=[e for errors in form.errors.values() for e in errors]
        )
        return _render(request, form, status=400)
    upload = form.cleaned_data["file"]
    data = upload.read()  # at most 10 MB: the upload size cap drops larger files as they arrive
    defaults = form.defaults()
    try:
        plan = plan_import(data, defaults)
    except OdsError as error:
        form.add_error("file", str(error))
        _announce(request, "refused", upload.name, errors=[error])
        return _render(request, form, status=400)
    if not plan.is_valid:
        _announce(request, "refused", upload.name, errors=plan.errors)
        return _render(request, form, plan, status=400)
    PendingImport.store(request.session, data, upload.name, defaults, plan.signature())
    _announce(request, "preview", upload.name, plan.count_create, plan.count_update)
    return _render(request, form, plan)


@login_required
@require_POST
def import_confirm(request):
    access.require(access.can_import_register(request.user))
    pending = PendingImport.load(request.session)
    if pending is None:
        PendingImport.forget(request.session)
        expired = _("Aucun import en attente de confirmation (ou il a expiré) : déposez le fichier à nouveau.")
        return _render(request, ImportForm(), status=400, error=expired)
    form = ImportForm.showing(pending.defaults)
    try:
        with transaction.atomic():
            # Imports are confirmed one at a time: the counter's row stays locked until this
            # one commits, and the next confirmation re-reads the register as that one left it.
            allocate(IMPORTS)
            refused, counts = _confirm(request, pending, form)
            if refused is not None:  # nothing written (but the audit entry saying why)
                return refused
    except DatabaseError:
        pending.release()
        _announce(request, "refused", pending.filename, errors=["DatabaseError"])
        failed = _("L'enregistrement a échoué ; rien n'a été importé. Réessayez ou contactez l'administrateur.")
        return _render(request, form, status=400, error=failed)
    created, updated = counts
    PendingImport.forget(request.session)
    _announce(request, "applied", pending.filename, created, updated)
    messages.success(
        request,
        _("Import de « %(file)s » terminé : %(created)s fiche(s) créée(s), %(updated)s mise(s) à jour.")
        % {"file": pending.filename, "created": created, "updated": updated},
    )
    return redirect("register:list")


def _confirm(request, pending, form):
    """Plan the kept file against the register as it is now and apply it: (None, counts of
    fiches created and updated), or (the page that refuses it, None) with nothing written."""
    try:
        plan = plan_import(pending.data, pending.defaults)
    except OdsError as error:
        PendingImport.forget(request.session)
        _announce(request, "refused", pending.filename, errors=[error])
        return _render(request, form, status=400, error=str(error)), None
    if not plan.is_valid:
        PendingImport.forget(request.session)
        _announce(request, "refused", pending.filename, errors=plan.errors)
        return _render(request, form, plan, status=400), None
    if plan.signature() != pending.signature:
        pending.signature = plan.signature()
        pending.save(request.session)
        notice = _("Le registre a changé depuis l'aperçu : vérifiez ce nouvel aperçu, puis confirmez à nouveau.")
        return _render(request, form, plan, status=409, notice=notice), None
    if not pending.claim():
        already = _("Cet import est déjà en cours de confirmation ou a déjà été confirmé.")
        return _render(request, ImportForm(), status=409, error=already), None
    return None, apply_plan(plan)


def _upload_name(request):
    upload = request.FILES.get("file")
    return upload.name if upload else ""


def _announce(request, outcome, filename, created=None, updated=None, errors=()):
    """Tell whoever records imports (the audit trail) what became of this one."""
    import_handled.send(
        sender=import_register,
        request=request,
        outcome=outcome,
        filename=filename,
        created=created,
        updated=updated,
        errors=[str(error) for error in errors],
    )
