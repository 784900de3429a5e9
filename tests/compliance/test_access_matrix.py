"""Role × URL matrix for every page of the compliance app.

Roles: the register's three, plus a member of staff without any role. Every URL of
compliance.urls must have a row in URL_RULES.
"""

import re
from dataclasses import dataclass

import pytest
from django.urls import reverse

from compliance import urls as compliance_urls
from tests.conftest import make_treatment, make_user

pytestmark = pytest.mark.django_db

ROLES = ("manager", "auditor", "dpo", "nobody")
READERS = ("manager", "auditor", "dpo")


@dataclass(frozen=True)
class Rule:
    allowed: tuple
    method: str = "get"
    query: str = ""
    status: int = 200


READ = Rule(allowed=READERS)

URL_RULES = {
    "dashboard": READ,
}
EXTRA_REQUESTS = [
    ("dashboard", Rule(allowed=(), method="post", status=405)),  # read only: refused to all
]


def compliance_patterns():
    return list(compliance_urls.urlpatterns)


def requests_to_try():
    by_name = {pattern.name: pattern for pattern in compliance_patterns()}
    cases = [(name, rule) for name, rule in URL_RULES.items() if name in by_name]
    cases += [(name, rule) for name, rule in EXTRA_REQUESTS if name in by_name]
    return cases


CASES = requests_to_try()
CASE_IDS = [f"{name}-{rule.method}{'?' + rule.query if rule.query else ''}" for name, rule in CASES]


def test_every_compliance_url_is_classified():
    names = {pattern.name for pattern in compliance_patterns()}
    assert None not in names
    assert names - URL_RULES.keys() == set(), "add these URLs to URL_RULES"
    assert URL_RULES.keys() - names == set(), "URL_RULES names URLs that no longer exist"


def call(http, name, rule):
    url = reverse(f"compliance:{name}") + (f"?{rule.query}" if rule.query else "")
    return http.post(url) if rule.method == "post" else http.get(url)


@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_anonymous_is_sent_to_login(client, name, rule):
    response = call(client, name, rule)
    if rule.method == "post" and rule.status == 405:
        assert response.status_code == 405
        return
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_each_role_gets_what_its_rights_allow(request, client, role, name, rule):
    user = request.getfixturevalue(f"{role}_user") if role in READERS else make_user(role, is_staff=True)
    make_treatment()
    client.force_login(user)
    response = call(client, name, rule)
    if rule.status == 405:
        assert response.status_code == 405
    else:
        assert response.status_code == (rule.status if role in rule.allowed else 403)


COMPLIANCE_ENTRIES = ("Tableau de bord",)


def nav_links(http):
    html = http.get(reverse("incidents:report")).content.decode()  # a page every member of staff opens
    nav = html[html.index('<ul class="navbar-nav') : html.index("</ul>")]
    return re.findall(r'class="nav-link[^"]*"[^>]*>([^<]+)</a>', nav)


@pytest.mark.parametrize("role", ROLES)
def test_the_dashboard_entry_comes_first_for_readers_only(request, client, role):
    client.force_login(request.getfixturevalue(f"{role}_user") if role in READERS else make_user(role, is_staff=True))
    links = nav_links(client)
    if role in READERS:
        assert links[0] == "Tableau de bord"
    else:
        assert not set(COMPLIANCE_ENTRIES) & set(links)
