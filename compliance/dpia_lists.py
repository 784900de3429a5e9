"""The two lists a DPIA screening reads: the EDPB criteria of WP248 and the CNIL list of
processing types for which a DPIA is always required (art. 35(4)).

Kept as data, each item with its source, so the screening form, the rules, the exports and
the tests read the same list.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The CNIL's list adopted under art. 35(4): délibération n° 2018-327 du 11 octobre 2018.
CNIL_LIST_SOURCE = _(
    "Liste CNIL des types d'opérations de traitement pour lesquelles une AIPD est requise "
    "(délibération n° 2018-327 du 11 octobre 2018)"
)
WP248_SOURCE = _("Lignes directrices du CEPD sur l'AIPD (WP248 rév. 01)")


class Criterion(models.TextChoices):
    """The nine criteria of WP248 (III.B.a); two or more: a DPIA is in principle required."""

    EVALUATION = "evaluation", _("Évaluation ou notation, y compris le profilage")
    AUTOMATED_DECISION = "automated_decision", _("Décision automatisée avec effet juridique ou effet similaire")
    SYSTEMATIC_MONITORING = "systematic_monitoring", _("Surveillance systématique")
    SENSITIVE_DATA = "sensitive_data", _("Données sensibles ou à caractère hautement personnel")
    LARGE_SCALE = "large_scale", _("Données traitées à grande échelle")
    MATCHING = "matching", _("Croisement ou combinaison d'ensembles de données")
    VULNERABLE_SUBJECTS = "vulnerable_subjects", _("Personnes vulnérables (salariés, enfants, patients…)")
    INNOVATIVE_USE = "innovative_use", _("Usage innovant ou application de nouvelles technologies")
    PREVENTS_RIGHT = (
        "prevents_right",
        _("Traitement empêchant d'exercer un droit ou de bénéficier d'un service ou d'un contrat"),
    )


CRITERIA_FOR_A_DPIA = 2  # WP248: « dans la plupart des cas », deux critères ou plus


class CnilDpiaType(models.TextChoices):
    """The fourteen types of the CNIL's list: a processing of one of them needs a DPIA
    whatever the number of criteria."""

    HEALTH_CARE = (
        "health_care",
        _(
            "Traitements de données de santé mis en œuvre par les établissements de santé ou médico-sociaux pour la "
            "prise en charge des personnes"
        ),
    )
    GENETIC_VULNERABLE = (
        "genetic_vulnerable",
        _(
            "Traitements portant sur des données génétiques de personnes dites « vulnérables » (patients, employés, "
            "enfants…)"
        ),
    )
    HR_PROFILING = (
        "hr_profiling",
        _("Traitements établissant des profils de personnes physiques à des fins de gestion des ressources humaines"),
    )
    EMPLOYEE_MONITORING = (
        "employee_monitoring",
        _("Traitements ayant pour finalité de surveiller de manière constante l'activité des employés concernés"),
    )
    SOCIAL_ALERTS = (
        "social_alerts",
        _("Traitements ayant pour finalité la gestion des alertes et des signalements en matière sociale et sanitaire"),
    )
    PROFESSIONAL_ALERTS = (
        "professional_alerts",
        _("Traitements ayant pour finalité la gestion des alertes et des signalements en matière professionnelle"),
    )
    HEALTH_WAREHOUSE = (
        "health_warehouse",
        _("Traitements des données de santé nécessaires à la constitution d'un entrepôt de données ou d'un registre"),
    )
    CONTRACT_EXCLUSION_PROFILING = (
        "contract_exclusion_profiling",
        _(
            "Traitements impliquant le profilage des personnes pouvant aboutir à leur exclusion du bénéfice d'un "
            "contrat ou à la suspension voire à la rupture de celui-ci"
        ),
    )
    SHARED_BREACHES = (
        "shared_breaches",
        _(
            "Traitements mutualisés de manquements contractuels constatés, susceptibles d'aboutir à une décision "
            "d'exclusion ou de suspension du bénéfice d'un contrat"
        ),
    )
    EXTERNAL_PROFILING = (
        "external_profiling",
        _("Traitements de profilage faisant appel à des données provenant de sources externes"),
    )
    BIOMETRIC_VULNERABLE = (
        "biometric_vulnerable",
        _(
            "Traitements de données biométriques aux fins de reconnaissance des personnes parmi lesquelles figurent "
            "des personnes dites « vulnérables » (élèves, personnes âgées, patients, demandeurs d'asile…)"
        ),
    )
    SOCIAL_HOUSING = "social_housing", _("Instruction des demandes et gestion des logements sociaux")
    SOCIAL_SUPPORT = (
        "social_support",
        _("Traitements ayant pour finalité l'accompagnement social ou médico-social des personnes"),
    )
    LARGE_SCALE_LOCATION = "large_scale_location", _("Traitements de données de localisation à large échelle")
