"""Role × URL matrix for the DPIA screening and risk pages of the compliance app
(tests/processes/test_access_matrix.py's approach; test_access_matrix.py holds the other pages'
rows and checks that every URL has one here or there).

Roles: the register's three, a member of staff without any role, a superuser. Refused POSTs
must write nothing.
"""

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.urls import reverse

from compliance import urls as compliance_urls
from tests.conftest import make_treatment, make_user

from .factories import assess
from .test_risk_pages import risk_post

pytestmark = pytest.mark.django_db

ROLES = ("manager", "auditor", "dpo", "nobody", "superuser")
READERS = ("manager", "auditor", "dpo", "superuser")
WRITERS = ("dpo", "superuser")


@dataclass(frozen=True)
class Rule:
    allowed: tuple
    method: str = "get"
    status: int = 200
    data: object = ()


URL_RULES = {
    "screening": Rule(READERS),
    "screening_new": Rule(WRITERS),
    "risks": Rule(READERS),
    "risks_edit": Rule(WRITERS),
    "register_risks": Rule(READERS),
    "register_risks_pdf": Rule(READERS),
}
EXTRA_REQUESTS = [
    ("screening_new", Rule(WRITERS, method="post", status=302, data={"evaluation": "on", "matching": "on"})),
    ("screening_new", Rule(WRITERS, method="post", status=400, data={"cnil_types": "invente"})),
    (
        "risks_edit",
        Rule(WRITERS, method="post", status=302, data=risk_post(1, access={"severity": 4, "likelihood": 4})),
    ),
    ("screening", Rule((), method="post", status=405)),
    ("register_risks", Rule((), method="post", status=405)),
]


def patterns():
    return {pattern.name: pattern for pattern in compliance_urls.urlpatterns}


def test_every_dpia_url_still_exists():  # test_access_matrix.py checks that every URL is classified
    assert URL_RULES.keys() - set(patterns()) == set()


CASES = list(URL_RULES.items()) + EXTRA_REQUESTS
CASE_IDS = [f"{name}-{rule.method}-{rule.status}" for name, rule in CASES]


def url_for(name, treatment):
    pattern = patterns()[name]
    kwargs = {"reference": treatment.reference} if "reference" in pattern.pattern.converters else {}
    return reverse(f"compliance:{name}", kwargs=kwargs)


def call(http, name, rule, treatment):
    url = url_for(name, treatment)
    return http.post(url, dict(rule.data)) if rule.method == "post" else http.get(url)


def every_row():
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in ("compliance", "register")
    }


def make_target():
    treatment = make_treatment()
    assess(treatment, access=(2, 2, 1, 1))
    return treatment


def user_for(request, role):
    if role == "nobody":
        return make_user("nobody", is_staff=True)
    if role == "superuser":
        return make_user("root", is_staff=True, is_superuser=True)
    return request.getfixturevalue(f"{role}_user")


@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_anonymous_is_sent_to_login(client, name, rule):
    treatment = make_target()
    before = every_row()
    response = call(client, name, rule, treatment)
    if rule.status == 405:
        assert response.status_code == 405
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
    assert every_row() == before


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_each_role_gets_what_its_rights_allow(request, client, role, name, rule):
    treatment = make_target()
    client.force_login(user_for(request, role))
    before = every_row()

    response = call(client, name, rule, treatment)

    expected = rule.status if role in rule.allowed or rule.status == 405 else 403
    assert response.status_code == expected
    if rule.method == "post" and expected != 302:
        assert every_row() == before, "a refused POST changed the database"


def nav_links(http):
    html = http.get(reverse("incidents:report")).content.decode()  # a page every member of staff opens
    nav = html[html.index('<ul class="navbar-nav') : html.index("</ul>")]
    return re.findall(r'class="nav-link[^"]*"[^>]*>(Risques)</a>', nav)


@pytest.mark.parametrize(
    ("role", "entries"), [("manager", ["Risques"]), ("auditor", ["Risques"]), ("dpo", ["Risques"]), ("nobody", [])]
)
def test_each_role_sees_the_risks_entry_its_rights_allow(request, client, role, entries):
    client.force_login(user_for(request, role))
    assert nav_links(client) == entries
