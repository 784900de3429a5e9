"""The announcement an operator reads before recording a call (CNIL, reference section 7).

Before recording, the person is told the controller, the purpose, the legal basis, the
recipients, how long the recording is kept, their rights, and that they may object — the
call then goes on without recording. The script is written from the fiche's lines marked
« enregistrement d'appels » (DataCategoryLine.is_call_recording); a fiche without one gets
no script, with the reason. Short sentences, to be read aloud; what the fiche does not say
is a placeholder and a `Gap`, as in the notice.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.choices import LegalBasis, RetentionEnd

from .gaps import Gap, fiche_field, organisation_contacts
from .information import rights_contact, rights_for

# CNIL: bank-card data must not be kept in recordings (reference section 7).
NO_CARD_NUMBERS = gettext_lazy(
    "Ne demandez ni ne répétez jamais un numéro de carte bancaire pendant un enregistrement."
)


@dataclass
class Sentence:
    text: str = ""  # what the operator reads, or "" when the fiche does not give it
    gap: Gap = None


@dataclass
class Announcement:
    treatment: object
    recording_lines: list
    sentences: list = field(default_factory=list)
    operator_instructions: list = field(default_factory=list)
    reason: str = ""  # why the script does not apply, when it does not
    suggested_lines: list = field(default_factory=list)  # (line, url) that read like recordings, unflagged

    @property
    def applies(self):
        return bool(self.recording_lines)

    @property
    def gaps(self):
        return [sentence.gap for sentence in self.sentences if sentence.gap]


def build_announcement(treatment):
    """The script of `treatment` (a fiche with its lines, see treatments_with_lines)."""
    lines = list(treatment.data_lines.all())
    recordings = [line for line in lines if line.is_call_recording]
    announcement = Announcement(treatment, recordings)
    if not recordings:
        announcement.reason = _(
            "Cette fiche ne déclare aucune donnée marquée « enregistrement d'appels » : aucun appel n'est "
            "enregistré dans ce traitement, l'annonce d'enregistrement ne s'applique pas."
        )
        announcement.suggested_lines = [
            (line, fiche_field(treatment, f"id_data_lines-{index}-is_call_recording"))
            for index, line in enumerate(lines)
            if line.suggests_call_recording
        ]
        return announcement
    announcement.sentences = [
        Sentence(_("Avant de poursuivre, je vous informe que cet appel peut être enregistré.")),
        controller_sentence(treatment),
        purpose_sentence(treatment),
        basis_sentence(treatment),
        recipients_sentence(treatment),
        *retention_sentences(treatment, lines, recordings),
        rights_sentence(treatment),
        Sentence(
            _("Vous pouvez refuser l'enregistrement : dans ce cas, l'appel continue normalement, sans enregistrement.")
        ),
        Sentence(_("Acceptez-vous que la suite de notre échange soit enregistrée ?")),
    ]
    announcement.operator_instructions = [
        _("Lisez l'annonce avant de déclencher l'enregistrement, jamais après."),
        _("Si la personne refuse ou hésite : ne déclenchez pas l'enregistrement et poursuivez l'appel."),
        str(NO_CARD_NUMBERS),
    ]
    return announcement


def _missing(treatment, item, message, url):
    return Sentence(gap=Gap(item, _("CNIL, enregistrement des appels"), message, url))


def controller_sentence(treatment):
    if treatment.is_processor_fiche:
        text = _("Le responsable de ce traitement est %(controller)s, pour le compte de qui CentreCall vous appelle.")
    else:
        text = _("Le responsable de ce traitement est %(controller)s.")
    return Sentence(text % {"controller": treatment.controller})


def purpose_sentence(treatment):
    if not treatment.main_purpose.strip():
        return _missing(
            treatment,
            _("Finalité"),
            _("La finalité principale n'est pas renseignée."),
            fiche_field(treatment, "id_main_purpose"),
        )
    return Sentence(_("Finalité : %(purpose)s") % {"purpose": treatment.main_purpose.strip()})


BASIS_SENTENCES = {
    LegalBasis.CONSENT: gettext_lazy("Nous n'enregistrons qu'avec votre accord."),
    LegalBasis.CONTRACT: gettext_lazy(
        "L'enregistrement est nécessaire à l'exécution du contrat qui vous lie au responsable."
    ),
    LegalBasis.LEGAL_OBLIGATION: gettext_lazy("L'enregistrement est imposé par une obligation légale."),
    LegalBasis.PUBLIC_TASK: gettext_lazy("L'enregistrement est nécessaire à une mission d'intérêt public."),
    LegalBasis.VITAL_INTERESTS: gettext_lazy("L'enregistrement est nécessaire à la sauvegarde d'intérêts vitaux."),
}


def basis_sentence(treatment):
    basis = treatment.legal_basis
    if not basis:
        return _missing(
            treatment,
            _("Base légale"),
            _("La base légale n'est pas renseignée."),
            fiche_field(treatment, "id_legal_basis"),
        )
    if basis == LegalBasis.LEGITIMATE_INTERESTS:
        if not treatment.legal_basis_detail.strip():
            return _missing(
                treatment,
                _("Intérêt légitime poursuivi"),
                _("La base légale est l'intérêt légitime, mais l'intérêt poursuivi n'est pas précisé."),
                fiche_field(treatment, "id_legal_basis_detail"),
            )
        return Sentence(
            _("L'enregistrement repose sur l'intérêt légitime : %(interest)s")
            % {"interest": treatment.legal_basis_detail.strip()}
        )
    return Sentence(str(BASIS_SENTENCES[basis]))


def recipients_sentence(treatment):
    recipients = [recipient.display_name for recipient in treatment.recipients.all()]
    if not recipients:
        return _missing(
            treatment,
            _("Destinataires"),
            _("Aucun destinataire n'est indiqué."),
            fiche_field(treatment, "destinataires"),
        )
    return Sentence(_("Il peut être écouté par : %(recipients)s.") % {"recipients": " ; ".join(recipients)})


END_WORDS = {
    RetentionEnd.DELETION: gettext_lazy("puis supprimé"),
    RetentionEnd.ANONYMISATION: gettext_lazy("puis anonymisé"),
    RetentionEnd.INTERMEDIATE_ARCHIVE: gettext_lazy("puis archivé"),
}


def lower_first(text):
    """« Jusqu'à la fin du contrat » inside a sentence: « jusqu'à la fin du contrat »."""
    return text[:1].lower() + text[1:]


def retention_sentences(treatment, lines, recordings):
    sentences = []
    for line in recordings:
        if not line.states_retention:
            index = lines.index(line)
            sentences.append(
                _missing(
                    treatment,
                    _("Durée de conservation"),
                    _("Ligne « %(line)s » : la durée de conservation n'est pas renseignée.")
                    % {"line": line.description},
                    fiche_field(treatment, f"id_data_lines-{index}-retention_value"),
                )
            )
            continue
        sentences.append(
            Sentence(
                _("L'enregistrement est conservé %(retention)s, %(end)s.")
                % {"retention": lower_first(line.retention_text), "end": END_WORDS[line.retention_end]}
            )
        )
    return sentences


def rights_sentence(treatment):
    contact = rights_contact(treatment)
    if not contact:
        return _missing(
            treatment,
            _("Vos droits"),
            _("Aucun courriel ni adresse où exercer les droits (délégué ou responsable de traitement)."),
            organisation_contacts(treatment.controller),
        )
    rights = [key for key, _sentence in rights_for(treatment.legal_basis)]
    if "erasure" in rights:
        text = _("Vous pouvez accéder à l'enregistrement, le faire rectifier ou effacer, en écrivant à %(contact)s.")
    else:
        text = _("Vous pouvez accéder à l'enregistrement et le faire rectifier, en écrivant à %(contact)s.")
    return Sentence(text % {"contact": contact})
