"""The breach register page and its downloads, live or as of a past day."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from register.filter_form import RegisterFilterForm

from .. import access
from ..breach_register import BreachRegisterScope
from ..exports import BUILDERS, breach_rows


def _scope(request):
    """The day asked for, read exactly as the processing register reads it (YYYY-MM-DD, not future)."""
    dated = RegisterFilterForm({"date": request.GET.get("date", "")}).scope
    return BreachRegisterScope(as_of=dated.as_of), dated.errors


@require_GET
@login_required
def breach_register(request):
    access.require(access.can_view_incidents(request.user))
    scope, errors = _scope(request)
    context = {"scope": scope, "errors": errors, "rows": [] if errors else breach_rows(scope)}
    return render(request, "incidents/breach_register.html", context, status=400 if errors else 200)


@require_GET
@login_required
def breach_register_export(request, export_format):
    access.require(access.can_export_breach_register(request.user))
    scope, errors = _scope(request)
    if errors:
        message = _("Export impossible : %(errors)s") % {"errors": " ".join(errors)}
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    user = request.user
    filename, mimetype, content = BUILDERS[export_format](scope, generated_by=user.get_full_name() or user.username)
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
