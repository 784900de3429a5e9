"""The findings page of the register on the demo data, as the DPO reaches it from the menu,
filtered, refused and in English, and the fiche page with its score: no WCAG 2.1 A/AA
violation and valid HTML (the accessibility audit of test_accessibility.py, for these pages)."""

import pytest
from django.core.management import call_command

from register.models import Treatment
from tests.browser.audit import Audit

PASSWORD = "demo-browser-pass-42"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_findings_pages(live_server, page, log_in, tmp_path):
    call_command("load_demo", password=PASSWORD, verbosity=0)
    audit = Audit(page, tmp_path / "pages")
    log_in("dpo", PASSWORD)
    page.get_by_role("link", name="Constats", exact=True).click()  # the menu entry, not a dashboard figure
    audit.check("findings")
    page.get_by_label("Gravité").select_option("blocking")
    page.get_by_role("button", name="Filtrer").click()
    audit.check("findings-blocking")
    assert "severity=blocking" in page.url
    page.goto(f"{live_server.url}/conformite/constats/?kind=operation&role=processor")
    audit.check("findings-operations")
    page.goto(f"{live_server.url}/conformite/constats/?severity=grave&rule=%3Cscript%3E")
    audit.check("findings-refused-filter", expected_status=400)
    fiche = Treatment.objects.order_by("reference").first()
    page.goto(f"{live_server.url}/registre/{fiche.reference}/")
    audit.check("fiche-with-score")
    page.goto(f"{live_server.url}/conformite/constats/")
    page.get_by_role("button", name="EN").click()
    audit.check("findings-in-english")
    audit.assert_clean()
