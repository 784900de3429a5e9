"""The contract pages: the list, one contract, its one-page editor and its signed document."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET

from register import compliance
from register.signals import document_downloaded
from register.uploads import upload_size_cap

from .. import access
from ..documents import MAX_DOCUMENT_BYTES, content_type_of, too_large_message
from ..forms import ContractFilterForm, ContractForm, SubProcessorFormSet, TransferFormSet
from ..models import Contract
from ..queries import filtered_contracts

PAGE_SIZE = 50
STALE_EDIT = _lazy(
    "Quelqu'un a enregistré ce contrat depuis que vous avez ouvert la page : rien n'a été "
    "enregistré. Rouvrez la page pour partir de sa version actuelle, puis refaites vos changements."
)


@require_GET
@login_required
def contract_list(request):
    access.require(access.can_view_contracts(request.user))
    form = ContractFilterForm(request.GET)
    today = timezone.localdate()
    context = {"form": form, "today": today, "page": None}
    if not form.is_valid():
        return render(request, "contracts/contract_list.html", context, status=400)
    page = Paginator(filtered_contracts(form.cleaned_data, today), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = [(contract, contract.status_on(today)) for contract in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    context.update(page=page, query_string=query.urlencode(), can_create=access.can_create_contract(request.user))
    return render(request, "contracts/contract_list.html", context)


@require_GET
@login_required
def contract_detail(request, number):
    contract = access.get_contract_for_user(request, number, queryset=Contract.objects.for_pages())
    today = timezone.localdate()
    context = {
        "contract": contract,
        "status": contract.status_on(today),
        "findings": compliance.findings_for(contract, today),
        "can_edit": access.can_edit_contracts(request.user),
    }
    return render(request, "contracts/contract_detail.html", context)


def _forms(request, contract):
    data = (request.POST, request.FILES) if request.method == "POST" else ()
    return (
        ContractForm(*data, instance=contract),
        TransferFormSet(*data[:1], instance=contract, prefix="transfer"),
        SubProcessorFormSet(*data[:1], instance=contract, prefix="sub"),
    )


def _edit(request, contract):
    form, transfers, subs = _forms(request, contract)
    status = 200
    if request.method == "POST":
        if request.upload_too_large:
            form.is_valid()
            form.add_error("upload", too_large_message())
        if all([form.is_valid(), transfers.is_valid(), subs.is_valid()]) and not form.errors:
            if _save(form, transfers, subs, request.user):
                messages.success(
                    request, _("Contrat %(reference)s enregistré.") % {"reference": form.instance.reference}
                )
                return redirect(form.instance)
            status = 409
        else:
            status = 400
    context = {"form": form, "transfers": transfers, "subs": subs, "contract": contract}
    return render(request, "contracts/contract_form.html", context, status=status)


def _save(form, transfers, subs, user):
    """All or nothing; False (nothing written) when someone saved the contract in between."""
    contract = form.instance
    with transaction.atomic():
        if contract.pk is not None and not contract.raise_version(expected=form.cleaned_data["loaded_version"] or 0):
            form.add_error(None, STALE_EDIT)
            transaction.set_rollback(True)
            return False
        upload = form.cleaned_data.get("upload")
        if upload:
            contract.document_name = upload.name
            contract.document_size = upload.size
        contract = form.save()
        if upload:
            contract.document.save(upload.name, upload, save=True)
        transfers.instance = subs.instance = contract
        transfers.save()
        subs.save()
    return True


@login_required
@upload_size_cap(MAX_DOCUMENT_BYTES)
def contract_create(request):
    access.require(access.can_create_contract(request.user))
    return _edit(request, Contract())


@login_required
@upload_size_cap(MAX_DOCUMENT_BYTES)
def contract_edit(request, number):
    contract = access.get_contract_for_user(request, number, can=access.can_edit_contracts)
    return _edit(request, contract)


@require_GET
@login_required
def contract_document(request, number):
    """The signed contract, to those who may read contracts; never by a public URL."""
    contract = access.get_contract_for_user(request, number)
    if not contract.document:
        raise Http404
    try:
        handle = contract.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = contract.document_name or contract.document.name
    document_downloaded.send(
        sender=contract_document,
        request=request,
        document=_("contrat signé %(reference)s") % {"reference": contract.reference},
        export_format=name.rsplit(".", 1)[-1].lower(),
        filename=name,
    )
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type_of(name))
