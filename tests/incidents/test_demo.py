"""The two ComPlus tickets of the CentreCall case, loaded by load_demo through the app's hook."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from incidents.models import Incident
from register import compliance
from register.demo import load_demo

pytestmark = pytest.mark.django_db


def test_load_demo_brings_the_two_complus_tickets_as_the_case_tells_them():
    load_demo()

    first, second = Incident.objects.order_by("occurred_at")
    assert timezone.localtime(first.occurred_at).date().isoformat() == "2020-05-20"
    assert (first.reporter_name, first.reporter_role, first.subject) == (
        "David Blanc",
        "Technicien informatique",
        "Bugs liés au typage des données",
    )
    assert "inversion pour certaines dates entre le mois et le jour" in first.message
    assert timezone.localtime(second.occurred_at).date().isoformat() == "2020-06-14"
    assert (second.reporter_name, second.reporter_role) == ("Christophe Vicq", "Call manager")
    for ticket in (first, second):
        assert ticket.is_breach and ticket.integrity and not ticket.confidentiality
        assert "5(1)(d)" in ticket.breach_reasoning
        assert "T-007" in [fiche.reference for fiche in ticket.treatments.all()]
        assert ticket.source_application == "ComPlus"
        assert compliance.findings_for(ticket) == []
    entry = "Saisir les réponses au questionnaire dans l'application de collecte"
    assert [(o.reference, o.description) for o in first.operations.all()] == [("OP-02", entry)]
    assert [o.description for o in second.operations.order_by("position")] == [
        "Enregistrement d'un appel téléphonique",
        entry,
    ]
    assert sorted(fiche.reference for fiche in first.treatments.all()) == ["T-001", "T-007"]
    assert sorted(fiche.reference for fiche in second.treatments.all()) == ["T-001", "T-002", "T-007"]
    actions = " ".join(a.description for a in Incident.objects.get(pk=first.pk).corrective_actions.all())
    assert "ISO 8601" in actions and "ambiguës" in actions
    actions = " ".join(a.description for a in second.corrective_actions.all())
    assert "Double saisie ou relecture" in actions and "rapprochement" in actions


def test_load_demo_twice_keeps_two_tickets(capsys):
    call_command("load_demo", password="demo-Pass-1234")
    call_command("load_demo", password="demo-Pass-1234")

    assert Incident.objects.count() == 2


def test_the_breach_register_of_2020_shows_the_tickets_filed_by_then():
    from datetime import date

    from incidents.breach_register import BreachRegisterScope

    load_demo()

    assert BreachRegisterScope(as_of=date(2020, 5, 19)).breaches() == []
    (first,) = BreachRegisterScope(as_of=date(2020, 5, 31)).breaches()
    assert first.subject == "Bugs liés au typage des données"
    assert "T-007" in [fiche.reference for fiche in first.treatments.all()]
    assert len(first.corrective_actions.all()) == 2
    assert len(BreachRegisterScope(as_of=date(2020, 6, 30)).breaches()) == 2
