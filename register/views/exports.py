"""Downloads of the register: PDF or ODS, of the list as filtered or of one fiche.

The list page's query string is the export's scope, so "Exporter en PDF" gives what the
page shows. Views only check access, read the scope and stream what the builder returns.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import access, background, exports
from ..filter_form import RegisterFilterForm
from ..signals import document_downloaded


@require_GET
@login_required
def export_register(request, export_format):
    access.require(access.can_export_register(request.user))
    return _download(request, RegisterFilterForm(request.GET).scope, export_format, _("registre des traitements"))


@require_GET
@login_required
def export_fiche(request, reference, export_format):
    params = request.GET.copy()
    params["reference"] = reference
    scope = RegisterFilterForm(params).scope
    # As of a date, the fiche as it stood that day: one deleted since still exports.
    access.get_fiche_for_user(request, reference, scope.as_of, can=access.can_export_register)
    return _download(request, scope, export_format, _("fiche %(reference)s") % {"reference": reference})


def _download(request, scope, export_format, document):
    if scope.errors:
        message = _("Export impossible : %(errors)s") % {"errors": " ".join(scope.errors)}
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    # A large extract becomes a background job when a task queue is there (the jobs app).
    started = background.start("export", request, scope=scope, export_format=export_format, document=document)
    if started is not None:
        return started
    user = request.user
    filename, mimetype, content = exports.build(
        export_format, scope, generated_by=user.get_full_name() or user.get_username()
    )
    document_downloaded.send(
        sender=export_register,
        request=request,
        document=document,
        export_format=export_format,
        filename=filename,
        scope=scope.describe(),
    )
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
