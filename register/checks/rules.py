"""Rules on a whole fiche beyond its required content, registered by RegisterConfig.ready():
consent and phone prospection, the NIR, recipients abroad, the kinds of security measures,
fiches left in draft, and a processor's fiche that does not say for which client and on
what basis it works.

Like the other register.checks modules, each reads only what register.queries.treatments_with_lines
prefetches, so judging a fiche costs no query of its own.
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import LegalBasis
from ..compliance import Finding, Severity, register_check
from ..models import Treatment
from ..models.treatments import DRAFT_MAX_DAYS
from .links import edit_link, line_anchor

# Consumer phone prospection needs prior consent from this day (reference section 8).
PHONE_OPT_IN_FROM = date(2026, 8, 11)
PHONE_OPT_IN_ARTICLE = gettext_lazy("code de la consommation, art. L. 223-1 (opposition remplacée par le consentement)")
NIR_CATEGORY = "nir"
THIRD_COUNTRY_RECIPIENTS = "third_country"  # the CNIL's « Destinataires dans des pays tiers »
# The kinds of measures every fiche needs (CNIL, guide de la sécurité des données personnelles).
ESSENTIAL_MEASURES = (
    ("access_control", gettext_lazy("le contrôle d'accès des utilisateurs")),
    ("backups", gettext_lazy("la sauvegarde des données")),
    ("traceability", gettext_lazy("la traçabilité des accès")),
)


@register_check(subject=Treatment, label=gettext_lazy("Consentement sans recueil ni preuve décrits"))
def consent_says_how_it_is_collected_and_proven(treatment, on):
    if treatment.legal_basis == LegalBasis.CONSENT and not treatment.consent_proof.strip():
        yield Finding(
            Severity.WARNING,
            _(
                "« Base légale » : le consentement est invoqué sans dire comment il est recueilli ni comment il "
                "est prouvé."
            ),
            "art. 7(1), art. 4(11)",
            _("Renseignez « Recueil et preuve du consentement » (case à cocher, accord oral enregistré, horodatage…)."),
            edit_link(treatment, "id_consent_proof"),
        )


@register_check(subject=Treatment, label=gettext_lazy("Prospection téléphonique de consommateurs sans consentement"))
def consumer_phone_prospection_rests_on_consent(treatment, on):
    """From 11 August 2026 calling consumers to sell needs their consent, unless the calls
    concern a contract in progress with them — which the fiche must then state."""
    if (
        not treatment.consumer_phone_prospection
        or treatment.legal_basis == LegalBasis.CONSENT
        or treatment.current_contract_exception.strip()
    ):
        return
    values = {"basis": treatment.get_legal_basis_display() or _("aucune base légale")}
    if on >= PHONE_OPT_IN_FROM:
        yield Finding(
            Severity.BLOCKING,
            _(
                "« Base légale » : prospection téléphonique de consommateurs fondée sur « %(basis)s » ; depuis le "
                "11 août 2026, elle exige leur consentement préalable."
            )
            % values,
            str(PHONE_OPT_IN_ARTICLE),
            _(
                "Recueillez le consentement des personnes appelées, ou, si les appels portent sur un contrat en "
                "cours avec elles, dites-le dans « Appels dans le cadre d'un contrat en cours »."
            ),
            edit_link(treatment, "id_legal_basis"),
        )
    else:
        yield Finding(
            Severity.ADVICE,
            _(
                "« Base légale » : prospection téléphonique de consommateurs fondée sur « %(basis)s » ; à partir du "
                "11 août 2026, elle exigera leur consentement préalable."
            )
            % values,
            str(PHONE_OPT_IN_ARTICLE),
            _("Préparez le recueil du consentement des personnes appelées."),
            edit_link(treatment, "id_legal_basis"),
        )


@register_check(subject=Treatment, label=gettext_lazy("Numéro de sécurité sociale (NIR) utilisé"))
def nir_use_is_framed(treatment, on):
    """The NIR may only be used in the cases the décret-cadre lists (social protection, tax,
    employment…); an employer's social declarations are one, a customer file is none."""
    lines = treatment.data_lines.all()
    for line in lines:
        if line.category.code != NIR_CATEGORY:
            continue
        expected = treatment.legal_basis == LegalBasis.LEGAL_OBLIGATION
        yield Finding(
            Severity.ADVICE if expected else Severity.WARNING,
            _(
                "Ligne « %(line)s » : le numéro de sécurité sociale (NIR) est utilisé ; il n'est permis que dans "
                "les cas du décret-cadre NIR."
            )
            % {"line": line.description},
            _("loi n° 78-17, art. 30 ; décret n° 2019-341 ; art. 87"),
            _(
                "Vérifiez que l'usage figure dans le décret-cadre (déclarations sociales, fiscales…) et citez-le "
                "en remarque, ou retirez le NIR."
            ),
            edit_link(treatment, line_anchor("data_lines", lines, line, "retention_remark")),
        )


@register_check(subject=Treatment, label=gettext_lazy("Destinataire hors de l'UE sans transfert déclaré"))
def recipients_abroad_have_a_transfer(treatment, on):
    """A recipient in a third country receives a transfer (chapter V): the fiche lists it."""
    transfers = treatment.transfers.all()
    countries = {transfer.country.name.casefold() for transfer in transfers} | {
        transfer.country.code.casefold() for transfer in transfers
    }
    recipients = treatment.recipients.all()
    for recipient in recipients:
        organisation = recipient.organisation
        abroad = organisation is not None and getattr(recipient, "organisation_in_eu_eea", None) is False
        if abroad and organisation.country.strip().casefold() in countries:
            continue
        if abroad or (recipient.category.code == THIRD_COUNTRY_RECIPIENTS and not transfers):
            where = organisation.country if abroad else _("un pays tiers")
            yield Finding(
                Severity.BLOCKING,
                _("Destinataire « %(recipient)s » situé hors de l'UE (%(country)s) sans transfert déclaré.")
                % {"recipient": recipient.display_name, "country": where},
                _("art. 30(1)(e), art. 44 à 49"),
                _("Ajoutez le transfert vers ce pays avec sa garantie (« Transferts hors de l'Union européenne »)."),
                edit_link(treatment, "transferts"),
            )


@register_check(subject=Treatment, label=gettext_lazy("Mesures de sécurité essentielles manquantes"))
def essential_security_measures_are_present(treatment, on):
    measures = treatment.security_measures.all()
    if not measures:
        return  # the required content says so (register.checks.content)
    present = {measure.category.code for measure in measures}
    missing = ", ".join(str(label) for code, label in ESSENTIAL_MEASURES if code not in present)
    if missing:
        yield Finding(
            Severity.ADVICE,
            _("« Mesures de sécurité » : aucune mesure pour %(missing)s.") % {"missing": missing},
            _("art. 32 ; CNIL, guide de la sécurité des données personnelles"),
            _("Décrivez les mesures prises, ou dites pourquoi elles ne s'appliquent pas."),
            edit_link(treatment, "securite"),
        )


@register_check(subject=Treatment, label=gettext_lazy("Fiche en brouillon depuis plus de 30 jours"))
def draft_is_not_left_aside(treatment, on):
    if treatment.is_draft_left_aside_on(on):
        yield Finding(
            Severity.ADVICE,
            _("Fiche en brouillon depuis le %(date)s, plus de %(days)s jours.")
            % {"date": date_format(treatment.created_at, "d/m/Y"), "days": DRAFT_MAX_DAYS},
            _("art. 30, art. 5(2)"),
            _("Complétez la fiche et mettez-la en vigueur, ou archivez-la si le traitement n'a pas lieu."),
            treatment.get_absolute_url(),
        )


@register_check(subject=Treatment, label=gettext_lazy("Fiche de sous-traitant sans son client responsable"))
def processor_fiche_names_its_client(treatment, on):
    if treatment.is_processor_fiche and treatment.controller.is_own:
        yield Finding(
            Severity.BLOCKING,
            _(
                "« Responsable de traitement » : la fiche est celle d'un sous-traitant, mais elle nomme "
                "%(organisation)s, qui tient le registre, au lieu du client."
            )
            % {"organisation": treatment.controller},
            "art. 30(2)(a)",
            _("Choisissez le client pour le compte duquel CentreCall traite les données."),
            edit_link(treatment, "id_controller"),
        )


@register_check(subject=Treatment, label=gettext_lazy("Base légale du client inconnue"))
def processor_knows_the_controller_basis(treatment, on):
    if treatment.is_processor_fiche and not treatment.legal_basis:
        yield Finding(
            Severity.ADVICE,
            _("« Base légale » : la base légale du client « %(controller)s » n'est pas connue.")
            % {"controller": treatment.controller},
            _("art. 6(1), art. 28(3)(a)"),
            _("Demandez au client sur quelle base il fonde le traitement, puis indiquez-la."),
            edit_link(treatment, "id_legal_basis"),
        )
