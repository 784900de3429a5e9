"""The findings page of the whole register and its PDF and ODS exports.

Views check access with compliance.access, read the filters through FindingsFilterForm and
render what compliance.findings.collect returns; the exports stream what compliance.exports
builds and announce the download for the audit trail, as the register's exports do.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from register.access import require
from register.models import Organisation
from register.signals import document_downloaded

from .access import can_view_compliance
from .exports import BUILDERS
from .findings import collect
from .forms import FindingsFilterForm
from .score import FORMULA

PAGE_SIZE = 50


def _filters(request):
    require(can_view_compliance(request.user))
    clients = list(Organisation.objects.processor_clients())
    form = FindingsFilterForm(request.GET, clients=clients)
    return form, form.scope


@require_GET
@login_required
def findings_list(request):
    form, scope = _filters(request)
    query_string = scope.query_string()
    context = {"form": form, "scope": scope, "query_string": query_string, "report": None, "formula": FORMULA}
    if scope.errors:
        return render(request, "compliance/findings.html", context, status=400)
    report = collect(scope)
    context["report"] = report
    context["page"] = Paginator(report.rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context["severity_links"] = [  # each counter filters on its severity, the other filters kept
        (severity, label, count, "?" + scope.query_string(severity=severity.value), scope.severity == severity)
        for severity, label, count in report.count_list
    ]
    return render(request, "compliance/findings.html", context)


@require_GET
@login_required
def findings_export(request, export_format):
    _form, scope = _filters(request)
    if scope.errors:
        message = _("Export impossible : %(errors)s") % {"errors": " ".join(scope.errors)}
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    user = request.user
    builder = BUILDERS[export_format]
    filename, mimetype, content = builder(collect(scope), generated_by=user.get_full_name() or user.get_username())
    document_downloaded.send(
        sender=builder,
        request=request,
        document=_("constats de conformité"),
        export_format=export_format,
        filename=filename,
        scope=scope.describe(),
    )
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
