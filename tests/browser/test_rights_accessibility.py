"""The data-subject request pages have no WCAG 2.1 A/AA violation and valid HTML (same audit as
tests/browser/test_accessibility.py), on the CentreCall demo, the refused form included."""

import pytest
from django.core.management import call_command

from rights.models import DataSubjectRequest
from tests.browser.audit import Audit

PASSWORD = "demo-browser-pass-42"
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def audit(page, tmp_path):
    return Audit(page, tmp_path / "pages")


def test_request_pages(live_server, page, log_in, audit):
    call_command("load_demo", password=PASSWORD, verbosity=0)
    number = DataSubjectRequest.objects.order_by("number").first().number
    log_in("dpo", PASSWORD)
    for name, path in [
        ("requests", "/demandes/"),
        ("requests-filtered", "/demandes/?kind=objection&status=answered&overdue=on"),
        ("request", f"/demandes/{number}/"),
        ("request-edit", f"/demandes/{number}/modifier/"),
        ("request-new", "/demandes/nouvelle/"),
    ]:
        page.goto(f"{live_server.url}{path}")
        audit.check(name)
    page.get_by_role("button", name="Enregistrer").click()
    audit.check("request-refused", expected_status=400)
    audit.assert_clean()
