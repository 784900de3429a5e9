"""What a generated document needs and the fiche does not give: one `Gap` per item, with the
place where the DPO fills it in (the field of the fiche's edit form, or the organisation's
page in the administration for a controller's contact details)."""

from dataclasses import dataclass

from django.urls import reverse

from register.checks import edit_link, organisation_link


@dataclass(frozen=True)
class Gap:
    item: str  # the document's item, e.g. « Délégué à la protection des données »
    article: str  # where the law asks for it, e.g. "art. 13(1)(b)"
    message: str  # what the fiche lacks, in French
    url: str = ""  # where to fill it in; empty when the register has no field for it


def fiche_field(treatment, anchor):
    return edit_link(treatment, anchor)


def organisation_field(organisation, field):
    return organisation_link(organisation, field)


def organisation_contacts(organisation):
    """The organisation's page in the administration, at its contacts (where the DPO is entered)."""
    return f"{reverse('admin:register_organisation_change', args=[organisation.pk])}#contacts-group"
