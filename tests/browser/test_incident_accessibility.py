"""The incident pages, for the roles that see them, have no WCAG 2.1 A/AA violation and valid
HTML (same audit as tests/browser/test_accessibility.py), on the CentreCall demo."""

import pytest
from django.core.management import call_command

from incidents.models import Incident
from tests.browser.audit import Audit
from tests.conftest import make_user

PASSWORD = "demo-browser-pass-42"
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def audit(page, tmp_path):
    return Audit(page, tmp_path / "pages")


def test_incident_pages(live_server, page, log_in, audit):
    call_command("load_demo", password=PASSWORD, verbosity=0)
    number = Incident.objects.order_by("number").first().number
    log_in("dpo", PASSWORD)
    for name, path in [
        ("incidents", "/incidents/"),
        ("incidents-filtered", "/incidents/?breach=yes&overdue=on"),
        ("incident", f"/incidents/{number}/"),
        ("incident-qualify", f"/incidents/{number}/qualifier/"),
        ("breach-register", "/incidents/violations/"),
        ("breach-register-2020", "/incidents/violations/?date=2020-06-01"),
        ("notification-draft", f"/incidents/{number}/notification/"),
        ("report", "/incidents/signaler/"),
    ]:
        page.goto(f"{live_server.url}{path}")
        audit.check(name)
    audit.assert_clean()


def test_reporter_pages(live_server, page, log_in, audit):
    make_user("david")
    log_in("david")
    page.goto(f"{live_server.url}/incidents/signaler/")
    page.get_by_role("button", name="Envoyer le signalement").click()
    audit.check("report-refused", expected_status=400)
    page.get_by_label("Date de l'incident").fill("20/05/2020")
    page.get_by_label("Objet").fill("Dates inversées")
    page.get_by_label("Message").fill("Jour et mois inversés.")
    page.get_by_role("button", name="Envoyer le signalement").click()
    audit.check("own-report")
    page.goto(f"{live_server.url}/incidents/mes-signalements/")
    audit.check("my-reports")
    audit.assert_clean()
