"""The request pages: the list with its register export, one request, its form and its letters."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from register import compliance
from register.signals import document_downloaded

from . import access
from .exports import BUILDERS
from .forms import RequestFilterForm, RequestForm
from .letters import LETTERS, build_letter_pdf, missing_items

PAGE_SIZE = 50
STALE_EDIT = gettext_lazy(
    "Quelqu'un a enregistré cette demande depuis que vous avez ouvert la page : rien n'a été "
    "enregistré. Rouvrez la page pour partir de sa version actuelle, puis refaites vos changements."
)


@require_GET
@login_required
def request_list(request):
    access.require(access.can_view_requests(request.user))
    form = RequestFilterForm(request.GET)
    requests = form.requests()
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page": Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page")) if requests is not None else None,
        "today": timezone.localdate(),
        "query_string": params.urlencode(),
        "can_record": access.can_record_request(request.user),
    }
    return render(request, "rights/request_list.html", context, status=200 if requests is not None else 400)


@require_GET
@login_required
def request_register_export(request, export_format):
    access.require(access.can_view_requests(request.user))
    requests = RequestFilterForm(request.GET).requests()
    if requests is None:
        return HttpResponse(
            _("Export impossible : filtre non compris."), status=400, content_type="text/plain; charset=utf-8"
        )
    user = request.user
    filename, mimetype, content = BUILDERS[export_format](requests, generated_by=user.get_full_name() or user.username)
    document_downloaded.send(
        sender=request_register_export,
        request=request,
        document=_("registre des demandes de droits"),
        export_format=export_format,
        filename=filename,
        scope=request.GET.urlencode(),
    )
    return _download(content, mimetype, filename)


@require_GET
@login_required
def request_detail(request, number):
    subject_request = access.get_request_for_user(request, number)
    letters = [(letter, missing_items(subject_request, letter)) for letter in LETTERS.values()]
    context = {
        "subject_request": subject_request,
        "today": timezone.localdate(),
        "findings": compliance.findings_for(subject_request),
        "letters": letters,
        "can_manage": access.can_manage_requests(request.user),
    }
    return render(request, "rights/request_detail.html", context)


@login_required
def request_create(request):
    access.require(access.can_record_request(request.user))
    form = RequestForm(request.POST or None)
    if request.method != "POST":
        return render(request, "rights/request_form.html", {"form": form})
    if not form.is_valid():
        return render(request, "rights/request_form.html", {"form": form}, status=400)
    with transaction.atomic():
        subject_request = form.save()
    messages.success(request, _("Demande %(reference)s enregistrée.") % {"reference": subject_request.reference})
    return redirect(subject_request)


@login_required
def request_edit(request, number):
    subject_request = access.get_request_for_user(request, number, can=access.can_manage_requests)
    context = {"subject_request": subject_request}
    if request.method != "POST":
        return render(request, "rights/request_form.html", {**context, "form": RequestForm(instance=subject_request)})
    form = RequestForm(request.POST, instance=subject_request)
    context["form"] = form
    if not form.is_valid():
        return render(request, "rights/request_form.html", context, status=400)
    with transaction.atomic():
        if not subject_request.raise_version(expected=form.cleaned_data["loaded_version"]):
            form.add_error(None, STALE_EDIT)
            transaction.set_rollback(True)
        else:
            form.save()
    if form.errors:
        return render(request, "rights/request_form.html", context, status=409)
    messages.success(request, _("Demande %(reference)s enregistrée.") % {"reference": subject_request.reference})
    return redirect(subject_request)


@require_GET
@login_required
def request_letter(request, number, letter):
    subject_request = access.get_request_for_user(request, number)
    if letter not in LETTERS:
        raise Http404
    filename, mimetype, content = build_letter_pdf(subject_request, LETTERS[letter])
    document_downloaded.send(
        sender=request_letter,
        request=request,
        document=_("lettre « %(title)s »") % {"title": LETTERS[letter].title},
        export_format="pdf",
        filename=filename,
        scope=subject_request.reference,
    )
    return _download(content, mimetype, filename)


def _download(content, mimetype, filename):
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
