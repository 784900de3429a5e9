import pytest

from register import compliance
from register.models import Treatment
from tests.compliance.dashboard_register import flagged


@pytest.fixture
def only_flagged_findings(monkeypatch):
    """The registry holds the test check alone: findings are the ones the fiches' notes ask for."""
    monkeypatch.setattr(compliance, "_registry", [])
    compliance.register_check(flagged, subject=Treatment, label="Constat de test")
