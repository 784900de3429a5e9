"""The identification result of a collection form as PDF (field, personal?, category,
justification), built with the register's shared document block: the view, the tests and
any command call the same builder, which returns (filename, mimetype, bytes)."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from register.exports.documents import PDF_MIMETYPE, html_to_pdf
from register.models import Organisation

TEMPLATE = "processes/forms/identification_pdf.html"


def identification_filename(form, extension):
    return f"identification-{slugify(form.name) or form.pk}-{timezone.localdate().isoformat()}.{extension}"


def result_rows(fields):
    """(field, « Oui » / « Non » / « À décider », category label, justification) in form order."""
    rows = []
    for field in fields:
        if field.is_personal is None:
            personal = _("À décider")
        elif field.is_personal:
            personal = _("Oui") + (f" ({field.get_identification_display().lower()})" if field.identification else "")
            if field.is_sensitive:
                personal += " — " + _("sensible (art. 9)")
        else:
            personal = _("Non")
        rows.append((field, personal, field.data_category.label if field.data_category else "", field.justification))
    return rows


def build_identification_pdf(form, *, generated_by=""):
    fields = list(form.fields.select_related("data_category"))
    organisation = Organisation.objects.own()
    context = {
        "title": _("Identification des données personnelles — %(form)s") % {"form": form.name},
        "form": form,
        "rows": result_rows(fields),
        "organisation_name": organisation.name if organisation else "",
        "generated_by": generated_by,
        "extracted_at": timezone.now(),
    }
    html = render_to_string(TEMPLATE, context)
    return identification_filename(form, "pdf"), PDF_MIMETYPE, html_to_pdf(html)
