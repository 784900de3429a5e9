"""PDF extracts of the register (art. 30): cover, contents, overview, one CNIL fiche per processing.

One builder serves every variant — the full register, one fiche, a filtered list, the
controller or processor register (per client organisation), the register as of a past
date — because the `RegisterScope` decides which fiches are in and the templates adapt to
it. The HTML is rendered once from prefetched fiches (a fixed number of queries), then
WeasyPrint lays it out. A whole register is laid out fiche by fiche (pdf_parts.py), its
contents written in once each fiche's length is known; the single pass over the whole
document, whose contents get their page numbers from CSS `target-counter()`, is kept as
the reference the parts are compared with (build_register_pdf_single_pass).
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import fiche_panels
from ..choices import TreatmentRole
from ..models import Organisation
from ..queries import contacts_in_order
from .documents import PDF_MIMETYPE, html_to_pdf
from .filenames import export_filename
from .pdf_parts import build_register_pdf_in_parts

TEMPLATE = "register/exports/pdf/register.html"


def build_register_pdf(scope, *, generated_by="", progress=None, extracted_at=None):
    """(filename, mimetype, bytes) of the PDF extract of the fiches in `scope`.

    A register is laid out fiche by fiche, in parallel and from a cache of fiches already
    laid out (pdf_parts.py); one fiche alone is one short pass. `progress(done, total)` is
    called as fiches are done. `extracted_at` is for the tests and the benchmark, that
    compare two builds of the same moment.
    """
    extracted_at = extracted_at or timezone.now().replace(microsecond=0)  # PDF dates: no fractions
    context = document_context(scope, generated_by, extracted_at)
    filename = export_filename(scope, "pdf", organisation=own_organisation(), extracted_at=extracted_at)
    if context["single"]:
        content = html_to_pdf(render_to_string(TEMPLATE, context))
        if progress is not None:
            progress(1, 1)
    else:
        content = build_register_pdf_in_parts(context, progress=progress)
    return filename, PDF_MIMETYPE, content


def build_register_pdf_single_pass(scope, *, generated_by="", progress=None, extracted_at=None):
    """The same PDF in one WeasyPrint pass over the whole document, as it was built before
    the parts: kept as the reference the tests and the benchmark compare the parts with."""
    extracted_at = extracted_at or timezone.now().replace(microsecond=0)
    html = render_register_html(scope, generated_by=generated_by, extracted_at=extracted_at)
    filename = export_filename(scope, "pdf", organisation=own_organisation(), extracted_at=extracted_at)
    content = html_to_pdf(html)
    if progress is not None:
        progress(1, 1)
    return filename, PDF_MIMETYPE, content


def render_register_html(scope, *, generated_by="", extracted_at=None):
    """The HTML document WeasyPrint turns into the PDF (kept separate for the benchmark).

    It is written in the active language: the one the user chose on the site, French for
    the `export_register` command (settings.LANGUAGE_CODE).
    """
    context = document_context(scope, generated_by, extracted_at or timezone.now())
    return render_to_string(TEMPLATE, context)


def document_context(scope, generated_by, extracted_at):
    treatments = fiche_panels.attach_pdf_sections(scope.treatments(), as_of=scope.as_of)
    single = bool(scope.reference) and len(treatments) == 1
    # Fiches that all share a role speak for it: processor fiches make an art. 30(2) extract.
    roles = {treatment.role for treatment in treatments}
    role = scope.role or (roles.pop() if len(roles) == 1 else "")
    client = scope.client
    if client is None and single and treatments[0].is_processor_fiche:
        client = treatments[0].controller
    if client is not None:
        client = Organisation.objects.prefetch_related("contacts").get(pk=client.pk)
    organisation = own_organisation()
    return {
        "treatments": treatments,
        "single": single,
        "organisation": organisation,
        "organisation_name": organisation.name if organisation else _("Organisation"),
        "client": client,
        "clients": list(Organisation.objects.processor_clients(treatments).prefetch_related(contacts_in_order())),
        "processor_register": role == TreatmentRole.PROCESSOR,
        "title": _("Fiche du registre des activités de traitement") if single else document_title(role),
        "legal_basis_line": legal_basis_line(role),
        "scope_sentence": scope.describe(),
        "as_of": scope.as_of,
        "as_of_day": long_date(scope.as_of) if scope.as_of else "",
        "extracted_at": extracted_at,
        "extracted_day": long_date(timezone.localtime(extracted_at)),
        "generated_by": generated_by,
    }


def long_date(day):
    """« 1er juin 2024 », « 23 novembre 2026 » in French; "1 June 2024" in English."""
    text = date_format(day, "j F Y")
    return text.replace("1 ", "1er ", 1) if day.day == 1 and translation.get_language() == "fr" else text


def own_organisation():
    """The organisation keeping the register (kind "self"), with its contacts."""
    return Organisation.objects.prefetch_related("contacts").own()


def document_title(role):
    if role == TreatmentRole.PROCESSOR:
        return _("Registre des activités de traitement du sous-traitant")
    if role == TreatmentRole.CONTROLLER:
        return _("Registre des activités de traitement du responsable de traitement")
    if role == TreatmentRole.JOINT_CONTROLLER:
        return _("Registre des traitements en responsabilité conjointe")
    return _("Registre des activités de traitement")


def legal_basis_line(role):
    if role == TreatmentRole.PROCESSOR:
        return _(
            "Catégories d'activités de traitement effectuées pour le compte de responsables de traitement "
            "— article 30(2) du RGPD"
        )
    if role in (TreatmentRole.CONTROLLER, TreatmentRole.JOINT_CONTROLLER):
        return _("Article 30(1) du RGPD")
    return _("Article 30 du RGPD — activités menées en tant que responsable de traitement et sous-traitant")
