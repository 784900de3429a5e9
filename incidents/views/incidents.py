"""The DPO's incident pages: the list, one incident, its qualification and what it carries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from register import compliance
from register.uploads import upload_size_cap

from .. import access
from ..attachments import MAX_ATTACHMENT_BYTES, too_large_message
from ..forms import AttachmentForm, CorrectiveActionForm, NotificationForm, QualifyForm
from ..models import Attachment, CorrectiveAction
from ..queries import IncidentFilterForm, incidents_for_pages
from .reports import save_attachment

PAGE_SIZE = 50

STALE_EDIT = _lazy(
    "Quelqu'un a enregistré cet incident depuis que vous avez ouvert la page : rien n'a été "
    "enregistré. Rouvrez la page pour partir de sa version actuelle, puis refaites vos changements."
)


@require_GET
@login_required
def incident_list(request):
    access.require(access.can_view_incidents(request.user))
    form = IncidentFilterForm(request.GET)
    incidents = form.incidents()
    if incidents is None:
        return render(request, "incidents/incident_list.html", {"form": form, "incidents": None}, status=400)
    page = Paginator(incidents, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "incidents": page.object_list,
        "page": page,
        "query_string": params.urlencode(),
        "now": timezone.now(),
    }
    return render(request, "incidents/incident_list.html", context)


def detail_context(request, incident, full, **forms):
    attachments = [a for a in incident.attachments.all() if full or a.uploaded_by_id == request.user.pk]
    context = {"incident": incident, "full": full, "now": timezone.now(), "attachments": attachments}
    if full:
        context["findings"] = compliance.findings_for(incident)
        context["can_manage"] = access.can_manage_incidents(request.user)
        context["action_form"] = forms.get("action_form") or CorrectiveActionForm(prefix="action")
        context["notification_form"] = forms.get("notification_form") or NotificationForm(prefix="notification")
        context["attachment_form"] = forms.get("attachment_form") or AttachmentForm(prefix="attachment")
    return context


@require_GET
@login_required
def incident_detail(request, number):
    incident, full = access.get_report_for_user(request, number, incidents_for_pages())
    return render(request, "incidents/incident_detail.html", detail_context(request, incident, full))


@login_required
def incident_qualify(request, number):
    incident = access.get_incident_for_user(request, number, can=access.can_manage_incidents)
    if request.method != "POST":
        initial = {"aware_at": incident.aware_at or incident.reported_at} if incident.is_breach is None else {}
        form = QualifyForm(instance=incident, initial=initial)
        return render(request, "incidents/qualify_form.html", {"incident": incident, "form": form})
    form = QualifyForm(request.POST, instance=incident)
    if not form.is_valid():
        return render(request, "incidents/qualify_form.html", {"incident": incident, "form": form}, status=400)
    with transaction.atomic():
        if not incident.raise_version(expected=form.cleaned_data["loaded_version"]):
            form.add_error(None, STALE_EDIT)
            transaction.set_rollback(True)
        else:
            form.save()
    if form.errors:
        return render(request, "incidents/qualify_form.html", {"incident": incident, "form": form}, status=409)
    messages.success(request, _("Incident %(reference)s enregistré.") % {"reference": incident.reference})
    return redirect(incident)


def _refused(request, incident, **forms):
    context = detail_context(request, incident, True, **forms)
    return render(request, "incidents/incident_detail.html", context, status=400)


@require_POST
@login_required
def action_add(request, number):
    incident = access.get_incident_for_user(request, number, can=access.can_manage_incidents)
    form = CorrectiveActionForm(request.POST, prefix="action")
    if not form.is_valid():
        return _refused(request, incidents_for_pages().get(pk=incident.pk), action_form=form)
    action = form.save(commit=False)
    action.incident = incident
    action.save()
    messages.success(request, _("Action corrective ajoutée."))
    return redirect(incident.get_absolute_url() + "#actions")


@require_POST
@login_required
def action_done(request, number, pk):
    incident = access.get_incident_for_user(request, number, can=access.can_manage_incidents)
    action = get_object_or_404(CorrectiveAction, pk=pk, incident=incident)
    if action.done_date is None:
        action.done_date = timezone.localdate()
        action.save(update_fields=["done_date"])
        messages.success(request, _("Action corrective marquée comme réalisée."))
    return redirect(incident.get_absolute_url() + "#actions")


@require_POST
@login_required
def notification_add(request, number):
    incident = access.get_incident_for_user(request, number, can=access.can_manage_incidents)
    form = NotificationForm(request.POST, prefix="notification")
    if not form.is_valid():
        return _refused(request, incidents_for_pages().get(pk=incident.pk), notification_form=form)
    notification = form.save(commit=False)
    notification.incident = incident
    notification.save()
    messages.success(request, _("Notification à la CNIL enregistrée."))
    return redirect(incident.get_absolute_url() + "#notifications")


@require_POST
@login_required
@upload_size_cap(MAX_ATTACHMENT_BYTES)
def attachment_add(request, number):
    incident = access.get_incident_for_user(request, number, can=access.can_manage_incidents)
    form = AttachmentForm(request.POST, request.FILES, prefix="attachment")
    if request.upload_too_large:
        form.is_valid()
        form.add_error("file", too_large_message())
    if not form.is_valid():
        return _refused(request, incidents_for_pages().get(pk=incident.pk), attachment_form=form)
    with transaction.atomic():
        save_attachment(incident, form.cleaned_data["file"], form.attachment_type, request.user)
    messages.success(request, _("Pièce jointe ajoutée."))
    return redirect(incident.get_absolute_url() + "#attachments")


@require_GET
@login_required
def attachment_download(request, number, pk):
    """The file, to those who may read incidents and to the reporter for his own files; never by a public URL."""
    incident, full = access.get_report_for_user(request, number)
    attachment = get_object_or_404(Attachment, pk=pk, incident=incident)
    if not full and attachment.uploaded_by_id != request.user.pk:
        raise PermissionDenied  # a reporter gets back what he sent, not the DPO's evidence
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )
