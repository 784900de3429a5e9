"""The register's fiches as the history package sees them."""

from django.utils.translation import gettext_lazy as _

from ..models import LINE_TABLES, Organisation, Treatment
from .tracked import Tracked

FICHES = Tracked(
    Treatment,
    lines=LINE_TABLES,
    titles={"created": _("Fiche créée"), "changed": _("Fiche modifiée"), "deleted": _("Fiche supprimée")},
    # Pages and exports of a past register show each organisation's contacts.
    reference_querysets={Organisation: lambda: Organisation.objects.prefetch_related("contacts")},
)
