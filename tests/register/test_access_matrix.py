"""Role × URL matrix for every page of the register app.

Every URL pattern of register.urls must be classified in URL_RULES: a new view without a
row makes test_every_register_url_is_classified fail. Adding a page is one line.
"""

from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, reverse

from register import urls as register_urls
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db

ROLES = ("manager", "auditor", "dpo")


@dataclass(frozen=True)
class Rule:
    allowed: tuple  # roles that may use the URL; the others get 403
    method: str = "get"
    query: str = ""  # query string sent with the request
    status: int = 200  # what an allowed role gets
    data: tuple = ()  # POST fields, as (name, value) pairs


READ = Rule(allowed=ROLES)
DPO_ONLY = Rule(allowed=("dpo",))
DPO_POST = Rule(allowed=("dpo",), method="post", status=302)

SUPERUSER_ONLY = Rule(allowed=())  # no role deletes a fiche; test_lifecycle covers the superuser

URL_RULES = {
    "list": READ,
    "detail": READ,
    "history": READ,
    "create": DPO_ONLY,
    "edit": DPO_ONLY,
    "duplicate": DPO_POST,
    "change_status": Rule(allowed=("dpo",), method="post", status=302, data=(("status", "in_force"),)),
    "mark_reviewed": DPO_POST,
    "delete": SUPERUSER_ONLY,
    "import": DPO_ONLY,
    "export": READ,
    "export_fiche": READ,
    # Confirming with nothing pending: the DPO is told to upload again (400), nothing written.
    "import_confirm": Rule(allowed=("dpo",), method="post", status=400),
}
# The same read pages with their query strings (filters, as-of date).
EXTRA_REQUESTS = [
    ("list", Rule(allowed=ROLES, query="role=processor&status=all&sort=-name")),
    ("list", Rule(allowed=ROLES, query="date=2020-01-01")),
    ("list", Rule(allowed=ROLES, query="date=01/02/2024", status=400)),
    ("detail", Rule(allowed=ROLES, query="date=2099-01-01", status=400)),
]
# Values for the URL's path converters, from the test fiche.
KWARGS = {
    "reference": lambda treatment: treatment.reference,
    "pk": lambda treatment: treatment.pk,
    "export_format": lambda treatment: "ods",  # the cheaper builder; test_export_views covers PDF
}


def register_patterns(patterns=register_urls.urlpatterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from register_patterns(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            yield pattern


def url_for(pattern, treatment):
    names = pattern.pattern.converters or pattern.pattern.regex.groupindex  # path() or re_path()
    kwargs = {name: KWARGS[name](treatment) for name in names}
    return reverse(f"register:{pattern.name}", kwargs=kwargs)


def requests_to_try():
    by_name = {pattern.name: pattern for pattern in register_patterns()}
    cases = [(name, by_name[name], rule) for name, rule in URL_RULES.items() if name in by_name]
    cases += [(name, by_name[name], rule) for name, rule in EXTRA_REQUESTS if name in by_name]
    return cases


CASES = requests_to_try()
CASE_IDS = [f"{name}{'?' + rule.query if rule.query else ''}" for name, _pattern, rule in CASES]


def test_every_register_url_is_classified():
    names = {pattern.name for pattern in register_patterns()}
    assert None not in names, "every register URL needs a name"
    assert names - URL_RULES.keys() == set(), "add these URLs to URL_RULES"
    assert URL_RULES.keys() - names == set(), "URL_RULES names URLs that no longer exist"


def call(http, pattern, rule, treatment):
    url = url_for(pattern, treatment) + (f"?{rule.query}" if rule.query else "")
    if rule.method == "post":
        return http.post(url, dict(rule.data))
    return http.get(url)


@pytest.mark.parametrize(("name", "pattern", "rule"), CASES, ids=CASE_IDS)
def test_anonymous_is_sent_to_login(client, name, pattern, rule):
    treatment = make_treatment()
    response = call(client, pattern, rule, treatment)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "pattern", "rule"), CASES, ids=CASE_IDS)
def test_each_role_gets_what_its_rights_allow(request, role, name, pattern, rule):
    http = request.getfixturevalue(f"{role}_client")
    treatment = make_treatment()
    response = call(http, pattern, rule, treatment)
    assert response.status_code == (rule.status if role in rule.allowed else 403)


def test_a_user_without_a_role_gets_403_on_read_pages(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="x-Pass-123456"))
    treatment = make_treatment()
    for _name, pattern, rule in CASES:
        assert call(client, pattern, rule, treatment).status_code == 403, pattern.name
