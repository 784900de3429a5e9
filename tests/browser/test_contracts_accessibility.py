"""The contract pages, and a fiche page with its contracts panel, have no WCAG 2.1 A/AA violation
and valid HTML (same audit as tests/browser/test_accessibility.py), on the CentreCall demo."""

import pytest
from django.core.management import call_command

from contracts.models import Contract
from tests.browser.audit import Audit

PASSWORD = "demo-browser-pass-42"
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def audit(page, tmp_path):
    return Audit(page, tmp_path / "pages")


def test_contract_pages(live_server, page, log_in, audit):
    call_command("load_demo", password=PASSWORD, verbosity=0)
    number = Contract.objects.get(organisation__name="Hexanet Hébergement").number
    log_in("dpo", PASSWORD)
    for name, path in [
        ("contracts", "/contrats/"),
        ("contracts-filtered", "/contrats/?q=osiris&attention=on"),
        ("contract", f"/contrats/{number}/"),
        ("contract-edit", f"/contrats/{number}/modifier/"),
        ("contract-new", "/contrats/nouveau/"),
        ("fiche-with-contracts", "/registre/T-007/"),
    ]:
        page.goto(f"{live_server.url}{path}")
        audit.check(name)
    audit.assert_clean()
