"""Required content of a fiche (art. 30(1), and 30(2) for a processor's): the checks the
completeness indicator counts, registered when register.checks is imported (RegisterConfig.ready()).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import DpiaStatus, TreatmentStatus
from ..compliance import Finding, Severity, register_check
from ..models import Treatment
from .links import edit_link, organisation_link


def is_controller_fiche(treatment):
    return not treatment.is_processor_fiche


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
