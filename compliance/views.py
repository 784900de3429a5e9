"""The compliance pages: the site's home, which sends each user to his first page, and the dashboard."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from incidents.access import can_report_incident, can_view_incidents
from register.access import require

from . import access
from .dashboard import dashboard as dashboard_figures
from .score import FORMULA


@require_GET
@login_required
def home(request):
    """The site's root: the dashboard for whoever reads the register (DPO, managers, auditors);
    for a member of staff without register rights, the incident report, the one page he has."""
    user = request.user
    if access.can_view_compliance(user):
        return redirect("compliance:dashboard")
    if can_view_incidents(user):
        return redirect("incidents:list")
    if can_report_incident(user):
        return redirect("incidents:report")
    return redirect("register:list")  # refused there, with the 403 page's explanation


@require_GET
@login_required
def dashboard(request):
    require(access.can_view_compliance(request.user))
    context = {"dashboard": dashboard_figures(), "score_formula": FORMULA}
    return render(request, "compliance/dashboard.html", context)
