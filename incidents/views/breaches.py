"""The breach register page and its downloads, live or as of a past day."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from register.filter_form import RegisterFilterForm, as_of_day_field, refuse_future
from register.signals import document_downloaded

from .. import access
from ..breach_register import BreachRegisterScope
from ..exports import BUILDERS, breach_rows


class BreachRegisterDayForm(forms.Form):
    """The « État au » box, typed in the interface language's format (JJ/MM/AAAA in French), as on
    the processing register's list; the page then redirects to its canonical ?date=YYYY-MM-DD."""

    day = as_of_day_field(help_text=gettext_lazy("Le registre des violations tel qu'il était ce jour-là."))

    def clean_day(self):
        return refuse_future(self.cleaned_data["day"])


def _scope(request):
    """The day of the URL, read exactly as the processing register reads it (YYYY-MM-DD, not future)."""
    dated = RegisterFilterForm({"date": request.GET.get("date", "")}).scope
    return BreachRegisterScope(as_of=dated.as_of), dated.errors


@require_GET
@login_required
def breach_register(request):
    access.require(access.can_view_incidents(request.user))
    if "day" in request.GET:
        form = BreachRegisterDayForm(request.GET)
        if form.is_valid():
            day = form.cleaned_data["day"]
            return redirect(reverse("incidents:breach_register") + (f"?date={day.isoformat()}" if day else ""))
        errors = [f"{form.fields['day'].label} : {message}" for message in form.errors["day"]]
        context = {"scope": BreachRegisterScope(), "errors": errors, "rows": [], "form": form}
        return render(request, "incidents/breach_register.html", context, status=400)
    scope, errors = _scope(request)
    form = BreachRegisterDayForm(initial={"day": scope.as_of})
    context = {"scope": scope, "errors": errors, "rows": [] if errors else breach_rows(scope), "form": form}
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
    document = _("registre des violations") + (f" — {scope.as_of:%d/%m/%Y}" if scope.as_of else "")
    document_downloaded.send(
        sender=breach_register_export,
        request=request,
        document=document,
        export_format=export_format,
        filename=filename,
    )
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
