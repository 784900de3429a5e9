"""A fiche's DPIA screenings: the latest with its reasoning and the earlier ones, and the
DPO's form to record a new one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from register.access import get_treatment_for_user

from . import access
from .dpia_forms import ScreeningForm
from .dpia_lists import CNIL_LIST_SOURCE, WP248_SOURCE
from .models import DpiaScreening
from .screening import record_screening


@require_http_methods(["GET"])
@login_required
def screening_page(request, reference):
    treatment = get_treatment_for_user(request, reference, can=access.can_view_compliance)
    screenings = list(DpiaScreening.objects.filter(treatment=treatment).select_related("recorded_by"))
    context = {
        "treatment": treatment,
        "screening": screenings[0] if screenings else None,
        "earlier": screenings[1:],
        "can_manage": access.can_manage_compliance(request.user),
        "sources": (WP248_SOURCE, CNIL_LIST_SOURCE),
    }
    return render(request, "compliance/screening.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def screening_new(request, reference):
    treatment = get_treatment_for_user(request, reference, can=access.can_manage_compliance)
    form = ScreeningForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            screening = record_screening(treatment, form.save(commit=False), user=request.user)
            messages.success(
                request,
                _("Criblage enregistré : %(result)s. Statut AIPD de la fiche : « %(status)s ».")
                % {"result": screening.get_result_display(), "status": screening.treatment.get_dpia_status_display()},
            )
            return redirect("compliance:screening", reference=treatment.reference)
        status = 400
    else:
        status = 200
    context = {"treatment": treatment, "form": form, "sources": (WP248_SOURCE, CNIL_LIST_SOURCE)}
    return render(request, "compliance/screening_form.html", context, status=status)
