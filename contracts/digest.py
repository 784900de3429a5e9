"""The contracts' section of the daily digest (register.digest): contracts ending soon."""

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from register.digest import DigestItem

from .models import Contract


def contracts_expiring(on):
    days = settings.DIGEST_CONTRACT_DAYS
    for contract in Contract.objects.expiring(on, days).select_related("organisation"):
        yield DigestItem(
            _("%(contract)s (%(title)s) : prend fin le %(date)s")
            % {"contract": contract, "title": contract.title, "date": date_format(contract.end_date, "d/m/Y")},
            contract.get_absolute_url(),
            contract.end_date,
        )
