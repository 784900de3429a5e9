"""A member of staff without register rights reports an incident; the DPO qualifies it as a
breach and sees the 72-hour deadline, in Paris time, on the incident's page: aware on
27/03/2026 10:00 (CET), 72 real hours later is 30/03/2026 11:00 (CEST) across the spring
change; the breach then stands in the breach register."""

import re

import pytest
from playwright.sync_api import expect

from incidents.models import Incident
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_staff_member_reports_and_the_dpo_qualifies_a_breach_and_sees_its_deadline(live_server, new_page, log_in):
    technician = make_user("david")
    technician.first_name, technician.last_name = "David", "Blanc"
    technician.save()
    make_user("dpo", "DPO", is_staff=True)

    staff = log_in("david", on=new_page())
    staff.get_by_role("link", name="Signaler un incident").first.click()
    staff.get_by_label("Date de l'incident").fill("27/03/2026 09:30")
    staff.get_by_label("Votre fonction").fill("Technicien informatique")
    staff.get_by_label("Application concernée").fill("ComPlus")
    staff.get_by_label("Canal de collecte").select_option("mobile_json")
    staff.get_by_label("Objet").fill("Dates inversées dans les imports JSON")
    staff.get_by_label("Message").fill("Le jour et le mois sont inversés pour certaines dates.")
    staff.get_by_role("button", name="Envoyer le signalement").click()
    expect(staff.get_by_text("Incident INC-001 signalé")).to_be_visible()
    expect(staff.get_by_text("Nouveau")).to_be_visible()

    dpo = log_in("dpo", on=new_page())
    dpo.get_by_role("link", name="Incidents", exact=True).click()
    dpo.get_by_role("link", name="INC-001").click()
    dpo.get_by_role("link", name="Qualifier et mettre à jour").click()
    dpo.get_by_label("Violation de données personnelles (art. 4(12))").select_option("true")
    dpo.get_by_label("Atteinte à l'intégrité").check()
    dpo.get_by_label("Niveau de risque", exact=True).select_option("risk")
    dpo.get_by_label("Prise de connaissance", exact=True).fill("27/03/2026 10:00")
    dpo.get_by_role("button", name="Enregistrer").click()

    expect(dpo).to_have_url(re.compile(r"/incidents/1/$"))
    expect(dpo.locator(".notification-deadline")).to_have_text("30/03/2026 11:00")
    expect(dpo.locator(".deadline-card .countdown")).to_contain_text("dépassé de")
    expect(dpo.get_by_text("Violation non notifiée à la CNIL")).to_be_visible()
    assert Incident.objects.get().is_breach

    dpo.goto(f"{live_server.url}/incidents/violations/")
    expect(dpo.get_by_text("INC-001").first).to_be_visible()
    expect(dpo.get_by_text("Dates inversées dans les imports JSON").first).to_be_visible()
