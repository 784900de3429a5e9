"""The contracts' register downloads, as filtered on the list; announced for the audit trail."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from register.signals import document_downloaded

from .. import access
from ..exports import BUILDERS
from ..forms import ContractFilterForm
from ..queries import filtered_contracts


@require_GET
@login_required
def contract_export(request, export_format):
    access.require(access.can_export_contracts(request.user))
    form = ContractFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            _("Filtre non compris : rien n'a été exporté."), content_type="text/plain; charset=utf-8"
        )
    user = request.user
    contracts = filtered_contracts(form.cleaned_data)
    filename, mimetype, content = BUILDERS[export_format](contracts, generated_by=user.get_full_name() or user.username)
    document_downloaded.send(
        sender=contract_export,
        request=request,
        document=_("contrats de sous-traitance"),
        export_format=export_format,
        filename=filename,
        scope=request.GET.urlencode(),
    )
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": content_disposition_header(True, filename)}
    )
