"""The register's own compliance checks on a fiche, registered by RegisterConfig.ready().

Each check reads a Treatment with its lines prefetched (register.queries.treatments_with_lines)
and the day `on` it is judged at; the rule itself is a model method or property, so that the
form, the admin and the import refuse what these checks report. Messages name the field or
the line, and each finding links to the place of the edit form where it is fixed.
"""

import re

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .choices import DpiaStatus, LegalBasis, TreatmentStatus
from .compliance import Finding, Severity, register_check
from .models import Treatment
from .queries import treatments_with_lines

# The CNIL's reference retention periods are register.retention_references, checked by
# register.checks_retention; the other rules beside these are register.checks_rules and
# register.checks_recordings.
# Words saying a processor's « Contrat » is its contract with the client (art. 28), not a basis of art. 6(1)(b).
PROCESSING_CONTRACT_WORDS = re.compile(
    r"sous-trait|prestation|art(?:icle|\.)?\s*28|bon de commande|contrat[- ]cadre"
    r"|contrat (?:conclu )?avec (?:le|notre) client",
    re.IGNORECASE,
)


def edit_link(treatment, anchor):
    """The fiche's edit form, at the field or line to fix."""
    return f"{reverse('register:edit', args=[treatment.reference])}#{anchor}"


def line_anchor(prefix, treatment_lines, line, field):
    """Id of a line's field on the edit form: rows are shown in the order of the fiche's table."""
    index = next((i for i, row in enumerate(treatment_lines) if row.pk == line.pk), 0)
    return f"id_{prefix}-{index}-{field}"


def organisation_link(organisation, field):
    return f"{reverse('admin:register_organisation_change', args=[organisation.pk])}#id_{field}"


def is_controller_fiche(treatment):
    return not treatment.is_processor_fiche


# --- Required content (the completeness indicator) -----------------------------------------


def _requirement(requirement, applies=is_controller_fiche):
    return register_check(subject=Treatment, requirement=requirement, applies=applies)


def _missing(treatment, message, anchor, fix, article, severity=Severity.ADVICE):
    return Finding(severity, message, article, fix, edit_link(treatment, anchor))


@_requirement(gettext_lazy("finalité principale (art. 30(1)(b))"))
def main_purpose_is_given(treatment, on):
    if not treatment.main_purpose.strip():
        yield _missing(
            treatment,
            _("« Finalité principale » n'est pas renseignée."),
            "id_main_purpose",
            _("Dites pourquoi les données sont traitées."),
            "art. 30(1)(b)",
        )


@_requirement(gettext_lazy("base légale (art. 6(1))"))
def legal_basis_is_given(treatment, on):
    if treatment.lacks_a_required_legal_basis:
        yield _missing(
            treatment,
            _("« Base légale » n'est pas renseignée : la fiche ne peut pas être en vigueur sans elle.")
            if treatment.status != TreatmentStatus.IN_FORCE
            else _("« Base légale » n'est pas renseignée alors que la fiche est en vigueur."),
            "id_legal_basis",
            _("Choisissez la base légale de l'article 6(1) sur laquelle repose le traitement."),
            "art. 6(1), art. 30(1)(b)",
            Severity.BLOCKING,
        )


@_requirement(gettext_lazy("intérêt légitime poursuivi (art. 6(1)(f))"))
def legitimate_interest_is_stated(treatment, on):
    if not treatment.legitimate_interest_is_stated:
        yield _missing(
            treatment,
            _("L'intérêt légitime poursuivi n'est pas précisé."),
            "id_legal_basis_detail",
            _("Décrivez l'intérêt poursuivi dans « Justification de la base légale »."),
            "art. 6(1)(f), art. 13(1)(d)",
            Severity.BLOCKING,
        )


@_requirement(gettext_lazy("catégories de données (art. 30(1)(c))"))
def data_categories_are_listed(treatment, on):
    if not treatment.data_lines.all():
        yield _missing(
            treatment,
            _("Aucune catégorie de données n'est indiquée."),
            "donnees",
            _("Ajoutez une ligne par catégorie de données, avec sa durée de conservation."),
            "art. 30(1)(c)",
        )


@_requirement(gettext_lazy("catégories de personnes concernées (art. 30(1)(c))"))
def data_subjects_are_listed(treatment, on):
    if not treatment.data_subject_lines.all() and not treatment.data_subjects_other:
        yield _missing(
            treatment,
            _("Aucune catégorie de personnes concernées n'est indiquée."),
            "personnes",
            _("Ajoutez les personnes dont les données sont traitées."),
            "art. 30(1)(c)",
        )


@_requirement(gettext_lazy("destinataires (art. 30(1)(d))"))
def recipients_are_listed(treatment, on):
    if not treatment.recipients.all():
        yield _missing(
            treatment,
            _("Aucun destinataire n'est indiqué."),
            "destinataires",
            _("Ajoutez les services et organismes qui reçoivent les données."),
            "art. 30(1)(d)",
        )


def _security_measures_check(article, name):
    def check(treatment, on):
        if not treatment.security_measures.all():
            yield _missing(
                treatment,
                _("Aucune mesure de sécurité n'est décrite."),
                "securite",
                _("Décrivez les mesures techniques et organisationnelles (art. 32)."),
                article,
            )

    check.__name__ = name  # the rule's identifier: two fiches' kinds, two rules
    return check


security_measures_are_listed = _requirement(gettext_lazy("mesures de sécurité (art. 30(1)(g))"))(
    _security_measures_check("art. 30(1)(g)", "security_measures_are_listed")
)


@_requirement(gettext_lazy("évaluation du besoin d'AIPD (art. 35)"))
def dpia_need_is_assessed(treatment, on):
    if treatment.dpia_status == DpiaStatus.NOT_ASSESSED:
        yield _missing(
            treatment,
            _("« Analyse d'impact » : le besoin d'une AIPD n'a pas été évalué."),
            "id_dpia_status",
            _("Indiquez si une analyse d'impact est requise, en cours ou réalisée."),
            "art. 35",
        )


# Art. 30(2): what a processor's register says for each controller it acts for.


def is_processor_fiche(treatment):
    return treatment.is_processor_fiche


def _controller_detail_check(field, label):
    def check(treatment, on):
        controller = treatment.controller
        if not getattr(controller, field).strip():
            yield Finding(
                Severity.ADVICE,
                _("Responsable de traitement « %(controller)s » : %(detail)s non renseigné(e).")
                % {"controller": controller, "detail": label},
                "art. 30(2)(a)",
                _("Complétez la fiche de l'organisation (administration, Organisations)."),
                organisation_link(controller, field),
            )

    check.__name__ = f"processor_fiche_names_the_controller_{field}"
    return check


@register_check(
    subject=Treatment,
    requirement=gettext_lazy("catégories de traitements effectués pour le compte du responsable (art. 30(2)(b))"),
    applies=is_processor_fiche,
)
def processing_for_the_controller_is_described(treatment, on):
    if not treatment.main_purpose.strip():
        yield _missing(
            treatment,
            _("« Finalité principale » ne dit pas quels traitements sont effectués pour le client."),
            "id_main_purpose",
            _("Décrivez les traitements effectués pour le compte du responsable."),
            "art. 30(2)(b)",
        )


for _field, _label, _requirement_label in (
    ("address", gettext_lazy("adresse"), gettext_lazy("adresse du responsable de traitement (art. 30(2)(a))")),
    ("phone", gettext_lazy("téléphone"), gettext_lazy("téléphone du responsable de traitement (art. 30(2)(a))")),
    ("email", gettext_lazy("courriel"), gettext_lazy("courriel du responsable de traitement (art. 30(2)(a))")),
):
    register_check(
        _controller_detail_check(_field, _label),
        subject=Treatment,
        requirement=_requirement_label,
        applies=is_processor_fiche,
    )


@register_check(
    subject=Treatment,
    requirement=gettext_lazy("délégué à la protection des données du responsable (art. 30(2)(a))"),
    applies=is_processor_fiche,
)
def processor_fiche_names_the_controller_dpo(treatment, on):
    controller = treatment.controller
    if controller.dpo is None:
        yield Finding(
            Severity.ADVICE,
            _(
                "Responsable de traitement « %(controller)s » : son délégué à la protection des données "
                "n'est pas indiqué."
            )
            % {"controller": controller},
            "art. 30(2)(a)",
            _("Ajoutez le DPO du client dans ses contacts (administration, Contacts)."),
            reverse("admin:register_contact_add") + f"?organisation={controller.pk}&role=dpo",
        )


processor_security_measures_are_listed = register_check(
    _security_measures_check("art. 30(2)(d)", "processor_security_measures_are_listed"),
    subject=Treatment,
    requirement=gettext_lazy("mesures de sécurité (art. 30(2)(d))"),
    applies=is_processor_fiche,
)


# --- Rules ----------------------------------------------------------------------------------


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


# --- The fiches the findings page of the whole register judges ------------------------------


def fiches_to_judge():
    """Every fiche but the archived ones, with its lines (a fixed number of queries)."""
    return treatments_with_lines().exclude(status=TreatmentStatus.ARCHIVED).order_by("reference")


def client_of_fiche(treatment):
    """The client a processor fiche is kept for (art. 30(2)(a)); a controller fiche has none."""
    return treatment.controller if treatment.is_processor_fiche else None
