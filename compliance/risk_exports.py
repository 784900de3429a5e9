"""The register's risk map as a PDF: both maps, their tables, and each assessed fiche's
feared events, in a fixed number of queries whatever the size of the register."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.exports.filenames import document_filename
from register.models import Organisation

from .models import RiskAssessment
from .risk_map import register_risk_maps

TEMPLATE = "compliance/exports/risk_map.html"


def assessed_fiches():
    """The risk assessments of the register's fiches, each with its feared events in order (two queries)."""
    assessments = list(
        RiskAssessment.objects.select_related("treatment")
        .prefetch_related("feared_events")
        .order_by("treatment__reference")
    )
    for assessment in assessments:
        assessment.events = sorted(assessment.feared_events.all(), key=lambda event: event.order)
    return assessments


def build_risk_map_pdf(*, generated_by=""):
    """(filename, mimetype, bytes) of the register's risk map."""
    extracted_at = timezone.now().replace(microsecond=0)
    organisation = Organisation.objects.own()
    context = {
        "title": _("Carte des risques du registre"),
        "maps": register_risk_maps(),
        "assessments": assessed_fiches(),
        "organisation_name": organisation.name if organisation else "",
        "generated_by": generated_by,
        "extracted_at": extracted_at,
    }
    content = html_to_pdf(render_to_string(TEMPLATE, context))
    return document_filename("carte-des-risques", extension="pdf", extracted_at=extracted_at), PDF_MIMETYPE, content
