"""PDF extracts of the register (art. 30): cover, contents, overview, one CNIL fiche per processing.

One builder serves every variant — the full register, one fiche, a filtered list, the
controller or processor register (per client organisation), the register as of a past
date — because the `RegisterScope` decides which fiches are in and the templates adapt to
it. The HTML is rendered once from prefetched fiches (a fixed number of queries), then
WeasyPrint lays it out; the table of contents gets its page numbers from CSS
`target-counter()`, which WeasyPrint resolves itself by re-laying out only the contents
pages, so the application never renders twice.
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

TEMPLATE = "register/exports/pdf/register.html"


def build_register_pdf(scope, *, generated_by=""):
    """(filename, mimetype, bytes) of the PDF extract of the fiches in `scope`."""
    extracted_at = timezone.now().replace(microsecond=0)  # PDF dates have no fractions of a second
    html = render_register_html(scope, generated_by=generated_by, extracted_at=extracted_at)
    filename = export_filename(scope, "pdf", organisation=own_organisation(), extracted_at=extracted_at)
    return filename, PDF_MIMETYPE, html_to_pdf(html)


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
