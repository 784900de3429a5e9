"""Admin: every register table, searchable and filterable.

The Auditor group holds only view permissions, so Django shows every changelist and
change page read-only to them and offers no add, change or delete; base.RegisterAdmin
refuses their POSTs too, on the pages where Django or django-simple-history would not.
Lines, contacts, sites and departments are shown on their own but change only within
their fiche or organisation; catalog rows and organisations that fiches use are not
deleted.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import auth, catalogs, logins, organisations, treatments  # noqa: F401  (registers the admins)

admin.site.site_header = _("CentreCall · Registre RGPD")
admin.site.site_title = _("Registre RGPD")
