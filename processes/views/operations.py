"""The operations table of a process, its PDF and ODS, and the process document (PDF).

Views check access and stream what processes/exports.py builds; each download is announced
on register.signals.document_downloaded for the audit trail, as the register's are.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from register.signals import document_downloaded

from .. import access
from ..exports import OPERATIONS_BUILDERS, build_process_pdf
from ..models import Process
from ..operations_table import headings, operation_rows


def _process(request, pk):
    return access.get_process_for_user(request, pk, queryset=Process.objects.select_related("client"))


@require_GET
@login_required
def operations_table(request, pk):
    process = _process(request, pk)
    context = {"process": process, "headings": headings(), "rows": operation_rows(process, with_findings=True)}
    return render(request, "processes/operations.html", context)


@require_GET
@login_required
def operations_export(request, pk, export_format):
    process = _process(request, pk)
    document = _("tableau des opérations — %(process)s") % {"process": process.name}
    return _download(request, OPERATIONS_BUILDERS[export_format], process, export_format, document)


@require_GET
@login_required
def process_pdf(request, pk):
    process = _process(request, pk)
    document = _("processus — %(process)s") % {"process": process.name}
    return _download(request, build_process_pdf, process, "pdf", document)


def _download(request, builder, process, export_format, document):
    user = request.user
    filename, mimetype, content = builder(process, generated_by=user.get_full_name() or user.get_username())
    document_downloaded.send(
        sender=builder, request=request, document=document, export_format=export_format, filename=filename
    )
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
