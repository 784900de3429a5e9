"""The information notice of art. 13 GDPR, built from a fiche for a web form or a questionnaire.

Every item of art. 13(1) and 13(2) is an `Item` in the order of the article. An item the
fiche gives is written from the fiche's data; an item it does not give carries a `Gap`: the
notice shows a placeholder where it goes and the DPO gets it in the « À compléter » list.
Rights follow the legal basis (art. 17(3)(b), 20(1), 21(1)): no erasure under a legal
obligation or a public task, portability for consent or contract, objection for legitimate
interests or a public task, withdrawal for consent.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.choices import Art9Exception, DataSource, LegalBasis
from register.models import TransferSafeguard

from .gaps import Gap, fiche_field, organisation_contacts, organisation_field

# Art. 77 and art. 13(2)(d): the supervisory authority in France.
CNIL_CONTACT = "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07 — www.cnil.fr"


class NoticeVariant(models.TextChoices):
    WEB_FORM = "web", gettext_lazy("Formulaire web")
    QUESTIONNAIRE = "questionnaire", gettext_lazy("Questionnaire")


@dataclass
class Item:
    key: str
    heading: str
    article: str
    paragraphs: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    gaps: list = field(default_factory=list)

    def missing(self, message, url="", item=None):
        self.gaps.append(Gap(item or self.heading, self.article, message, url))


@dataclass
class Notice:
    treatment: object
    variant: str
    title: str
    introduction: str
    items: list
    notes_for_dpo: list  # what the DPO should know before publishing it (not part of the notice)

    @property
    def gaps(self):
        return [gap for item in self.items for gap in item.gaps]

    @property
    def variant_label(self):
        return NoticeVariant(self.variant).label


def build_notice(treatment, variant=NoticeVariant.WEB_FORM):
    """The art. 13 notice of `treatment` (a fiche with its lines, see treatments_with_lines)."""
    variant = NoticeVariant(variant)
    items = [
        controller_item(treatment),
        dpo_item(treatment),
        purposes_item(treatment),
    ]
    if treatment.legal_basis == LegalBasis.LEGITIMATE_INTERESTS:
        items.append(legitimate_interest_item(treatment))
    items += [recipients_item(treatment), transfers_item(treatment), retention_item(treatment)]
    items.append(rights_item(treatment, variant))
    if relies_on_consent(treatment):
        items.append(withdrawal_item(treatment))
    items += [complaint_item(), provision_item(treatment), automated_decisions_item(treatment)]
    return Notice(
        treatment=treatment,
        variant=variant,
        title=_("Information sur le traitement de vos données personnelles"),
        introduction=introduction(treatment, variant),
        items=items,
        notes_for_dpo=notes_for_dpo(treatment),
    )


def introduction(treatment, variant):
    if variant == NoticeVariant.QUESTIONNAIRE:
        text = _(
            "Les informations recueillies dans ce questionnaire font l'objet d'un traitement de données "
            "personnelles : « %(name)s ». Voici ce que vous devez savoir avant d'y répondre."
        )
    else:
        text = _(
            "Les informations saisies dans ce formulaire font l'objet d'un traitement de données personnelles : "
            "« %(name)s ». Voici ce que vous devez savoir avant de l'envoyer."
        )
    return text % {"name": treatment.name}


def notes_for_dpo(treatment):
    notes = []
    if treatment.is_processor_fiche:
        notes.append(
            _(
                "CentreCall est sous-traitant pour ce traitement : l'information des personnes incombe au "
                "responsable de traitement, %(controller)s. Soumettez-lui cette notice avant de la diffuser."
            )
            % {"controller": treatment.controller}
        )
    if any(line.source == DataSource.THIRD_PARTY for line in treatment.data_lines.all()):
        notes.append(
            _(
                "Certaines données ne sont pas recueillies auprès de la personne : pour elles, l'information "
                "relève de l'article 14 (source des données, catégories de données)."
            )
        )
    return notes


# --- art. 13(1) ---------------------------------------------------------------------------


def address_of(party):
    """« 12, rue Nationale 37000 Tours », or "" when no part of the postal address is known."""
    return " ".join(part for part in (party.address, party.postcode, party.city) if part)


def contact_sentence(party):
    parts = []
    if address_of(party):
        parts.append(address_of(party))
    if party.phone:
        parts.append(_("téléphone : %(phone)s") % {"phone": party.phone})
    if party.email:
        parts.append(_("courriel : %(email)s") % {"email": party.email})
    return " — ".join(parts)


def controller_item(treatment):
    controller = treatment.controller
    item = Item("controller", _("Responsable du traitement"), "art. 13(1)(a)")
    contact = contact_sentence(controller)
    item.paragraphs.append(f"{controller.name}, {contact}" if contact else controller.name)
    if not address_of(controller):
        item.missing(
            _("L'adresse postale du responsable de traitement « %(controller)s » n'est pas renseignée.")
            % {"controller": controller},
            organisation_field(controller, "address"),
        )
    if not controller.email and not controller.phone:
        item.missing(
            _("Ni courriel ni téléphone du responsable de traitement « %(controller)s ».") % {"controller": controller},
            organisation_field(controller, "email"),
        )
    joint = list(treatment.joint_controllers.all())
    if joint:
        item.paragraphs.append(
            _("Responsables conjoints du traitement (art. 26) : %(names)s.") % {"names": ", ".join(map(str, joint))}
        )
    representative = controller.eu_representative
    if representative:
        item.paragraphs.append(
            _("Représentant dans l'Union européenne : %(name)s, %(contact)s")
            % {"name": representative.name, "contact": contact_sentence(representative)}
        )
    return item


def dpo_item(treatment):
    controller = treatment.controller
    item = Item("dpo", _("Délégué à la protection des données"), "art. 13(1)(b)")
    dpo = controller.dpo
    if dpo is None:
        item.missing(
            _("Aucun délégué à la protection des données n'est enregistré pour « %(controller)s ».")
            % {"controller": controller},
            organisation_contacts(controller),
        )
        return item
    name = f"{dpo.name} ({dpo.company})" if dpo.company else dpo.name
    contact = contact_sentence(dpo)
    item.paragraphs.append(f"{name}, {contact}" if contact else name)
    if not contact:
        item.missing(
            _("Le délégué à la protection des données de « %(controller)s » n'a ni adresse, ni téléphone, ni courriel.")
            % {"controller": controller},
            organisation_contacts(controller),
        )
    return item


def purposes_item(treatment):
    item = Item("purposes", _("Finalités et base légale"), "art. 13(1)(c)")
    if treatment.main_purpose.strip():
        item.paragraphs.append(treatment.main_purpose)
    else:
        item.missing(_("La finalité principale n'est pas renseignée."), fiche_field(treatment, "id_main_purpose"))
    item.entries = [line.description for line in treatment.sub_purposes.all()]
    if treatment.legal_basis:
        item.paragraphs.append(_("Base légale : %(basis)s.") % {"basis": treatment.get_legal_basis_display()})
        if treatment.legal_basis in DETAILED_BASES and treatment.legal_basis_detail.strip():
            item.paragraphs.append(treatment.legal_basis_detail)
    elif treatment.is_processor_fiche:
        item.missing(
            _("La base légale du client « %(controller)s » n'est pas connue : demandez-la-lui.")
            % {"controller": treatment.controller},
            fiche_field(treatment, "id_legal_basis"),
            item=_("Base légale"),
        )
    else:
        message = _("La base légale n'est pas renseignée.")
        item.missing(message, fiche_field(treatment, "id_legal_basis"), item=_("Base légale"))
    return item


# The bases whose justification tells the person something (the contract, the law); a
# consent's says how it is collected and proven, for the register, not for the notice.
DETAILED_BASES = {LegalBasis.CONTRACT, LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK, LegalBasis.VITAL_INTERESTS}


def legitimate_interest_item(treatment):
    item = Item("legitimate_interest", _("Intérêt légitime poursuivi"), "art. 13(1)(d)")
    if treatment.legal_basis_detail.strip():
        item.paragraphs.append(treatment.legal_basis_detail)
    else:
        item.missing(
            _("La base légale est l'intérêt légitime, mais l'intérêt poursuivi n'est pas précisé."),
            fiche_field(treatment, "id_legal_basis_detail"),
        )
    return item


def recipients_item(treatment):
    item = Item("recipients", _("Destinataires des données"), "art. 13(1)(e)")
    item.entries = [f"{recipient.display_name} ({recipient.category})" for recipient in treatment.recipients.all()]
    if not item.entries:
        item.missing(_("Aucun destinataire n'est indiqué."), fiche_field(treatment, "destinataires"))
    return item


def transfers_item(treatment):
    item = Item("transfers", _("Transferts hors de l'Union européenne"), "art. 13(1)(f)")
    transfers = list(treatment.transfers.all())
    if not transfers:
        item.paragraphs.append(_("Aucun transfert de vos données hors de l'Union européenne n'est prévu."))
    for index, transfer in enumerate(transfers):
        entry = _("%(recipient)s (%(country)s) — garantie : %(safeguard)s") % {
            "recipient": transfer.recipient,
            "country": transfer.country,
            "safeguard": transfer.safeguard,
        }
        if transfer.document_reference:
            entry += " — " + _("copie des garanties : %(document)s") % {"document": transfer.document_reference}
        elif transfer.safeguard.code != TransferSafeguard.ADEQUACY:
            item.missing(
                _("Transfert vers %(recipient)s : la fiche ne dit pas où obtenir une copie des garanties.")
                % {"recipient": transfer.recipient},
                fiche_field(treatment, f"id_transfers-{index}-document_reference"),
            )
        item.entries.append(entry)
    return item


# --- art. 13(2) ---------------------------------------------------------------------------


def retention_item(treatment):
    item = Item("retention", _("Durée de conservation"), "art. 13(2)(a)")
    lines = list(treatment.data_lines.all())
    if not lines:
        item.missing(_("Aucune catégorie de données n'est indiquée."), fiche_field(treatment, "donnees"))
    for index, line in enumerate(lines):
        label = f"{line.category.label} ({line.description})"
        if line.states_retention:
            item.entries.append(f"{label} : {line.retention_text}")
        else:
            item.entries.append(label)
            item.missing(
                _("Ligne « %(line)s » : la durée de conservation n'est pas renseignée.") % {"line": line.description},
                fiche_field(treatment, f"id_data_lines-{index}-retention_value"),
            )
    return item


def relies_on_consent(treatment):
    """Consent is the basis (art. 6(1)(a)), or the exception of a sensitive line (art. 9(2)(a))."""
    return treatment.legal_basis == LegalBasis.CONSENT or any(
        line.art9_exception == Art9Exception.EXPLICIT_CONSENT for line in treatment.data_lines.all()
    )


def rights_for(legal_basis):
    """The rights of chapter III a person has under `legal_basis`, as (key, French sentence)."""
    rights = [
        ("access", _("droit d'accès à vos données (art. 15)")),
        ("rectification", _("droit de rectification (art. 16)")),
    ]
    if legal_basis not in (LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK):  # art. 17(3)(b)
        rights.append(("erasure", _("droit à l'effacement (art. 17)")))
    rights.append(("restriction", _("droit à la limitation du traitement (art. 18)")))
    if legal_basis in (LegalBasis.CONSENT, LegalBasis.CONTRACT):  # art. 20(1)(a)
        rights.append(("portability", _("droit à la portabilité de vos données (art. 20)")))
    if legal_basis in (LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK):  # art. 21(1)
        rights.append(
            ("objection", _("droit de vous opposer au traitement pour des raisons tenant à votre situation (art. 21)"))
        )
    return rights


def rights_contact(treatment):
    """Where to write to exercise the rights: the DPO's e-mail or address, else the controller's."""
    dpo = treatment.controller.dpo
    for party in (dpo, treatment.controller):
        if party is not None and (party.email or address_of(party)):
            return party.email or address_of(party)
    return ""


def rights_item(treatment, variant):
    item = Item("rights", _("Vos droits"), "art. 13(2)(b)")
    item.entries = [sentence for _key, sentence in rights_for(treatment.legal_basis)]
    if not treatment.legal_basis:
        item.missing(
            _("Sans base légale, les droits d'opposition et de portabilité ne peuvent pas être déterminés."),
            fiche_field(treatment, "id_legal_basis"),
        )
    contact = rights_contact(treatment)
    if contact:
        item.paragraphs.append(_("Pour exercer ces droits, écrivez à : %(contact)s.") % {"contact": contact})
    else:
        item.missing(
            _("Aucun courriel ni adresse où exercer les droits (délégué ou responsable de traitement)."),
            organisation_contacts(treatment.controller),
        )
    return item


def withdrawal_item(treatment):
    item = Item("withdrawal", _("Retrait du consentement"), "art. 13(2)(c)")
    item.paragraphs.append(
        _(
            "Vous pouvez retirer votre consentement à tout moment, sans porter atteinte à la licéité du "
            "traitement fondé sur le consentement effectué avant ce retrait (art. 7(3))."
        )
    )
    return item


def complaint_item():
    item = Item("complaint", _("Réclamation auprès de la CNIL"), "art. 13(2)(d)")
    item.paragraphs.append(
        _(
            "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la "
            "CNIL : %(cnil)s."
        )
        % {"cnil": CNIL_CONTACT}
    )
    return item


def provision_item(treatment):
    """Art. 13(2)(e): the register keeps no field for it, so the notice always asks the DPO."""
    item = Item("provision", _("Caractère obligatoire de la fourniture des données"), "art. 13(2)(e)")
    item.missing(
        _(
            "La fiche ne dit pas si la fourniture des données est obligatoire (exigence légale, contractuelle "
            "ou condition d'un contrat) ni les conséquences d'un refus de les fournir."
        )
    )
    return item


def automated_decisions_item(treatment):
    """Art. 13(2)(f): the register keeps no field for it either."""
    item = Item("automated_decisions", _("Décision automatisée et profilage"), "art. 13(2)(f)")
    item.missing(
        _(
            "La fiche ne dit pas si le traitement comporte une décision entièrement automatisée ou un "
            "profilage (art. 22)."
        )
    )
    return item
