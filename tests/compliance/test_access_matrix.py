"""Role × URL matrix for every page of the compliance app.

Roles: the register's three, a member of staff without any role, a superuser, and anonymous
visitors. Every URL of compliance.urls must have a row in URL_RULES; refused POSTs write nothing.
"""

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.urls import reverse

from compliance import urls as compliance_urls
from tests.conftest import make_treatment, make_user

from .test_dpia_access_matrix import URL_RULES as DPIA_URL_RULES  # the DPIA and risk pages' own matrix

pytestmark = pytest.mark.django_db

READERS = ("manager", "auditor", "dpo", "superuser")
ROLES = (*READERS, "nobody")


@dataclass(frozen=True)
class Rule:
    allowed: tuple
    method: str = "get"
    kwargs: tuple = ()
    query: str = ""
    status: int = 200
    refused: int = 403  # the answer to a role not allowed
    anonymous: int = 302  # to the login page


READ = Rule(allowed=READERS)
FICHE = "T-900"  # the fiche each test makes, for the pages of one fiche
OF_THE_FICHE = (("reference", FICHE),)

URL_RULES = {
    # The dashboard, home page of the register's readers.
    "dashboard": READ,
    # The findings of the whole register, and their exports.
    "findings": READ,
    "findings_export": Rule(allowed=READERS, kwargs=(("export_format", "ods"),)),
    # The awareness documents of a fiche (issue 12, point 7).
    "notice": Rule(allowed=READERS, kwargs=OF_THE_FICHE),
    "notice_pdf": Rule(allowed=READERS, kwargs=OF_THE_FICHE),
    "announcement": Rule(allowed=READERS, kwargs=OF_THE_FICHE),
    "announcement_pdf": Rule(allowed=READERS, kwargs=OF_THE_FICHE),
    "reflex_pdf": Rule(allowed=READERS, kwargs=OF_THE_FICHE),
}
EXTRA_REQUESTS = [
    ("findings", Rule(allowed=READERS, query="severity=blocking&kind=fiche&role=controller")),
    ("findings", Rule(allowed=READERS, query="severity=grave", status=400)),
    ("findings_export", Rule(allowed=READERS, kwargs=(("export_format", "pdf"),))),
    ("findings_export", Rule(allowed=READERS, kwargs=(("export_format", "ods"),), query="rule=nope", status=400)),
    ("notice", Rule(allowed=READERS, kwargs=OF_THE_FICHE, query="variante=questionnaire")),
    ("notice", Rule(allowed=READERS, kwargs=OF_THE_FICHE, query="variante=affiche", status=400)),
    ("notice_pdf", Rule(allowed=READERS, kwargs=OF_THE_FICHE, query="variante=questionnaire")),
    ("notice", Rule(allowed=READERS, kwargs=OF_THE_FICHE, query="date=2020-01-01", status=404)),  # not yet created
    ("reflex_pdf", Rule(allowed=READERS, kwargs=OF_THE_FICHE, query="date=31/12/2025", status=400)),
    ("announcement", Rule(allowed=(), method="post", kwargs=OF_THE_FICHE, refused=405, anonymous=405)),
    # Read-only pages: a POST is refused whoever sends it, before anything is read.
    ("dashboard", Rule(allowed=(), method="post", refused=405, anonymous=405)),
    ("findings", Rule(allowed=(), method="post", refused=405, anonymous=405)),
    (
        "findings_export",
        Rule(allowed=(), method="post", kwargs=(("export_format", "ods"),), refused=405, anonymous=405),
    ),
]


def patterns():
    return {pattern.name: pattern for pattern in compliance_urls.urlpatterns}


def cases():
    by_name = patterns()
    found = [(name, rule) for name, rule in URL_RULES.items() if name in by_name]
    return found + [(name, rule) for name, rule in EXTRA_REQUESTS if name in by_name]


CASES = cases()
CASE_IDS = [
    f"{name}-{rule.method}-{dict(rule.kwargs).get('export_format', '')}{'?' + rule.query if rule.query else ''}"
    for name, rule in CASES
]


def test_every_compliance_url_is_classified():
    names = set(patterns())
    assert None not in names
    classified = URL_RULES.keys() | DPIA_URL_RULES.keys()
    assert names - classified == set(), "add these URLs to URL_RULES (or to test_dpia_access_matrix's)"
    assert classified - names == set(), "URL_RULES names URLs that no longer exist"


def call(http, name, rule):
    url = reverse(f"compliance:{name}", kwargs=dict(rule.kwargs)) + (f"?{rule.query}" if rule.query else "")
    return http.post(url, {"severity": "blocking"}) if rule.method == "post" else http.get(url)


def every_row():
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in ("compliance", "register", "processes", "incidents")
    }


def user_for(request, role):
    if role == "nobody":
        return make_user("nobody", is_staff=True)
    return request.getfixturevalue("superuser" if role == "superuser" else f"{role}_user")


@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_anonymous_is_sent_to_login(client, name, rule):
    make_treatment(reference=FICHE)
    response = call(client, name, rule)
    assert response.status_code == rule.anonymous
    if rule.anonymous == 302:
        assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_each_role_gets_what_its_rights_allow(request, client, role, name, rule):
    make_treatment(reference=FICHE)
    client.force_login(user_for(request, role))
    before = every_row()

    response = call(client, name, rule)

    assert response.status_code == (rule.status if role in rule.allowed else rule.refused)
    if rule.method == "post":
        assert every_row() == before, "a refused POST changed the database"


def nav_links(http):
    html = http.get(reverse("incidents:report")).content.decode()  # a page every member of staff opens
    nav = html[html.index('<ul class="navbar-nav') : html.index("</ul>")]
    return re.findall(r'class="nav-link[^"]*"[^>]*>([^<]+)</a>', nav)


@pytest.mark.parametrize("role", ROLES)
def test_the_dashboard_entry_comes_first_for_readers_only(request, client, role):
    client.force_login(user_for(request, role))
    links = nav_links(client)
    if role in READERS:
        assert links[0] == "Tableau de bord"
    else:
        assert "Tableau de bord" not in links


@pytest.mark.parametrize("role", ROLES)
def test_the_findings_entry_shows_to_those_who_may_read_it_after_the_register(request, client, role):
    client.force_login(user_for(request, role))
    links = nav_links(client)
    if role in READERS:
        assert links.index("Constats") == links.index("Registre") + 1
    else:
        assert "Constats" not in links
