"""Role × URL matrix of the audit app: the journal and its export are for the DPO, the
auditors and a superuser; a URL of audit.urls without a row here fails the test."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from audit import urls as audit_urls
from audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "staff", "manager", "auditor", "dpo", "superuser")
READERS = ("auditor", "dpo", "superuser")
# URL name → (query string, what a reader gets)
URL_RULES = {
    "journal": ("", 200),
    "export": ("", 200),
}
EXTRA_REQUESTS = [
    ("journal", "start=31/02/2026", 400),
    ("export", "end=5/6/20", 400),
]


def client_for(role):
    http = Client()
    if role == "anonymous":
        return http
    groups = {"manager": "Manager", "auditor": "Auditor", "dpo": "DPO"}
    user = User.objects.create(username=f"journal-{role}", is_staff=role != "manager", is_superuser=role == "superuser")
    if role in groups:
        user.groups.add(Group.objects.get(name=groups[role]))
    http.force_login(user)
    return http


def test_every_audit_url_is_classified():
    names = {pattern.name for pattern in audit_urls.urlpatterns}
    assert names == URL_RULES.keys()


CASES = [(name, *rule) for name, rule in URL_RULES.items()] + EXTRA_REQUESTS


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "query", "status"), CASES)
def test_each_role_gets_what_its_rights_allow(role, name, query, status):
    AuditEntry.objects.create(action=AuditAction.LOGIN, username="dpo")
    url = reverse(f"audit:{name}") + (f"?{query}" if query else "")
    http = client_for(role)
    before = AuditEntry.objects.count()
    response = http.get(url)
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == (status if role in READERS else 403)
    written = AuditEntry.objects.count() - before
    assert written == (1 if role in READERS and name == "export" and status == 200 else 0)  # the export's own entry
    assert http.post(url).status_code in (302, 403, 405)
    assert AuditEntry.objects.filter(username="dpo", action=AuditAction.LOGIN).count() == 1


@pytest.mark.parametrize("role", ROLES[1:])
def test_the_menu_offers_the_journal_to_those_who_may_read_it(role):
    response = client_for(role).get(reverse("incidents:report"))
    assert (reverse("audit:journal") in response.content.decode()) == (role in READERS)
