"""Forms of the register's screens: the fiche form and its line formsets."""

from .fiche import FicheForm
from .treatment import TreatmentForm

__all__ = ["FicheForm", "TreatmentForm"]
