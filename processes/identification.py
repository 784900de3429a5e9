"""The first answer the app proposes to « is this field personal data, and why? » (art. 4(1)).

One home for the rule: the form page shows the proposal beside each field, « Proposer »
writes it into the fields nobody has decided yet, and the demo's answers agree with it. A
proposal is never a decision: `apply_proposals` leaves every field the DPO has decided
(`is_personal` set) as it is.

The rule reads the field's label and its example answer, accents and case ignored
(reference section 5): identity and contact items (nom, prénom, adresse, courriel,
téléphone…), connection, location, financial data, the NIR, sensitive data (art. 9);
company data (raison sociale, SIREN, a generic contact@ address) is not personal. Any
other answer (a question, an opinion, a habit) is personal data when it is stored with an
identified respondent — indirectly, « Vie personnelle » — and not personal when the form
keeps no identity (an anonymous aggregate).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import Identification

# Local parts of an address that names a service, not a person (contact@, info@…).
GENERIC_MAILBOXES = {
    "accueil",
    "admin",
    "commercial",
    "compta",
    "contact",
    "direction",
    "hello",
    "info",
    "infos",
    "noreply",
    "no-reply",
    "rh",
    "secretariat",
    "service",
    "support",
    "ventes",
}
EMAIL = re.compile(r"^\s*([\w.+-]+)@[\w-]+(\.[\w-]+)+\s*$")
PHONE = re.compile(r"^\s*\+?[\d\s.()-]{9,20}\s*$")


@dataclass(frozen=True)
class Proposal:
    is_personal: bool
    identification: str  # an Identification value, "" when not personal
    category: str  # a DataCategory code, "" when not personal
    is_sensitive: bool
    justification: str


def normalize(text):
    """Lower case without accents: « Prénom » and « PRENOM » read alike."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def _words(*patterns):
    return re.compile(r"\b(" + "|".join(patterns) + r")\b")


# (pattern on the normalised label, category, identification, sensitive), first match wins.
# More specific items come first: « adresse IP » before « adresse », « nom de l'entreprise »
# (COMPANY) before « nom ». Direct: the item names the person by itself (art. 4(1)
# « directement »: name, postal or e-mail address, NIR); indirect: with other information
# (reference section 5: phone number, IP address, combination of attributes).
DIRECT, INDIRECT = Identification.DIRECT, Identification.INDIRECT
COMPANY = _words(r"raison sociale", r"siren", r"siret", r"nom de l'entreprise", r"nom de la societe", r"tva intra\w*")
SENSITIVE_RULES = [
    (_words(r"sante", r"maladies?", r"handicap", r"medica\w*", r"pathologies?"), "health"),
    (_words(r"religion", r"religieu\w*", r"confession", r"culte"), "religious_beliefs"),
    (_words(r"opinions? politiques?", r"parti politique", r"vote"), "political_opinions"),
    (_words(r"syndica\w*"), "trade_union"),
]
LABEL_RULES = [
    *((pattern, category, INDIRECT, True) for pattern, category in SENSITIVE_RULES),
    (_words(r"nir", r"securite sociale", r"numero de secu"), "nir", DIRECT, False),
    (_words(r"iban", r"rib", r"bic", r"revenus?", r"salaires?", r"carte bancaire"), "economic", INDIRECT, False),
    (_words(r"adresse ip", r"ip", r"journal de connexion", r"logs?"), "connection", INDIRECT, False),
    (_words(r"gps", r"geolocalisation", r"localisation"), "location", INDIRECT, False),
    (_words(r"date de naissance", r"naissance", r"age"), "identity", INDIRECT, False),
    (_words(r"sexe", r"genre", r"civilite"), "identity", INDIRECT, False),
    (_words(r"telephone", r"tel", r"portable", r"mobile"), "identity", INDIRECT, False),
    (_words(r"courriel", r"e-mail", r"email", r"mail", r"adresse electronique"), "identity", DIRECT, False),
    (_words(r"adresse", r"code postal", r"ville"), "identity", DIRECT, False),
    (_words(r"prenom", r"nom", r"nom de famille", r"nom de naissance"), "identity", DIRECT, False),
]


def propose(field, form):
    """The proposal for `field` (label and example) of the collection form `form`."""
    label = normalize(field.label)
    example = (field.example or "").strip()
    if COMPANY.search(label):
        return _not_personal(
            _(
                "Donnée d'entreprise (raison sociale, SIREN) : elle ne se rapporte pas à une personne physique "
                "(art. 4(1) du RGPD)."
            )
        )
    email = EMAIL.match(example)
    if email and email.group(1).lower() in GENERIC_MAILBOXES:
        return _not_personal(
            _(
                "Adresse générique d'entreprise (%(example)s) : elle ne désigne pas une personne physique "
                "(art. 4(1) du RGPD). L'adresse professionnelle nominative d'un salarié serait, elle, personnelle."
            )
            % {"example": example}
        )
    for pattern, category, identification, sensitive in LABEL_RULES:
        if pattern.search(label):
            return _personal(field, category, identification, sensitive)
    if email:  # an e-mail-looking answer under another label (« Contact »)
        return _personal(field, "identity", DIRECT, False)
    if PHONE.match(example) and sum(char.isdigit() for char in example) >= 9:
        return _personal(field, "identity", INDIRECT, False)
    if form.respondent_identified:
        return Proposal(
            True,
            INDIRECT,
            "personal_life",
            False,
            _(
                "Réponse du répondant (question, opinion ou habitude) : donnée personnelle, indirectement "
                "identifiante, car liée à un répondant identifié par son nom et son courriel dans le même "
                "enregistrement (art. 4(1) du RGPD) — catégorie « Vie personnelle »."
            ),
        )
    return _not_personal(
        _(
            "Réponse enregistrée sans identité du répondant : statistique anonyme agrégée, qui ne permet pas "
            "de remonter à une personne (art. 4(1) du RGPD, considérant 26)."
        )
    )


def _personal(field, category, identification, sensitive):
    if sensitive:
        justification = _(
            "« %(field)s » révèle une donnée sensible (art. 9(1) du RGPD) sur une personne identifiable "
            "(art. 4(1)) : son traitement est interdit sauf exception de l'article 9(2)."
        )
    elif identification == DIRECT:
        justification = _(
            "« %(field)s » identifie directement la personne (art. 4(1) du RGPD : nom, coordonnées, identifiant)."
        )
    else:
        justification = _(
            "« %(field)s » se rapporte à une personne identifiable indirectement, par recoupement avec "
            "d'autres informations (art. 4(1) du RGPD)."
        )
    return Proposal(True, identification, category, sensitive, justification % {"field": field.label})


def _not_personal(justification):
    return Proposal(False, "", "", False, justification)


def proposals_for(form, fields):
    """{field pk: Proposal} for the fields of `form` (already loaded: no query)."""
    return {field.pk: propose(field, form) for field in fields}


def apply_proposals(form, fields, categories):
    """Write the proposal into each undecided field of `fields` (`categories`: {code: DataCategory}).

    A field the DPO decided (is_personal set) keeps the decision. Returns the fields changed;
    the caller saves them (in the transaction that claims the form's version).
    """
    changed = []
    for field in fields:
        if field.is_personal is not None:
            continue
        proposal = propose(field, form)
        field.is_personal = proposal.is_personal
        field.identification = proposal.identification
        field.data_category = categories.get(proposal.category)
        field.is_sensitive = proposal.is_sensitive
        field.justification = proposal.justification
        field.confirmed = False
        changed.append(field)
    return changed
