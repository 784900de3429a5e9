"""The CNIL register template's layout: its sheets and the labels it finds its way by.

The CNIL's simplified register (reference: shared/reference/cnil-registre-template.ods)
is a French spreadsheet: an overview sheet "Liste des traitements" and one sheet per fiche
whose labels sit in column A with the values to their right. The export writes these
labels and the import finds its way by them, so they live here once. They are plain
French strings on purpose, not translated: they are the file format that DPOs exchange.
"""

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
CONSENT_PROOF = "Recueil et preuve du consentement"
PHONE_PROSPECTION = "Prospection téléphonique de consommateurs"
CONTRACT_EXCEPTION = "Appels dans le cadre d'un contrat en cours"
RECORDING_INFORMATION = "Information avant l'enregistrement des appels"
RECORDING_OBJECTION = "Opposition à l'enregistrement possible"
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
CALL_RECORDING_COLUMN = "Enregistrement d'appels"  # not in the CNIL template: the 6-month rule's flag
NATURE_COLUMN = "Nature des données"  # not in the CNIL template: the line's CNIL retention reference

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
