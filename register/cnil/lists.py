"""The CNIL template's drop-down lists ("5 - Listes"): catalog code -> label of the template.

Catalog entries (data categories, recipients…) are written with these labels, and read
back from the label, the app's own catalog label, the part before the parenthesis, an
alias below, or the catalog code — compared through `matching.key()`.
"""

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
