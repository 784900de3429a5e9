"""Pages and downloads of the awareness documents of a fiche: the art. 13 notice, the call
recording announcement and the fiche réflexe.

Views check access with can_view_compliance, read the fiche (live, or as of ?date=) and show
or stream what the builders return; each download is announced on
register.signals.document_downloaded for the audit trail, as the register's are.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from register.access import can_edit_register, get_fiche_for_user
from register.filter_form import RegisterFilterForm
from register.signals import document_downloaded

from ..access import can_view_compliance
from . import exports
from .announcement import build_announcement
from .information import NoticeVariant, build_notice

VARIANT_PARAMETER = "variante"


class Refused(Exception):
    """A query string the page cannot answer (a malformed date, an unknown variant)."""


def _fiche(request, reference):
    """(fiche, as_of) for a reader of the compliance pages; Refused on a malformed ?date=."""
    dated = RegisterFilterForm({"date": request.GET.get("date", "")}).scope
    if dated.errors:
        # Checked after access, so the message tells nothing to someone refused.
        get_fiche_for_user(request, reference, can=can_view_compliance)
        raise Refused(" ".join(dated.errors))
    return get_fiche_for_user(request, reference, dated.as_of, can=can_view_compliance), dated.as_of


def _variant(request):
    value = request.GET.get(VARIANT_PARAMETER, NoticeVariant.WEB_FORM)
    if value not in NoticeVariant.values:
        raise Refused(
            _("Variante « %(value)s » inconnue : choisissez « web » ou « questionnaire ».") % {"value": value}
        )
    return value


def _refused(error):
    return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


def _page_context(request, treatment, as_of):
    return {
        "treatment": treatment,
        "as_of": as_of,
        "date_query": f"date={as_of.isoformat()}" if as_of else "",
        # Links to the edit form only for who may edit, and only on the live fiche.
        "link_gaps": can_edit_register(request.user) and as_of is None,
    }


@require_GET
@login_required
def notice_page(request, reference):
    try:
        treatment, as_of = _fiche(request, reference)
        variant = _variant(request)
    except Refused as error:
        return _refused(error)
    context = {
        **_page_context(request, treatment, as_of),
        "notice": build_notice(treatment, variant),
        "variants": NoticeVariant.choices,
    }
    return render(request, "compliance/notices/notice.html", context)


@require_GET
@login_required
def notice_pdf(request, reference):
    try:
        treatment, as_of = _fiche(request, reference)
        variant = _variant(request)
    except Refused as error:
        return _refused(error)
    document = _("notice d'information — fiche %(reference)s") % {"reference": reference}
    return _download(request, exports.build_notice_pdf, treatment, as_of, document, variant=variant)


@require_GET
@login_required
def announcement_page(request, reference):
    try:
        treatment, as_of = _fiche(request, reference)
    except Refused as error:
        return _refused(error)
    context = {**_page_context(request, treatment, as_of), "announcement": build_announcement(treatment)}
    return render(request, "compliance/notices/announcement.html", context)


@require_GET
@login_required
def announcement_pdf(request, reference):
    try:
        treatment, as_of = _fiche(request, reference)
    except Refused as error:
        return _refused(error)
    document = _("annonce d'enregistrement — fiche %(reference)s") % {"reference": reference}
    return _download(request, exports.build_announcement_pdf, treatment, as_of, document)


@require_GET
@login_required
def reflex_pdf(request, reference):
    try:
        treatment, as_of = _fiche(request, reference)
    except Refused as error:
        return _refused(error)
    document = _("fiche réflexe — fiche %(reference)s") % {"reference": reference}
    report_url = request.build_absolute_uri(reverse("incidents:report"))
    return _download(request, exports.build_reflex_pdf, treatment, as_of, document, report_url=report_url)


def _download(request, builder, treatment, as_of, document, **options):
    user = request.user
    filename, mimetype, content = builder(
        treatment, as_of=as_of, generated_by=user.get_full_name() or user.get_username(), **options
    )
    document_downloaded.send(sender=builder, request=request, document=document, export_format="pdf", filename=filename)
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
