"""The journal page, as an auditor sees it after logging in (so it has entries), and with a
refused date: no WCAG 2.1 A/AA violation and valid HTML."""

import pytest
from django.core.management import call_command

from tests.browser.audit import Audit

PASSWORD = "demo-browser-pass-42"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_journal_pages(live_server, page, log_in, tmp_path):
    call_command("load_demo", password=PASSWORD, verbosity=0)
    audit = Audit(page, tmp_path / "pages")
    log_in("auditor", PASSWORD)
    page.get_by_role("link", name="Journal").click()
    audit.check("journal")
    page.goto(f"{live_server.url}/journal/?start=31/02/2026")
    audit.check("journal-refused-date", expected_status=400)
    audit.assert_clean()
