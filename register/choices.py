"""Choice lists of the register, each constant beside the article it comes from.

GDPR = Regulation (EU) 2016/679. CNIL = the French supervisory authority's register
template (simplified register, "registre simplifié").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TreatmentRole(models.TextChoices):
    CONTROLLER = "controller", _("Responsable de traitement")  # art. 4(7), art. 30(1)
    JOINT_CONTROLLER = "joint_controller", _("Responsable conjoint")  # art. 26, art. 30(1)(a)
    PROCESSOR = "processor", _("Sous-traitant")  # art. 4(8), art. 28, art. 30(2)


class TreatmentStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    IN_FORCE = "in_force", _("En vigueur")
    ARCHIVED = "archived", _("Archivé")


ALL_STATUSES = "all"  # the register's filter value for every status, archived fiches included


class LegalBasis(models.TextChoices):
    CONSENT = "consent", _("Consentement (art. 6(1)(a))")
    CONTRACT = "contract", _("Contrat (art. 6(1)(b))")
    LEGAL_OBLIGATION = "legal_obligation", _("Obligation légale (art. 6(1)(c))")
    VITAL_INTERESTS = "vital_interests", _("Intérêts vitaux (art. 6(1)(d))")
    PUBLIC_TASK = "public_task", _("Mission d'intérêt public (art. 6(1)(e))")
    LEGITIMATE_INTERESTS = "legitimate_interests", _("Intérêt légitime (art. 6(1)(f))")


class Art9Exception(models.TextChoices):
    """Exceptions to the ban on processing sensitive data, art. 9(2)(a)–(j)."""

    EXPLICIT_CONSENT = "a", _("a) Consentement explicite (art. 9(2)(a))")
    EMPLOYMENT_LAW = "b", _("b) Droit du travail et de la protection sociale (art. 9(2)(b))")
    VITAL_INTERESTS = "c", _("c) Intérêts vitaux, personne hors d'état de consentir (art. 9(2)(c))")
    NOT_FOR_PROFIT = "d", _("d) Membres d'une fondation, association ou organisme à but non lucratif (art. 9(2)(d))")
    MADE_PUBLIC = "e", _("e) Données manifestement rendues publiques par la personne (art. 9(2)(e))")
    LEGAL_CLAIMS = "f", _("f) Constatation, exercice ou défense d'un droit en justice (art. 9(2)(f))")
    PUBLIC_INTEREST = "g", _("g) Motif d'intérêt public important (art. 9(2)(g))")
    HEALTH_CARE = "h", _("h) Médecine préventive, médecine du travail, soins (art. 9(2)(h))")
    PUBLIC_HEALTH = "i", _("i) Intérêt public dans le domaine de la santé publique (art. 9(2)(i))")
    ARCHIVING_RESEARCH = "j", _("j) Archives, recherche scientifique ou historique, statistiques (art. 9(2)(j))")


class DpiaStatus(models.TextChoices):
    """Where the fiche stands with the impact assessment of art. 35."""

    NOT_ASSESSED = "not_assessed", _("Non évaluée")
    NOT_REQUIRED = "not_required", _("Non requise")
    REQUIRED = "required", _("Requise, à réaliser")
    IN_PROGRESS = "in_progress", _("En cours")
    DONE = "done", _("Réalisée")


class RetentionUnit(models.TextChoices):
    DAYS = "days", _("jours")
    MONTHS = "months", _("mois")
    YEARS = "years", _("ans")


class RetentionStart(models.TextChoices):
    """The event that starts a retention period (CNIL: duration + starting point)."""

    COLLECTION = "collection", _("la collecte")
    LAST_CONTACT = "last_contact", _("le dernier contact")
    END_OF_CONTRACT = "end_of_contract", _("la fin du contrat")
    END_OF_CALL = "end_of_call", _("l'enregistrement de l'appel")
    OTHER = "other", _("autre événement")


class RetentionEnd(models.TextChoices):
    """What happens when the period ends (art. 5(1)(e), storage limitation)."""

    DELETION = "deletion", _("Suppression")
    ANONYMISATION = "anonymisation", _("Anonymisation")
    INTERMEDIATE_ARCHIVE = "intermediate_archive", _("Archivage intermédiaire")


class DataNature(models.TextChoices):
    """What a data line holds when the CNIL gives it a reference retention period (reference
    section 6); call recordings have their own flag, the other lines none of these."""

    RECORDING_ANALYSIS = "recording_analysis", _("Document d'analyse des enregistrements (grille d'évaluation)")
    VIDEO = "video", _("Images de vidéosurveillance")
    PAYROLL = "payroll", _("Données de paie")
    ACCOUNTING = "accounting", _("Pièces comptables")


class DataSource(models.TextChoices):
    DATA_SUBJECT = "data_subject", _("La personne concernée")  # art. 13
    THIRD_PARTY = "third_party", _("Un tiers")  # art. 14


class OrganisationKind(models.TextChoices):
    SELF = "self", _("CentreCall (notre organisation)")
    CLIENT = "client", _("Client")
    PROCESSOR = "processor", _("Sous-traitant")
    PARTNER = "partner", _("Partenaire")
    OTHER = "other", _("Autre")


class ContactRole(models.TextChoices):
    LEGAL_REPRESENTATIVE = "legal_representative", _("Représentant légal")  # art. 30(1)(a)
    DPO = "dpo", _("Délégué à la protection des données")  # art. 37–39
    EU_REPRESENTATIVE = "eu_representative", _("Représentant dans l'UE")  # art. 27
    OTHER = "other", _("Autre contact")
