"""The compliance findings about art. 28 contracts, added to register.compliance by ContractsConfig.ready().

Each reads what Contract.objects.for_pages() prefetches, so judging a contract costs no query of its own.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.choices import TreatmentRole
from register.compliance import Finding, Severity, register_check

from .models import Contract


def _edit(contract, anchor):
    return reverse("contracts:edit", args=[contract.number]) + f"#{anchor}"


@register_check(subject=Contract, label=gettext_lazy("Clause de l'art. 28(3) non vérifiée"))
def art28_clauses_are_checked(contract, on):
    """Art. 28(3): the contract stipulates each of the eight clauses (a)–(h)."""
    for clause in contract.unchecked_clauses:
        yield Finding(
            Severity.BLOCKING,
            _("Clause non vérifiée dans le contrat : %(clause)s.") % {"clause": clause.label},
            clause.article,
            _("Vérifiez la clause dans le contrat signé et cochez-la, ou faites signer un avenant qui la prévoit."),
            _edit(contract, f"id_{clause.field_name}"),
        )


@register_check(subject=Contract, label=gettext_lazy("Contrat de sous-traitance expiré"))
def contract_is_not_expired(contract, on):
    if contract.is_expired_on(on):
        yield Finding(
            Severity.BLOCKING,
            _("Contrat expiré le %(date)s : le traitement n'est plus encadré.")
            % {"date": date_format(contract.end_date, "d/m/Y")},
            "art. 28(3)",
            _("Renouvelez le contrat ou mettez fin à la sous-traitance, puis indiquez la nouvelle date de fin."),
            _edit(contract, "id_end_date"),
        )


@register_check(subject=Contract, label=gettext_lazy("Sous-traitant ultérieur sans autorisation"))
def sub_processors_are_authorised(contract, on):
    """Art. 28(2): no sub-processor without the controller's prior written authorisation."""
    for position, sub in enumerate(contract.sub_processors.all()):
        if not sub.is_authorised:
            yield Finding(
                Severity.BLOCKING,
                _("Sous-traitant ultérieur « %(name)s » engagé sans autorisation écrite préalable du responsable.")
                % {"name": sub.name},
                "art. 28(2), art. 28(4)",
                _("Obtenez l'autorisation écrite du responsable, ou cessez de recourir à ce sous-traitant."),
                _edit(contract, f"id_sub-{position}-authorisation"),
            )


@register_check(subject=Contract, label=gettext_lazy("Transfert prévu au contrat sans garantie"))
def contract_transfers_have_a_safeguard(contract, on):
    """Chapter V: a transfer outside the EU/EEA rests on an adequacy decision or a safeguard."""
    for position, transfer in enumerate(contract.transfers.all()):
        if transfer.lacks_a_safeguard:
            yield Finding(
                Severity.BLOCKING,
                _("Transfert vers %(country)s (%(recipient)s) sans garantie valable.")
                % {"country": transfer.country, "recipient": transfer.recipient},
                "art. 44 à 46",
                _("Indiquez la garantie utilisée (clauses contractuelles types, BCR…) ou renoncez au transfert."),
                _edit(contract, f"id_transfer-{position}-safeguard"),
            )


@register_check(subject=Contract, label=gettext_lazy("Revue du contrat en retard"))
def contract_review_is_not_overdue(contract, on):
    if contract.is_review_overdue_on(on):
        yield Finding(
            Severity.WARNING,
            _("Revue du contrat en retard depuis le %(date)s.")
            % {"date": date_format(contract.next_review_date, "d/m/Y")},
            "art. 28(1), art. 5(2)",
            _(
                "Relisez le contrat avec le sous-traitant (garanties, sous-traitants, transferts), puis datez la "
                "prochaine revue."
            ),
            _edit(contract, "id_next_review_date"),
        )


def contracts_to_judge():
    return Contract.objects.for_pages().order_by("number")


def client_of_contract(contract):
    return contract.organisation if contract.is_client_contract else None


def role_of_contract(contract):
    return TreatmentRole.PROCESSOR if contract.is_client_contract else TreatmentRole.CONTROLLER
