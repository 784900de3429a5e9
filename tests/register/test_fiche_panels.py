"""register.fiche_panels: other apps' panels on a fiche's page, without the register importing them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from register import fiche_panels
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    def context(treatment, *, user, as_of=None):
        return None if as_of else {"operations": [f"opération de {treatment.reference}"]}

    fiche_panels.add_panel("processes/fiche_panel.html", context)
    fiche_panels.add_panel("processes/fiche_panel.html", context)  # twice: kept once
    yield context
    fiche_panels._panels.remove(fiche_panels.Panel("processes/fiche_panel.html", context))


def test_a_panel_is_added_once_and_gets_the_fiche(panel):
    treatment = make_treatment(reference="T-080")
    ours = [
        p
        for p in fiche_panels.panels_for(treatment, user=AnonymousUser())
        if p.context.get("operations", [None])[0] == "opération de T-080"
    ]
    assert len(ours) == 1 and ours[0].template == "processes/fiche_panel.html"


def test_a_panel_whose_context_is_none_is_not_shown(panel):
    from datetime import date

    treatment = make_treatment(reference="T-081")
    shown = fiche_panels.panels_for(treatment, user=AnonymousUser(), as_of=date(2024, 6, 30))
    assert all(p.context.get("operations", [None])[0] != "opération de T-081" for p in shown)
