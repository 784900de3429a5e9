"""A fiche's risk assessment (CNIL method), its edit page, and the register's risk map with
its PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from register.access import can_export_register, get_treatment_for_user, require
from register.signals import document_downloaded

from . import access
from .dpia_forms import FearedEventForm, VersionForm
from .dpia_panels import risk_context
from .models import FearedEvent, FearedEventKind, RiskAssessment
from .risk_exports import build_risk_map_pdf
from .risk_map import register_risk_maps

PAGE_SIZE = 50


def _assessment(treatment):
    return RiskAssessment.objects.filter(treatment=treatment).select_related("updated_by").first()


def _events_by_kind(assessment):
    events = {event.kind: event for event in assessment.feared_events.all()} if assessment else {}
    return [events.get(kind) or FearedEvent(kind=kind) for kind in FearedEventKind.values]


@require_GET
@login_required
def fiche_risks(request, reference):
    treatment = get_treatment_for_user(request, reference, can=access.can_view_compliance)
    assessment = _assessment(treatment)
    events = _events_by_kind(assessment)
    context = {
        "treatment": treatment,
        "assessment": assessment,
        **risk_context(treatment, events if assessment else []),
        "can_manage": access.can_manage_compliance(request.user),
    }
    return render(request, "compliance/risks.html", context)


class StaleAssessment(Exception):
    pass


@require_http_methods(["GET", "POST"])
@login_required
def fiche_risks_edit(request, reference):
    treatment = get_treatment_for_user(request, reference, can=access.can_manage_compliance)
    assessment = _assessment(treatment)
    events = _events_by_kind(assessment)
    data = request.POST if request.method == "POST" else None
    version = VersionForm(data, initial={"loaded_version": assessment.version if assessment else 0})
    forms = [FearedEventForm(data, instance=event, prefix=event.kind) for event in events]
    status, conflict = 200, ""
    if request.method == "POST":
        valid = [form.is_valid() for form in forms]  # every form validated: all their errors shown
        if version.is_valid() and all(valid):
            try:
                _save(treatment, version.cleaned_data["loaded_version"], forms, request.user)
            except StaleAssessment:
                status = 409
                conflict = _(
                    "Quelqu'un a enregistré l'appréciation des risques de cette fiche depuis que vous avez ouvert "
                    "la page : rien n'a été enregistré. Rechargez la page pour partir de sa version actuelle."
                )
            else:
                messages.success(request, _("Appréciation des risques enregistrée."))
                return redirect("compliance:risks", reference=treatment.reference)
        else:
            status = 400
    context = {
        "treatment": treatment,
        "version_form": version,
        "rows": list(zip(events, forms, strict=True)),
        "conflict": conflict,
        "invalid": status == 400,
    }
    return render(request, "compliance/risks_form.html", context, status=status)


def _save(treatment, loaded_version, forms, user):
    """All three feared events or nothing; never over a save made since the page was opened."""
    try:
        with transaction.atomic():
            assessment = RiskAssessment.objects.filter(treatment=treatment).first()
            if assessment is None:
                if loaded_version != 0:
                    raise StaleAssessment
                assessment = RiskAssessment.objects.create(treatment=treatment, updated_by=user)
            else:
                if not assessment.raise_version(expected=loaded_version):
                    raise StaleAssessment
                assessment.updated_by = user
                assessment.save()
            for form in forms:
                event = form.save(commit=False)
                event.assessment = assessment
                event.save()
    except IntegrityError:  # two first saves at once: the other one won
        raise StaleAssessment from None


@require_GET
@login_required
def register_risks(request):
    require(access.can_view_compliance(request.user))
    assessments = (
        RiskAssessment.objects.select_related("treatment")
        .prefetch_related("feared_events")
        .order_by("treatment__reference")
    )
    page = Paginator(assessments, PAGE_SIZE).get_page(request.GET.get("page"))
    for assessment in page.object_list:
        assessment.events = sorted(assessment.feared_events.all(), key=lambda event: event.order)
    context = {
        "maps": register_risk_maps(),
        "page": page,
        "kinds": FearedEventKind.choices,
        "can_export": can_export_register(request.user),
    }
    return render(request, "compliance/register_risks.html", context)


@require_GET
@login_required
def register_risks_pdf(request):
    require(access.can_view_compliance(request.user) and can_export_register(request.user))
    user = request.user
    filename, mimetype, content = build_risk_map_pdf(generated_by=user.get_full_name() or user.get_username())
    document_downloaded.send(
        sender=register_risks_pdf,
        request=request,
        document=_("carte des risques du registre"),
        export_format="pdf",
        filename=filename,
        scope="",
    )
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
