"""A user opens the app loaded with the CentreCall demo, as `make run` leaves it."""

import pytest
from django.core.management import call_command

PASSWORD = "demo-browser-pass-42"


# The catalogs and role groups come from data migrations: keep them across flushes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo():
    call_command("load_demo", password=PASSWORD, verbosity=0)


def test_demo_dpo_finds_the_centrecall_register(demo, live_server, page, log_in, artifacts):
    log_in("dpo", PASSWORD)
    page.get_by_role("link", name="Registre", exact=True).click()
    rows = page.locator("table.table-register tbody tr")
    assert rows.count() >= 5
    assert page.get_by_text("Études de marché pour le compte de clients").count() == 1
    page.get_by_role("link", name="T-001").click()
    page.wait_for_url(f"{live_server.url}/registre/T-001/")
    assert "smartphone" in page.content()
    page.screenshot(path=str(artifacts / "demo-fiche-T-001.png"), full_page=True)


def test_demo_auditor_browses_the_admin_read_only(demo, live_server, page, log_in):
    log_in("auditor", PASSWORD)
    page.goto(f"{live_server.url}/admin/register/treatment/")
    assert page.get_by_role("link", name="T-003").count() == 1
    assert page.locator("a.addlink").count() == 0
    page.get_by_role("link", name="T-003").click()
    assert page.locator("input[name=_save]").count() == 0
    assert "Gestion du personnel et paie" in page.content()
