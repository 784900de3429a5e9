"""The CNIL register template's labels, shared by the ODS export and the ODS import.

The CNIL's simplified register (reference: shared/reference/cnil-registre-template.ods)
is a French spreadsheet: an overview sheet "Liste des traitements" and one sheet per fiche
whose labels sit in column A with the values to their right. The export writes these
labels and the import finds its way by them, so they live here once. They are plain
French strings on purpose, not translated: they are the file format that DPOs exchange.

Catalog entries (data categories, recipients…) are written with the label of the CNIL
template's drop-down lists, and read back from that label, the app's own catalog label,
the part before the parenthesis, or the catalog code — compared through `key()`, which
ignores case, accents, spaces and punctuation.
"""

import functools
import re
import unicodedata

# --- sheets -------------------------------------------------------------------------

OVERVIEW_SHEET = "Liste des traitements"
LISTS_SHEET = "Listes"
PLACEHOLDERS = ("Sélectionnez un élément dans cette liste déroulante ►", "N/A", "NA", "-", "néant")

# --- overview ("2 - Liste des traitements") ------------------------------------------

OVERVIEW_TITLE = "Registre des activités de traitement (article 30 du RGPD)"
SCOPE = "Périmètre"
GENERATED = "Généré le"
ORGANISATION_BLOCK = "Organisme"
RESPONSIBLE_BLOCK = (
    "Coordonnées du responsable de l’organisme (responsable de traitement ou son représentant "
    "si le responsable est situé en dehors de l’UE)"
)
REPRESENTATIVE_BLOCK = "Coordonnées du représentant"
DPO_BLOCK = "Coordonnées du délégué à la protection des données (DPO)"
LAST_NAME, FIRST_NAME, ADDRESS, EMAIL = "Nom :", "Prénom :", "Adresse :", "Adresse mél :"
POSTCODE, CITY, PHONE = "Code postal :", "Ville :", "Téléphone :"
COMPANY, SIREN, ORGANISATION_NAME = "Société (si DPO externe) :", "SIREN :", "Nom :"

IDENTIFICATION = "Identification du traitement"
PURPOSE_HEADER = "Finalité du traitement"
SENSITIVE_HEADER = "Données sensibles ?"
OVERVIEW_COLUMNS = (
    "Nom du traitement",
    "N° / RÉF",
    "Date de création de la fiche",
    "Dernière mise à jour de la fiche",
    "Finalité principale",
    "Oui/non",
    "Rôle de l'organisme",
    "Responsable du traitement",
    "Statut de la fiche",
)
EXAMPLE_MARK = "(EXEMPLE)"  # the CNIL's payroll example row, kept in the blank template

# --- fiche ("3 - Modèle de fiche de registre") ---------------------------------------

FICHE_TITLE = "Fiche de registre"
DESCRIPTION = "Description du traitement"
NAME = "Nom du traitement"
REFERENCE = "N° / RÉF"
CREATED = "Date de création du traitement"
UPDATED = "Mise à jour du traitement"
# Rows the CNIL template lacks and the app adds (art. 6(1) legal basis, art. 30(2) role…).
SOFTWARE = "Logiciel ou application"
ROLE = "Rôle de l'organisme"
LEGAL_BASIS = "Base légale (art. 6(1) RGPD)"
LEGAL_BASIS_DETAIL = "Justification de la base légale"
STATUS = "Statut de la fiche"
DPIA = "Analyse d'impact (AIPD, art. 35)"
NEXT_REVIEW = "Prochaine revue"
NOTES = "Notes"

ACTORS = "Acteurs"
ACTOR_COLUMNS = ("Nom", "Adresse", "Code Postal", "Ville", "Pays", "Téléphone", "Adresse mél")
ACTOR_FIELDS = ("name", "address", "postcode", "city", "country", "phone", "email")
CONTROLLER = "Responsable du traitement"
DPO = "Délégué à la protection des données"
DPO_COMPANY = "Société du DPO (si celui-ci est externe)"
REPRESENTATIVE = "Représentant"
JOINT_CONTROLLERS = "Responsable(s) conjoint(s)"
PROCESSORS = "Sous-traitant(s)"  # added: art. 30(1)(d) recipients that process for us

PURPOSES = "Finalité(s) du traitement effectué"
MAIN_PURPOSE = "Finalité principale"
SUB_PURPOSE = "Sous-finalité {n}"

DATA = "Catégories de données personnelles concernées"
SENSITIVE = "Données sensibles"
DESCRIPTION_COLUMN = "Description"
RETENTION_COLUMN = "Durée de conservation"
RETENTION_END_COLUMN = "Au terme de la durée"
RETENTION_REMARK_COLUMN = "Remarque sur la conservation"
SOURCE_COLUMN = "Source des données"
ART9_COLUMN = "Exception (art. 9(2))"

SUBJECTS = "Catégories de personnes concernées"
SUBJECT = "Catégorie de personnes {n}"
SUBJECTS_OTHER = "Autres personnes concernées"
DETAIL_COLUMN = "Précisions"

RECIPIENTS = "Destinataires"
RECIPIENT = "Destinataire {n}"
RECIPIENT_TYPE_COLUMN = "Type de destinataire"
RECIPIENT_ORGANISATION_COLUMN = "Organisation"

SECURITY = "Mesures de sécurité"
SECURITY_MEASURE = "Mesure de sécurité {n}"
SECURITY_TYPE_COLUMN = "Type de mesure de sécurité"

TRANSFERS = "Transferts hors UE"
TRANSFER = "Organisme destinataire {n}"
TRANSFER_COLUMNS = ("Destinataire", "Pays", "Type de Garanties", "Liens vers la documentation")

YES, NO = "Oui", "Non"

# --- catalogs: code -> label of the CNIL template ------------------------------------

# Fiche sheet rows, art. 30(1)(c). Professional life, internet and "other" are not rows of
# the template; the CNIL's guidance lists them, so the export adds them in that order.
DATA_CATEGORY_LABELS = {
    "identity": "État civil, identité, données d'identification, images…",
    "personal_life": "Vie personnelle (habitudes de vie, situation familiale, etc.)",
    "professional_life": "Vie professionnelle (CV, scolarité, formation professionnelle, distinctions, etc.)",
    "economic": (
        "Informations d'ordre économique et financier (revenus, situation financière, situation fiscale, etc.)"
    ),
    "connection": "Données de connexion (adresse IP, logs, etc.)",
    "location": "Données de localisation (déplacements, données GPS, GSM, etc.)",
    "internet": "Internet (cookies, traceurs, données de navigation, etc.)",
    "nir": "Numéro de Sécurité Sociale (ou NIR)",  # art. 87 GDPR, restricted use in France
    "other": "Autres catégories de données (à préciser)",
    # Sensitive data, art. 9(1); criminal convictions and offences, art. 10.
    "racial_ethnic_origin": "Données révélant l'origine raciale ou ethnique",
    "political_opinions": "Données révélant les opinions politiques",
    "religious_beliefs": "Données révélant les convictions religieuses ou philosophiques",
    "trade_union": "Données révélant l'appartenance syndicale",
    "genetic": "Données génétiques",
    "biometric": "Données biométriques aux fins d'identifier une personne physique de manière unique",
    "health": "Données concernant la santé",
    "sex_life": "Données concernant la vie sexuelle ou l'orientation sexuelle",
    "criminal": "Données relatives à des condamnations pénales ou infractions",
}
SENSITIVE_DATA_CODES = frozenset(list(DATA_CATEGORY_LABELS)[list(DATA_CATEGORY_LABELS).index("racial_ethnic_origin") :])
DATA_CATEGORY_ALIASES = {
    "connection": ["Données de connexion (adress IP, logs, etc.)"],  # the template's spelling
    "nir": ["Numéro d'identification national", "Numéro de sécurité sociale", "NIR"],
    "other": ["Autres", "Autres données"],
    "health": ["Données de santé", "Santé"],
}
# "5 - Listes" drop-down lists of the template.
DATA_SUBJECT_LABELS = {
    "employees": "Salariés",
    "internal_services": "Services internes",
    "customers": "Clients",
    "suppliers": "Fournisseurs",
    "service_providers": "Prestataires",
    "prospects": "Prospects",
    "candidates": "Candidats",
    "other": "Autres (préciser)",
}
RECIPIENT_LABELS = {
    "internal_service": "Service interne qui traite les données",
    "processors": "Sous-traitants",
    "third_country": "Destinataires dans des pays tiers ou organisations internationales",
    "partners": "Partenaires institutionnels ou commerciaux",
    "other": "Autre (préciser)",
}
SECURITY_MEASURE_LABELS = {
    "traceability": "Mesures de traçabilité",
    "software_protection": "Mesures de protection des logiciels",
    "backups": "Sauvegarde des données",
    "encryption": "Chiffrement des données",
    "access_control": "Contrôle d'accès des utilisateurs",
    "processor_control": "Contrôle des sous-traitants",
    "other": "Autres mesures (à préciser)",
}
SAFEGUARD_LABELS = {
    "scc": "Clauses contractuelles types (CCT)",  # art. 46(2)(c)
    "bcr": "Règles d'entreprise contraignantes (BCR)",  # art. 47
    "adequacy": "Pays adéquat",  # art. 45
    "code_of_conduct": "Code de conduite",  # art. 46(2)(e)
    "certification": "Certification",  # art. 46(2)(f)
    "derogation": "Dérogations (art 49)",  # art. 49
}
SAFEGUARD_ALIASES = {"adequacy": ["Décision d'adéquation", "Data Privacy Framework"]}
# Privacy Shield, still in the template's list, was annulled by the CJEU (C-311/18, 2020).
VOID_SAFEGUARDS = ("Privacy shield",)
# Country names of the template's list that differ from the app's country table.
COUNTRY_ALIASES = {
    "US": ["Etats-Unis", "États-Unis", "USA"],
    "IM": ["Ile de Man"],
    "FO": ["Iles FEROE", "Îles Féroé"],
    "GB": ["Royaume-Uni", "Grande-Bretagne"],
    "KR": ["Corée du Sud"],
}

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'"})


@functools.lru_cache(maxsize=65536)
def key(text):
    """A label reduced to lower-case ASCII letters and digits, for comparisons (cached: a
    register repeats the same labels on every fiche)."""
    text = unicodedata.normalize("NFKD", str(text).translate(_LIGATURES))
    return re.sub(r"[^a-z0-9]", "", text.encode("ascii", "ignore").decode().lower())


def is_placeholder(text):
    """True for the template's filler text ("Sélectionnez un élément…", "N/A") and blanks."""
    folded = key(text)
    return not folded or folded in _PLACEHOLDER_KEYS


def numbered(label):
    """A matcher for "Sous-finalité 1", "Destinataire 12"…: the label's key without its number."""
    return key(label.format(n=""))


def lookup_table(entries):
    """{key: value} from (value, [texts]) pairs; a key claimed by two values is dropped."""
    table, clashes = {}, set()
    for value, texts in entries:
        for text in texts:
            k = key(text)
            if not k:
                continue
            if k in table and table[k] != value:
                clashes.add(k)
            table[k] = value
    for k in clashes:
        del table[k]
    return table


def label_variants(label):
    """The label and, when it carries a parenthesis or an ellipsis, its short form."""
    variants = [label]
    short = re.split(r"\s*[(…]", label, maxsplit=1)[0]
    if short and short != label:
        variants.append(short)
    return variants


_PLACEHOLDER_KEYS = frozenset(key(text) for text in PLACEHOLDERS)
