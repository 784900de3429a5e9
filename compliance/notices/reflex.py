"""The « fiche réflexe »: one A4 page for operators and managers on one processing.

What the processing is, what data, how long, who receives it, the dos and don'ts the fiche
implies (sensitive lines, the NIR, call recordings, retention, recipients, transfers, the
legal basis), who to contact (the DPO of the organisation keeping the register) and how to
report an incident. Long tables are cut to MAX_ROWS rows so that the sheet stays one page;
the rest is on the fiche.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from register.choices import LegalBasis
from register.models import Organisation

from .announcement import NO_CARD_NUMBERS
from .gaps import Gap, fiche_field, organisation_contacts
from .information import address_of, contact_sentence

MAX_ROWS = 6  # rows of each table on the one page; more are summed up as « … et N autres »


@dataclass
class Rows:
    shown: list
    more: int = 0


def first_rows(rows):
    return Rows(rows[:MAX_ROWS], max(0, len(rows) - MAX_ROWS))


@dataclass
class ReflexSheet:
    treatment: object
    purpose: str
    data: Rows
    recipients: Rows
    dos: list
    donts: list
    dpo: str
    gaps: list = field(default_factory=list)


def build_reflex_sheet(treatment):
    """The sheet of `treatment` (a fiche with its lines, see treatments_with_lines)."""
    gaps = []
    lines = list(treatment.data_lines.all())
    if not treatment.main_purpose.strip():
        gaps.append(
            Gap(
                _("Finalité"),
                "art. 30(1)(b)",
                _("La finalité principale n'est pas renseignée."),
                fiche_field(treatment, "id_main_purpose"),
            )
        )
    data = []
    for index, line in enumerate(lines):
        if line.states_retention:
            retention = line.retention_text
        else:
            retention = ""
            gaps.append(
                Gap(
                    _("Durée de conservation"),
                    "art. 5(1)(e)",
                    _("Ligne « %(line)s » : la durée de conservation n'est pas renseignée.")
                    % {"line": line.description},
                    fiche_field(treatment, f"id_data_lines-{index}-retention_value"),
                )
            )
        data.append((line, retention))
    if not lines:
        gaps.append(
            Gap(
                _("Données"),
                "art. 30(1)(c)",
                _("Aucune catégorie de données n'est indiquée."),
                fiche_field(treatment, "donnees"),
            )
        )
    recipients = [recipient.display_name for recipient in treatment.recipients.all()]
    if not recipients:
        gaps.append(
            Gap(
                _("Destinataires"),
                "art. 30(1)(d)",
                _("Aucun destinataire n'est indiqué."),
                fiche_field(treatment, "destinataires"),
            )
        )
    dpo, dpo_gap = own_dpo()
    if dpo_gap:
        gaps.append(dpo_gap)
    return ReflexSheet(
        treatment=treatment,
        purpose=treatment.main_purpose.strip(),
        data=first_rows(data),
        recipients=first_rows(recipients),
        dos=dos(treatment, lines, recipients),
        donts=donts(treatment, lines, recipients),
        dpo=dpo,
        gaps=gaps,
    )


def own_dpo():
    """(« Sophie Lambert — dpo@… », None) for the register keeper's DPO, or ("", Gap)."""
    organisation = Organisation.objects.prefetch_related("contacts").own()
    dpo = organisation.dpo if organisation else None
    if dpo is not None and (dpo.email or dpo.phone or address_of(dpo)):
        return f"{dpo.name} — {contact_sentence(dpo)}", None
    message = _(
        "Aucun délégué à la protection des données joignable n'est enregistré pour l'organisation qui "
        "tient le registre."
    )
    url = organisation_contacts(organisation) if organisation else ""
    return "", Gap(_("Délégué à la protection des données"), "art. 37(7)", message, url)


def dos(treatment, lines, recipients):
    items = [_("Ne recueillez que les données listées ci-dessus, et seulement pour cette finalité.")]
    if any(line.is_call_recording for line in lines):
        items.append(
            _(
                "Avant d'enregistrer un appel, lisez l'annonce d'enregistrement ; si la personne refuse, "
                "poursuivez l'appel sans l'enregistrer."
            )
        )
    if treatment.legal_basis == LegalBasis.CONSENT:
        items.append(_("Recueillez l'accord de la personne et gardez-en la trace ; s'il est retiré, arrêtez."))
    if treatment.legal_basis in (LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK):
        items.append(_("Si la personne s'oppose au traitement, notez-le et transmettez sa demande au DPO."))
    items.append(
        _(
            "Une personne demande à accéder à ses données, à les corriger ou à les effacer : transmettez au "
            "DPO le jour même."
        )
    )
    for measure in list(treatment.security_measures.all())[:3]:
        items.append(_("Règle de sécurité : %(measure)s.") % {"measure": measure.description})
    return items


def donts(treatment, lines, recipients):
    items = []
    sensitive = [line for line in lines if line.category.is_sensitive]
    for line in sensitive:
        items.append(
            _("Donnée sensible (%(category)s) : ne la notez jamais en commentaire libre ni hors de l'outil prévu.")
            % {"category": line.category.label}
        )
    if any(line.category.code == "nir" for line in lines):
        items.append(_("Ne recopiez jamais le NIR (numéro de sécurité sociale) hors de l'outil prévu."))
    if any(line.is_call_recording for line in lines):
        items.append(str(NO_CARD_NUMBERS))
    items.append(
        _("Ne gardez aucune copie (export, tableur, papier, capture) au-delà des durées de conservation indiquées.")
    )
    if recipients:
        items.append(_("Ne transmettez les données qu'aux destinataires listés ci-dessus."))
    if not list(treatment.transfers.all()):
        items.append(
            _("N'envoyez pas ces données hors de l'Union européenne (messagerie ou stockage personnels compris).")
        )
    return items
