"""A fiche's lifecycle buttons: duplicate, change status, mark as reviewed, delete.

All but the delete confirmation are POST-only (CSRF-protected forms on the fiche page).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import ProtectedError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import access, compliance, lifecycle
from ..choices import TreatmentStatus
from ..queries import treatments_with_lines

STATUS_MESSAGES = {
    TreatmentStatus.IN_FORCE: gettext_lazy("Fiche %(reference)s en vigueur."),
    TreatmentStatus.ARCHIVED: gettext_lazy(
        "Fiche %(reference)s archivée : elle quitte la liste par défaut mais reste consultable, "
        "recherchable et exportable."
    ),
}


@login_required
def treatment_duplicate(request, reference):
    access.require(access.can_create_fiche(request.user))
    source = access.get_treatment_for_user(request, reference)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    copy = lifecycle.duplicate_treatment(source, user=request.user)
    messages.success(
        request,
        _("Copie de %(source)s créée sous la référence %(reference)s, en brouillon : adaptez-la puis enregistrez.")
        % {"source": source.reference, "reference": copy.reference},
    )
    return redirect("register:edit", copy.reference)


@login_required
def treatment_change_status(request, reference):
    treatment = access.get_treatment_for_user(request, reference, access.can_edit_register)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    new_status = request.POST.get("status", "")
    if new_status not in TreatmentStatus.values:
        return _refused(request, treatment, _("Statut inconnu : « %(status)s ».") % {"status": new_status}, 400)
    previous = treatment.status
    try:
        if new_status == TreatmentStatus.IN_FORCE and request.POST.get("confirmed") != "1":
            lifecycle.check_transition(treatment, new_status)
            blocking = compliance.blocking_findings(treatments_with_lines().get(pk=treatment.pk))
            if blocking:
                context = {"treatment": treatment, "findings": blocking, "status": new_status}
                return render(request, "register/treatment_confirm_in_force.html", context)
        treatment = lifecycle.change_status(treatment, new_status)
    except lifecycle.ActionRefused as refusal:
        return _refused(request, treatment, str(refusal), 409)
    if previous == TreatmentStatus.ARCHIVED:
        message = _("Fiche %(reference)s restaurée : de nouveau en vigueur.")
    else:
        message = str(STATUS_MESSAGES[new_status])
    messages.success(request, message % {"reference": treatment.reference})
    return redirect(treatment)


@login_required
def treatment_mark_reviewed(request, reference):
    treatment = access.get_treatment_for_user(request, reference, access.can_edit_register)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        treatment = lifecycle.mark_reviewed(treatment)
    except lifecycle.ActionRefused as refusal:
        return _refused(request, treatment, str(refusal), 409)
    messages.success(
        request,
        _("Revue de la fiche %(reference)s enregistrée. Prochaine revue le %(next)s.")
        % {"reference": treatment.reference, "next": date_format(treatment.next_review_date, "d/m/Y")},
    )
    return redirect(treatment)


@login_required
def treatment_delete(request, reference):
    treatment = access.get_treatment_for_user(request, reference, access.can_delete_fiche)
    if request.method == "POST":
        try:
            lifecycle.delete_treatment(treatment)
        except ProtectedError:
            return _refused(
                request,
                treatment,
                _("D'autres éléments du registre font référence à cette fiche : archivez-la plutôt."),
                409,
            )
        messages.success(
            request,
            _("Fiche %(reference)s « %(name)s » supprimée.") % {"reference": reference, "name": treatment.name},
        )
        return redirect("register:list")
    context = {"treatment": treatment, "lines": lifecycle.lines_lost_on_delete(treatment)}
    return render(request, "register/treatment_confirm_delete.html", context)


def _refused(request, treatment, message, status):
    return render(request, "register/action_refused.html", {"treatment": treatment, "message": message}, status=status)
