"""Role × URL matrix for every page of the data-subject requests app.

The DPO records and answers requests; managers and auditors read them, their register
exports and their letters; a member of staff without a role gets nothing. Every URL of
rights.urls must have a row in URL_RULES; refused POSTs write nothing.
"""

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.urls import reverse

from rights import urls as rights_urls
from tests.conftest import make_user
from tests.rights.conftest import make_request

pytestmark = pytest.mark.django_db

READERS = ("manager", "auditor", "dpo", "superuser")
ROLES = (*READERS, "nobody")
MANAGERS = ("dpo", "superuser")


@dataclass(frozen=True)
class Rule:
    allowed: tuple
    method: str = "get"
    kwargs: tuple = ()
    query: str = ""
    status: int = 200
    data: tuple = ()
    refused: int = 403
    anonymous: int = 302


READ = Rule(allowed=READERS)
A_REQUEST = (("number", None),)  # filled with the test's request
NEW_REQUEST = (
    ("kind", "access"),
    ("person_name", "Jeanne Martin"),
    ("channel", "email"),
    ("received_on", "02/03/2026"),
    ("status", "received"),
)

URL_RULES = {
    "list": READ,
    "export": Rule(allowed=READERS, kwargs=(("export_format", "ods"),)),
    "create": Rule(allowed=MANAGERS),
    "detail": Rule(allowed=READERS, kwargs=A_REQUEST),
    "edit": Rule(allowed=MANAGERS, kwargs=A_REQUEST),
    "letter": Rule(allowed=READERS, kwargs=(*A_REQUEST, ("letter", "accuse-reception"))),
}
EXTRA_REQUESTS = [
    ("list", Rule(allowed=READERS, query="kind=objection&status=open&overdue=on&q=dupont")),
    ("list", Rule(allowed=READERS, query="status=nimporte", status=400)),
    ("export", Rule(allowed=READERS, kwargs=(("export_format", "pdf"),))),
    ("export", Rule(allowed=READERS, kwargs=(("export_format", "ods"),), query="kind=nope", status=400)),
    ("letter", Rule(allowed=READERS, kwargs=(*A_REQUEST, ("letter", "inconnue")), status=404)),
    ("create", Rule(allowed=MANAGERS, method="post", data=NEW_REQUEST, status=302)),
    ("create", Rule(allowed=MANAGERS, method="post", data=(("kind", "access"),), status=400)),
    ("edit", Rule(allowed=MANAGERS, kwargs=A_REQUEST, method="post", data=(("kind", "access"),), status=400)),
    ("list", Rule(allowed=(), method="post", refused=405, anonymous=405)),
    ("detail", Rule(allowed=(), method="post", kwargs=A_REQUEST, refused=405, anonymous=405)),
]


def patterns():
    return {pattern.name: pattern for pattern in rights_urls.urlpatterns}


def cases():
    by_name = patterns()
    found = [(name, rule) for name, rule in URL_RULES.items() if name in by_name]
    return found + [(name, rule) for name, rule in EXTRA_REQUESTS if name in by_name]


CASES = cases()
CASE_IDS = [
    f"{name}-{rule.method}-{'-'.join(str(v) for k, v in rule.kwargs if k != 'number')}"
    f"{'?' + rule.query if rule.query else ''}{'-data' if rule.data else ''}"
    for name, rule in CASES
]


def test_every_request_url_is_classified():
    names = set(patterns())
    assert None not in names
    assert names - URL_RULES.keys() == set(), "add these URLs to URL_RULES"
    assert URL_RULES.keys() - names == set(), "URL_RULES names URLs that no longer exist"


def call(http, name, rule, subject_request):
    kwargs = {key: subject_request.number if key == "number" else value for key, value in rule.kwargs}
    url = reverse(f"rights:{name}", kwargs=kwargs) + (f"?{rule.query}" if rule.query else "")
    return http.post(url, dict(rule.data)) if rule.method == "post" else http.get(url)


def every_row():
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in ("rights", "register")
    }


def user_for(request, role):
    if role == "nobody":
        return make_user("nobody", is_staff=True)
    return request.getfixturevalue("superuser" if role == "superuser" else f"{role}_user")


@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_anonymous_is_sent_to_login(client, name, rule):
    response = call(client, name, rule, make_request())
    assert response.status_code == rule.anonymous
    if rule.anonymous == 302:
        assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_each_role_gets_what_its_rights_allow(request, client, role, name, rule):
    subject_request = make_request()
    client.force_login(user_for(request, role))
    before = every_row()

    response = call(client, name, rule, subject_request)

    assert response.status_code == (rule.status if role in rule.allowed else rule.refused)
    if rule.method == "post" and (role not in rule.allowed or rule.status >= 400):
        assert every_row() == before, "a refused POST changed the database"


def nav_links(http):
    html = http.get(reverse("incidents:report")).content.decode()
    nav = html[html.index('<ul class="navbar-nav') : html.index("</ul>")]
    return re.findall(r'class="nav-link[^"]*"[^>]*>([^<]+)</a>', nav)


@pytest.mark.parametrize(("role", "shown"), [("manager", True), ("auditor", True), ("dpo", True), ("nobody", False)])
def test_the_menu_shows_the_requests_to_those_who_may_read_them(request, client, role, shown):
    client.force_login(user_for(request, role))
    assert ("Demandes de droits" in nav_links(client)) is shown
