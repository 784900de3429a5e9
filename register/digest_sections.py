"""The register's sections of the daily digest (register.digest): reviews due, drafts left aside.

Each reads the register's own rule — Treatment.objects.review_overdue, the twin of the
« Revue en retard » finding, and drafts_left_aside, the twin of « Fiche en brouillon depuis
plus de 30 jours » — so the e-mail and the findings page never disagree.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .digest import DigestItem, add_section
from .models import Treatment
from .models.treatments import DRAFT_MAX_DAYS


def reviews_due(on):
    for fiche in Treatment.objects.review_overdue(on).only("reference", "name", "next_review_date"):
        yield DigestItem(
            _("%(fiche)s : revue en retard depuis le %(date)s")
            % {"fiche": fiche, "date": date_format(fiche.next_review_date, "d/m/Y")},
            fiche.get_absolute_url(),
            fiche.next_review_date,
        )


def drafts_left_aside(on):
    for fiche in Treatment.objects.drafts_left_aside(on).only("reference", "name", "created_at"):
        yield DigestItem(
            _("%(fiche)s : brouillon depuis le %(date)s, plus de %(days)s jours")
            % {"fiche": fiche, "date": date_format(fiche.created_at, "d/m/Y"), "days": DRAFT_MAX_DAYS},
            fiche.get_absolute_url(),
            fiche.created_at,
        )


def add_register_sections():
    add_section("reviews", gettext_lazy("Revues de fiches en retard"), reviews_due, position=10)
    add_section("drafts", gettext_lazy("Brouillons laissés de côté"), drafts_left_aside, position=90)
