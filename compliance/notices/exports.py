"""The awareness documents as PDF, built with the register's shared blocks
(register/exports/documents.py: vendored font, PDF/A + PDF/UA). Each builder takes a fiche
with its lines and returns (filename, mimetype, bytes): the views and the tests call them."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.exports.filenames import document_filename
from register.models import Organisation

from .announcement import build_announcement
from .information import build_notice
from .reflex import build_reflex_sheet


def _context(treatment, as_of, generated_by):
    organisation = Organisation.objects.own()
    return {
        "treatment": treatment,
        "as_of": as_of,
        "organisation_name": organisation.name if organisation else "",
        "generated_by": generated_by,
        "extracted_at": timezone.now(),
    }


def _filename(what, treatment, *parts, as_of=None):
    return document_filename(
        what, treatment.reference, *parts, f"etat-{as_of.isoformat()}" if as_of else "", extension="pdf"
    )


def build_notice_pdf(treatment, *, variant, as_of=None, generated_by=""):
    notice = build_notice(treatment, variant)
    context = {**_context(treatment, as_of, generated_by), "notice": notice, "title": notice.title}
    content = html_to_pdf(render_to_string("compliance/notices/exports/notice.html", context))
    return _filename("notice-information", treatment, variant, as_of=as_of), PDF_MIMETYPE, content


def build_announcement_pdf(treatment, *, as_of=None, generated_by=""):
    announcement = build_announcement(treatment)
    title = _("Annonce avant l'enregistrement d'un appel")
    context = {**_context(treatment, as_of, generated_by), "announcement": announcement, "title": title}
    content = html_to_pdf(render_to_string("compliance/notices/exports/announcement.html", context))
    return _filename("annonce-enregistrement", treatment, as_of=as_of), PDF_MIMETYPE, content


def build_reflex_pdf(treatment, *, as_of=None, generated_by="", report_url=""):
    """The one-page sheet; `report_url` is where to report an incident (the view gives it absolute)."""
    sheet = build_reflex_sheet(treatment)
    context = {
        **_context(treatment, as_of, generated_by),
        "sheet": sheet,
        "title": _("Fiche réflexe — %(name)s") % {"name": treatment.name},
        "report_url": report_url or reverse("incidents:report"),
    }
    content = html_to_pdf(render_to_string("compliance/notices/exports/reflex.html", context))
    return _filename("fiche-reflexe", treatment, as_of=as_of), PDF_MIMETYPE, content
