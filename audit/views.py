"""The journal page (the DPO's and the auditors') and its ODS export, with the same filters."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .access import require_audit_reader
from .exports import build_journal_ods
from .forms import JournalFilterForm
from .models import AuditAction
from .recording import record

PAGE_SIZE = 50


@require_GET
@login_required
def journal(request):
    require_audit_reader(request)
    form = JournalFilterForm(request.GET)
    context = {"form": form, "retention_days": settings.AUDIT_RETENTION_DAYS, "page": None}
    if not form.is_valid():
        context["errors"] = form.error_list()
        return render(request, "audit/journal.html", context, status=400)
    query = request.GET.copy()
    query.pop("page", None)
    context["query_string"] = query.urlencode()
    context["page"] = Paginator(form.entries(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/journal.html", context)


@require_GET
@login_required
def journal_export(request):
    require_audit_reader(request)
    form = JournalFilterForm(request.GET)
    if not form.is_valid():
        message = _("Export impossible : %(errors)s") % {"errors": " ".join(form.error_list())}
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    user = request.user
    description = form.describe()
    filename, mimetype, content = build_journal_ods(
        form.entries(), description=description, generated_by=user.get_full_name() or user.get_username()
    )
    details = {"document": "journal d'audit", "format": "ods", "filename": filename, "scope": description}
    record(AuditAction.DOWNLOAD, f"journal d'audit (ODS) : {filename}", details, request=request)
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
