"""The process and collection-form pages, for the roles that see them, have no WCAG 2.1 A/AA
violation and valid HTML (same audit as tests/browser/test_accessibility.py), on the CentreCall demo."""

import pytest
from django.core.management import call_command

from processes.models import CollectionForm, Process
from tests.browser.audit import Audit

PASSWORD = "demo-browser-pass-42"
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def audit(page, tmp_path):
    return Audit(page, tmp_path / "pages")


def test_process_pages(live_server, page, log_in, audit):
    call_command("load_demo", password=PASSWORD, verbosity=0)
    process = Process.objects.order_by("pk").first().pk
    form = CollectionForm.objects.order_by("pk").first().pk
    log_in("dpo", PASSWORD)
    for name, path in [
        ("processes", "/processus/"),
        ("processes-searched", "/processus/?q=etude"),
        ("process", f"/processus/{process}/"),
        ("process-operations", f"/processus/{process}/operations/"),
        ("process-editor", f"/processus/{process}/modifier/"),
        ("collection-forms", "/processus/formulaires/"),
        ("collection-form", f"/processus/formulaires/{form}/"),
        ("collection-form-editor", f"/processus/formulaires/{form}/modifier/"),
    ]:
        page.goto(f"{live_server.url}{path}")
        audit.check(name)
    Process.objects.filter(pk=process).update(version=99)  # another DPO saved meanwhile
    page.goto(f"{live_server.url}/processus/{process}/modifier/")
    Process.objects.filter(pk=process).update(version=100)
    page.get_by_role("button", name="Enregistrer et voir le processus").click()
    audit.check("process-editor-conflict", expected_status=409)
    audit.assert_clean()


def test_process_pages_as_a_manager(live_server, page, log_in, audit):
    call_command("load_demo", password=PASSWORD, verbosity=0)
    process = Process.objects.order_by("pk").first().pk
    log_in("manager", PASSWORD)
    for name, path in [("manager-process", f"/processus/{process}/"), ("manager-forms", "/processus/formulaires/")]:
        page.goto(f"{live_server.url}{path}")
        audit.check(name)
    audit.assert_clean()
