"""Who may do what with incidents: the one place the incident pages decide it.

Reporting is open to every logged-in member of staff, with or without register rights: an
incident is often seen first by a technician or an operator. Reading the incidents and the
breach register takes the view permission (DPO, managers, auditors), qualifying and
updating them the change permission (the DPO). A reporter without those rights sees his
own reports as he filed them, with their status and the files he attached, and nothing of
the DPO's qualification, corrective actions, notifications or attachments.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from register.access import require

from .models import Incident


def can_report_incident(user):
    return user.is_authenticated and user.is_active


def can_view_incidents(user):
    return user.is_authenticated and user.has_perm("incidents.view_incident")


def can_manage_incidents(user):
    return user.is_authenticated and user.has_perm("incidents.change_incident")


def can_export_breach_register(user):
    return user.is_authenticated and user.has_perm("incidents.export_breach_register")


def is_own_report(user, incident):
    return user.is_authenticated and incident.reporter_id == user.pk


def get_incident_for_user(request, number, can=can_view_incidents, queryset=None):
    """The incident `number` if the user passes `can`, else 403; 404 if there is no such incident."""
    require(can(request.user))
    return get_object_or_404(queryset if queryset is not None else Incident.objects.all(), number=number)


def get_report_for_user(request, number, queryset=None):
    """The incident for a reader of incidents, or for the member of staff who reported it.

    Returns (incident, full): `full` is False for a reporter who sees only his own report.
    """
    user = request.user
    incident = get_object_or_404(queryset if queryset is not None else Incident.objects.all(), number=number)
    if can_view_incidents(user):
        return incident, True
    if is_own_report(user, incident):
        return incident, False
    raise PermissionDenied
