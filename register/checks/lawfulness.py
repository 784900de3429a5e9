"""Rules on what a fiche says beyond its required content: art. 9(2) exceptions, lines that
read as call recordings, transfers' safeguards, a processor's contract given as legal basis,
the review date.
"""

import re

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import LegalBasis
from ..compliance import Finding, Severity, register_check
from ..models import Treatment
from .links import edit_link, line_anchor

# Words saying a processor's « Contrat » is its contract with the client (art. 28), not a basis of art. 6(1)(b).
PROCESSING_CONTRACT_WORDS = re.compile(
    r"sous-trait|prestation|art(?:icle|\.)?\s*28|bon de commande|contrat[- ]cadre"
    r"|contrat (?:conclu )?avec (?:le|notre) client",
    re.IGNORECASE,
)


@register_check(subject=Treatment, label=gettext_lazy("Donnée sensible sans exception de l'article 9(2)"))
def sensitive_data_needs_an_exception(treatment, on):
    lines = treatment.data_lines.all()
    for line in lines:
        if line.lacks_art9_exception:
            yield Finding(
                Severity.BLOCKING,
                _("Donnée sensible « %(category)s » sans exception de l'article 9(2).") % {"category": line.category},
                "art. 9(2)",
                _("Indiquez l'exception de l'article 9(2) qui autorise le traitement, ou retirez la ligne."),
                edit_link(treatment, line_anchor("data_lines", lines, line, "art9_exception")),
            )


@register_check(subject=Treatment, label=gettext_lazy("Enregistrement d'appels non marqué comme tel"))
def call_recording_flag_is_confirmed(treatment, on):
    lines = treatment.data_lines.all()
    for line in lines:
        if not line.is_call_recording and line.suggests_call_recording:
            yield Finding(
                Severity.ADVICE,
                _(
                    "Ligne « %(line)s » : elle ressemble à des enregistrements d'appels, mais n'est pas "
                    "marquée comme telle."
                )
                % {"line": line.description},
                _("CNIL, enregistrement des appels"),
                _("Cochez « Enregistrement d'appels » sur la ligne si c'en est un."),
                edit_link(treatment, line_anchor("data_lines", lines, line, "is_call_recording")),
            )


@register_check(subject=Treatment, label=gettext_lazy("Transfert sans garantie valable"))
def transfers_have_a_safeguard_for_their_country(treatment, on):
    transfers = treatment.transfers.all()
    for transfer in transfers:
        if transfer.claims_a_missing_adequacy_decision:
            yield Finding(
                Severity.BLOCKING,
                _("Transfert vers %(country)s fondé sur une décision d'adéquation qui n'existe pas.")
                % {"country": transfer.country},
                "art. 45, art. 46",
                _("Choisissez la garantie réellement utilisée (clauses contractuelles types, BCR…)."),
                edit_link(treatment, line_anchor("transfers", transfers, transfer, "safeguard")),
            )


@register_check(subject=Treatment, label=gettext_lazy("Contrat de sous-traitance donné comme base légale"))
def processing_contract_is_not_a_legal_basis(treatment, on):
    if (
        treatment.is_processor_fiche
        and treatment.legal_basis == LegalBasis.CONTRACT
        and (
            PROCESSING_CONTRACT_WORDS.search(treatment.legal_basis_detail)
            or re.search(rf"avec\s+{re.escape(treatment.controller.name)}", treatment.legal_basis_detail, re.I)
        )
    ):
        yield Finding(
            Severity.WARNING,
            _(
                "« Base légale » : le contrat de sous-traitance avec le client (art. 28) n'est pas la base légale "
                "du traitement. La base légale est celle du responsable de traitement : « Contrat » seulement si "
                "le client traite les données pour exécuter un contrat avec les personnes concernées."
            ),
            "art. 6(1)(b), art. 28, art. 30(2)",
            _("Indiquez la base légale du client, ou laissez-la vide si vous ne la connaissez pas."),
            edit_link(treatment, "id_legal_basis"),
        )


@register_check(subject=Treatment, label=gettext_lazy("Revue en retard"))
def review_is_not_overdue(treatment, on):
    if treatment.is_review_overdue_on(on):
        yield Finding(
            Severity.WARNING,
            _("Revue en retard depuis le %(date)s.") % {"date": date_format(treatment.next_review_date, "d/m/Y")},
            "art. 5(2), art. 30",
            _("Relisez la fiche avec les métiers, puis « Marquer comme revue »."),
            edit_link(treatment, "id_next_review_date"),
        )
