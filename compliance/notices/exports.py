"""The awareness documents as PDF, built with the register's shared blocks
(register/exports/documents.py: vendored font, PDF/A + PDF/UA). Each builder takes a fiche
with its lines and returns (filename, mimetype, bytes): the views and the tests call them."""

from django.template.loader import render_to_string
from django.utils import timezone

from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.exports.filenames import document_filename
from register.models import Organisation

from .information import build_notice


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
