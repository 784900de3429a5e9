"""The counters behind references numbered in order of creation (see register/numbering.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceCounter(models.Model):
    """The last number given in one sequence: fiches, or the operations of one process."""

    scope = models.CharField(_("séquence"), max_length=100, unique=True)
    last_number = models.PositiveIntegerField(_("dernier numéro attribué"), default=0)

    class Meta:
        verbose_name = _("compteur de références")
        verbose_name_plural = _("compteurs de références")

    def __str__(self):
        return f"{self.scope} : {self.last_number}"
