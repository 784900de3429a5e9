"""Reporting an incident: the short form every member of staff may use, and his own reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from register.access import require
from register.uploads import upload_size_cap

from .. import access
from ..attachments import MAX_ATTACHMENT_BYTES, too_large_message
from ..forms import ReportForm
from ..models import Attachment, Incident


@login_required
@upload_size_cap(MAX_ATTACHMENT_BYTES)
def report_incident(request):
    require(access.can_report_incident(request.user))
    user = request.user
    if request.method != "POST":
        return render(request, "incidents/report_form.html", {"form": ReportForm()})
    form = ReportForm(request.POST, request.FILES)
    if request.upload_too_large:
        form.is_valid()
        form.add_error("attachment", too_large_message())
    if not form.is_valid():
        return render(request, "incidents/report_form.html", {"form": form}, status=400)
    with transaction.atomic():
        incident = form.save(commit=False)
        incident.reporter = user
        incident.reporter_name = user.get_full_name() or user.get_username()
        incident.save()
        if upload := form.cleaned_data.get("attachment"):
            save_attachment(incident, upload, form.attachment_type, user)
    messages.success(
        request,
        _("Incident %(reference)s signalé : le DPO en est informé et l'analyse.") % {"reference": incident.reference},
    )
    return redirect(incident)


def save_attachment(incident, upload, content_type, user):
    attachment = Attachment(
        incident=incident,
        original_name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )
    attachment.file.save(upload.name, upload, save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)  # the row is rolled back: leave no orphan file behind
        raise
    return attachment


@login_required
def my_reports(request):
    require(access.can_report_incident(request.user))
    incidents = Incident.objects.filter(reporter=request.user).order_by("-number")
    return render(request, "incidents/my_reports.html", {"incidents": incidents})
