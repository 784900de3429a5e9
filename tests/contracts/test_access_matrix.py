"""Role × URL matrix for every page of the contracts app.

Roles: the register's three, a member of staff without any role and a superuser. Readers
(DPO, managers, auditors) see the list, a contract, its signed document and the exports;
only the DPO (and a superuser) creates and edits. Every URL of contracts.urls has a row in
URL_RULES; refused POSTs write nothing.
"""

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contracts import urls as contract_urls
from tests.conftest import make_user
from tests.contracts.conftest import make_contract

pytestmark = pytest.mark.django_db

READERS = ("manager", "auditor", "dpo", "superuser")
EDITORS = ("dpo", "superuser")
ROLES = (*READERS, "nobody")


@dataclass(frozen=True)
class Rule:
    allowed: tuple
    method: str = "get"
    query: str = ""
    status: int = 200
    data: tuple = ()


READ = Rule(allowed=READERS)
URL_RULES = {
    "list": READ,
    "create": Rule(allowed=EDITORS),
    "export": READ,
    "detail": READ,
    "edit": Rule(allowed=EDITORS),
    "document": READ,
}
EXTRA_REQUESTS = [
    ("list", Rule(allowed=READERS, query="q=héberg&direction=client&attention=on")),
    ("list", Rule(allowed=READERS, query="direction=nimporte", status=400)),
    ("export", Rule(allowed=READERS, query="direction=nimporte", status=400)),
    ("create", Rule(allowed=EDITORS, method="post", status=400, data=(("title", ""),))),
    ("edit", Rule(allowed=EDITORS, method="post", status=400, data=(("title", "Modifié"),))),
]


def make_target():
    contract = make_contract(title="Hébergement")
    contract.document.save("contrat.pdf", SimpleUploadedFile("contrat.pdf", b"%PDF-1.7 signed"), save=False)
    contract.document_name = "contrat.pdf"
    contract.save()
    return contract


def url_for(name, contract):
    if name in ("list", "create"):
        return reverse(f"contracts:{name}")
    if name == "export":
        return reverse("contracts:export", args=["ods"])
    return reverse(f"contracts:{name}", args=[contract.number])


CASES = list(URL_RULES.items()) + EXTRA_REQUESTS
CASE_IDS = [f"{name}-{rule.method}{'?' + rule.query if rule.query else ''}" for name, rule in CASES]


def test_every_contract_url_is_classified():
    names = {pattern.name for pattern in contract_urls.urlpatterns}
    assert names == URL_RULES.keys()


def every_row():
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label == "contracts"
    }


def user_for(role):
    return {
        "manager": lambda: make_user("manager", "Manager"),
        "auditor": lambda: make_user("auditor", "Auditor", is_staff=True),
        "dpo": lambda: make_user("dpo", "DPO", is_staff=True),
        "superuser": lambda: make_user("root", is_staff=True, is_superuser=True),
        "nobody": lambda: make_user("nobody", is_staff=True),
    }[role]()


def call(http, name, rule, contract):
    url = url_for(name, contract) + (f"?{rule.query}" if rule.query else "")
    return http.post(url, dict(rule.data)) if rule.method == "post" else http.get(url)


@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_anonymous_is_sent_to_login(client, name, rule):
    response = call(client, name, rule, make_target())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "rule"), CASES, ids=CASE_IDS)
def test_each_role_gets_what_its_rights_allow(client, role, name, rule):
    contract = make_target()
    client.force_login(user_for(role))
    before = every_row()

    response = call(client, name, rule, contract)

    assert response.status_code == (rule.status if role in rule.allowed else 403)
    if rule.method == "post":
        assert every_row() == before, "a refused POST changed the database"


def nav_links(http):
    html = http.get(reverse("incidents:report")).content.decode()
    nav = html[html.index('<ul class="navbar-nav') : html.index("</ul>")]
    return re.findall(r'class="nav-link[^"]*"[^>]*>(Contrats)</a>', nav)


@pytest.mark.parametrize(
    ("role", "entries"), [("manager", ["Contrats"]), ("auditor", ["Contrats"]), ("dpo", ["Contrats"]), ("nobody", [])]
)
def test_the_menu_shows_contracts_to_their_readers(client, role, entries):
    client.force_login(user_for(role))
    assert nav_links(client) == entries
