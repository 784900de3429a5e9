"""The notification draft: a page to copy from, and the same as PDF."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.signals import document_downloaded

from .. import access
from ..notification import build_draft
from ..queries import incidents_for_pages


def _draft(request, number):
    incident = access.get_incident_for_user(request, number, queryset=incidents_for_pages())
    return {"incident": incident, "draft": build_draft(incident)}


@require_GET
@login_required
def notification_draft(request, number):
    return render(request, "incidents/notification_draft.html", _draft(request, number))


@require_GET
@login_required
def notification_draft_pdf(request, number):
    context = _draft(request, number)
    content = html_to_pdf(render_to_string("incidents/exports/notification_draft.html", context))
    filename = f"notification-{context['incident'].reference.lower()}.pdf"
    document = _("projet de notification %(reference)s") % {"reference": context["incident"].reference}
    document_downloaded.send(
        sender=notification_draft_pdf, request=request, document=document, export_format="pdf", filename=filename
    )
    return HttpResponse(
        content, content_type=PDF_MIMETYPE, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
