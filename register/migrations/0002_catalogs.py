"""Seed the catalogs of the CNIL register template and the country table."""

from django.db import migrations

# (code, label, is_sensitive, article) — CNIL fiche, "Catégories de données personnelles".
DATA_CATEGORIES = [
    ("identity", "État civil, identité, données d'identification", False, "art. 30(1)(c)"),
    ("personal_life", "Vie personnelle (habitudes de vie, situation familiale…)", False, "art. 30(1)(c)"),
    ("professional_life", "Vie professionnelle (CV, situation professionnelle, formation…)", False, "art. 30(1)(c)"),
    ("economic", "Informations d'ordre économique et financier (revenus, données bancaires…)", False, "art. 30(1)(c)"),
    ("connection", "Données de connexion (adresse IP, journaux…)", False, "art. 30(1)(c)"),
    ("location", "Données de localisation (déplacements, données GPS…)", False, "art. 30(1)(c)"),
    ("internet", "Internet (cookies, traceurs, données de navigation…)", False, "art. 30(1)(c)"),
    ("nir", "Numéro d'identification national (NIR)", False, "art. 87 ; loi n° 78-17 art. 30"),
    ("other", "Autres catégories de données", False, "art. 30(1)(c)"),
    # Sensitive data, art. 9(1), and criminal-offence data, art. 10.
    ("racial_ethnic_origin", "Origine raciale ou ethnique", True, "art. 9(1)"),
    ("political_opinions", "Opinions politiques", True, "art. 9(1)"),
    ("religious_beliefs", "Convictions religieuses ou philosophiques", True, "art. 9(1)"),
    ("trade_union", "Appartenance syndicale", True, "art. 9(1)"),
    ("genetic", "Données génétiques", True, "art. 9(1)"),
    ("biometric", "Données biométriques aux fins d'identifier une personne", True, "art. 9(1)"),
    ("health", "Données de santé", True, "art. 9(1)"),
    ("sex_life", "Vie sexuelle ou orientation sexuelle", True, "art. 9(1)"),
    ("criminal", "Condamnations pénales et infractions", True, "art. 10"),
]

DATA_SUBJECT_CATEGORIES = [
    ("employees", "Salariés"),
    ("internal_services", "Services internes"),
    ("customers", "Clients"),
    ("suppliers", "Fournisseurs"),
    ("service_providers", "Prestataires"),
    ("prospects", "Prospects"),
    ("candidates", "Candidats"),
    ("other", "Autres"),
]

RECIPIENT_CATEGORIES = [
    ("internal_service", "Service interne"),
    ("processors", "Sous-traitants"),
    ("third_country", "Destinataires dans des pays tiers ou organisations internationales"),
    ("partners", "Partenaires institutionnels ou commerciaux"),
    ("other", "Autres destinataires"),
]

SECURITY_MEASURE_CATEGORIES = [
    ("traceability", "Mesures de traçabilité"),
    ("software_protection", "Mesures de protection des logiciels"),
    ("backups", "Sauvegarde des données"),
    ("encryption", "Chiffrement des données"),
    ("access_control", "Contrôle d'accès des utilisateurs"),
    ("processor_control", "Contrôle des sous-traitants"),
    ("other", "Autres mesures"),
]

# GDPR chapter V. Privacy Shield is void since 2020 (CJEU C-311/18); the EU–US Data
# Privacy Framework is an adequacy decision.
TRANSFER_SAFEGUARDS = [
    ("adequacy", "Décision d'adéquation", "art. 45"),
    ("scc", "Clauses contractuelles types", "art. 46(2)(c)"),
    ("bcr", "Règles d'entreprise contraignantes", "art. 47"),
    ("code_of_conduct", "Code de conduite approuvé", "art. 46(2)(e)"),
    ("certification", "Mécanisme de certification", "art. 46(2)(f)"),
    ("derogation", "Dérogation pour une situation particulière", "art. 49"),
]

EU_EEA = [
    ("AT", "Autriche"), ("BE", "Belgique"), ("BG", "Bulgarie"), ("HR", "Croatie"), ("CY", "Chypre"),
    ("CZ", "Tchéquie"), ("DK", "Danemark"), ("EE", "Estonie"), ("FI", "Finlande"), ("FR", "France"),
    ("DE", "Allemagne"), ("GR", "Grèce"), ("HU", "Hongrie"), ("IE", "Irlande"), ("IT", "Italie"),
    ("LV", "Lettonie"), ("LT", "Lituanie"), ("LU", "Luxembourg"), ("MT", "Malte"), ("NL", "Pays-Bas"),
    ("PL", "Pologne"), ("PT", "Portugal"), ("RO", "Roumanie"), ("SK", "Slovaquie"), ("SI", "Slovénie"),
    ("ES", "Espagne"), ("SE", "Suède"),
    ("IS", "Islande"), ("LI", "Liechtenstein"), ("NO", "Norvège"),  # EEA
]
# Countries with an adequacy decision of the European Commission (art. 45).
ADEQUATE = [
    ("AD", "Andorre"), ("AR", "Argentine"), ("CA", "Canada"), ("FO", "Îles Féroé"), ("GG", "Guernesey"),
    ("IL", "Israël"), ("IM", "Île de Man"), ("JP", "Japon"), ("JE", "Jersey"), ("NZ", "Nouvelle-Zélande"),
    ("KR", "Corée du Sud"), ("CH", "Suisse"), ("GB", "Royaume-Uni"), ("UY", "Uruguay"),
    ("US", "États-Unis (entreprises certifiées Data Privacy Framework)"),
]
OTHER_COUNTRIES = [
    ("MA", "Maroc"), ("TN", "Tunisie"), ("SN", "Sénégal"), ("MG", "Madagascar"), ("MU", "Maurice"),
    ("DZ", "Algérie"), ("CI", "Côte d'Ivoire"), ("IN", "Inde"), ("PH", "Philippines"), ("CN", "Chine"),
    ("SG", "Singapour"), ("AU", "Australie"), ("TR", "Turquie"), ("BR", "Brésil"), ("RU", "Russie"),
]


def seed(apps, schema_editor):
    def fill(model_name, rows, fields):
        model = apps.get_model("register", model_name)
        for position, row in enumerate(rows, start=1):
            values = dict(zip(fields, row))
            code = values.pop("code")
            model.objects.update_or_create(code=code, defaults={**values, "position": position})

    fill("DataCategory", DATA_CATEGORIES, ("code", "label", "is_sensitive", "article"))
    fill("DataSubjectCategory", DATA_SUBJECT_CATEGORIES, ("code", "label"))
    fill("RecipientCategory", RECIPIENT_CATEGORIES, ("code", "label"))
    fill("SecurityMeasureCategory", SECURITY_MEASURE_CATEGORIES, ("code", "label"))
    fill("TransferSafeguard", TRANSFER_SAFEGUARDS, ("code", "label", "article"))

    country = apps.get_model("register", "Country")
    for rows, eu, adequate in ((EU_EEA, True, False), (ADEQUATE, False, True), (OTHER_COUNTRIES, False, False)):
        for code, name in rows:
            country.objects.update_or_create(
                code=code, defaults={"name": name, "is_eu_eea": eu, "has_adequacy_decision": adequate}
            )


class Migration(migrations.Migration):
    dependencies = [("register", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
