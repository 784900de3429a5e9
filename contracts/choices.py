"""The contracts' choice lists, each constant beside the article it comes from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContractDirection(models.TextChoices):
    """Which side of art. 28 CentreCall is on."""

    # CentreCall engages a processor (art. 28(1)), or a sub-processor when it is itself one (art. 28(2), (4)).
    PROCESSOR = "processor", _("Sous-traitant de CentreCall (art. 28(1) et 28(4))")
    # A client controller engages CentreCall as its processor (art. 28(3)).
    CLIENT = "client", _("Client de CentreCall, CentreCall sous-traitant (art. 28(3))")


class Art28Clause(models.TextChoices):
    """What the contract must stipulate, art. 28(3)(a)–(h)."""

    INSTRUCTIONS = "a", _("a) Traitement sur instruction documentée du responsable (art. 28(3)(a))")
    CONFIDENTIALITY = "b", _("b) Confidentialité des personnes autorisées à traiter les données (art. 28(3)(b))")
    SECURITY = "c", _("c) Mesures de sécurité de l'article 32 (art. 28(3)(c))")
    SUB_PROCESSORS = "d", _("d) Sous-traitants ultérieurs avec autorisation préalable (art. 28(3)(d), 28(2) et 28(4))")
    RIGHTS = "e", _("e) Aide pour répondre aux demandes d'exercice des droits (art. 28(3)(e))")
    COMPLIANCE = "f", _("f) Aide au respect des articles 32 à 36 (art. 28(3)(f))")
    END_OF_CONTRACT = "g", _("g) Suppression ou restitution des données en fin de contrat (art. 28(3)(g))")
    AUDITS = "h", _("h) Informations et audits (art. 28(3)(h))")

    @property
    def field_name(self):
        return f"clause_{self.value}"

    @property
    def article(self):
        return f"art. 28(3)({self.value})"


class SubProcessorAuthorisation(models.TextChoices):
    """How the controller authorised a sub-processor (art. 28(2))."""

    SPECIFIC = "specific", _("Autorisation écrite spécifique (art. 28(2))")
    GENERAL = "general", _("Autorisation écrite générale, changements notifiés (art. 28(2))")
    NONE = "none", _("Pas d'autorisation préalable")
