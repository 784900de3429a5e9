"""Role × URL matrix for every page of the processes app.

Roles: the register's three, plus a member of staff without any role. Every URL of
processes.urls must have a row in URL_RULES; refused POSTs must write nothing.
"""

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.urls import reverse

from processes import urls as process_urls
from processes.models import FormField
from register.models import DataCategory
from tests.conftest import make_treatment, make_user
from tests.processes.editor_posts import editor_data
from tests.processes.factories import add_event, add_operation, add_rule, make_process
from tests.processes.identification_factories import make_collection_form

pytestmark = pytest.mark.django_db

ROLES = ("manager", "auditor", "dpo", "nobody")
READERS = ("manager", "auditor", "dpo")


@dataclass(frozen=True)
class Rule:
    allowed: tuple
    method: str = "get"
    query: str = ""
    status: int = 200
    data: object = ()  # pairs, or target process → POST data


READ = Rule(allowed=READERS)
DPO = Rule(allowed=("dpo",))
DPO_POST = Rule(allowed=("dpo",), method="post", status=302, data=(("version", "1"),))

URL_RULES = {
    # The processes: list, page, editor, deletion, diagrams.
    "list": READ,
    "create": DPO,
    "detail": READ,
    "edit": DPO,
    "delete": DPO,
    "diagram_svg": READ,
    "diagram_png": READ,
    # Collection forms and their identification.
    "form_list": READ,
    "form_create": DPO,
    "form_detail": READ,
    "form_edit": DPO,
    "form_propose": DPO_POST,
    "form_confirm": DPO_POST,
    "form_pdf": READ,
    "form_complete": DPO,
    # The operations table, its exports and the process PDF.
    "operations": READ,
    "operations_export": READ,
    "pdf": READ,
}
EXTRA_REQUESTS = [
    ("list", Rule(allowed=READERS, query="q=etude&status=draft")),
    ("list", Rule(allowed=READERS, query="status=nimporte", status=400)),
    ("diagram_svg", Rule(allowed=READERS, query="telecharger=1")),
    ("create", Rule(allowed=("dpo",), method="post", status=302, data=(("name", "Nouveau"), ("status", "draft")))),
    (
        "edit",
        Rule(
            allowed=("dpo",),
            method="post",
            status=302,
            data=lambda process: editor_data(process, actors=[{"name": "Renommé"}]),
        ),
    ),
    ("delete", Rule(allowed=("dpo",), method="post", status=302)),
    ("form_create", Rule(allowed=("dpo",), method="post", status=400, data=(("name", ""),))),
    ("form_edit", Rule(allowed=("dpo",), method="post", status=400, data=(("name", ""), ("loaded_version", "1")))),
    ("form_complete", Rule(allowed=("dpo",), method="post", status=302, data=(("treatment_version", "1"),))),
]


@dataclass
class Target:
    form: object
    process: object = None


def make_target():
    form = make_collection_form(treatment=make_treatment(), fields=[("Question 1", "OUI"), ("Nom", "DESMARC")])
    FormField.objects.filter(form=form, label="Question 1").update(
        is_personal=True, data_category=DataCategory.objects.get(code="personal_life"), confirmed=True
    )
    process = make_process()
    add_rule(add_operation(process, "Enregistrer l'appel"), "Refus", event=add_event(process, "Refusé"))
    return Target(form, process)


PROCESS_URLS = (
    "operations",
    "operations_export",
    "pdf",
    "detail",
    "edit",
    "delete",
    "diagram_svg",
    "diagram_png",
)  # their pk is a process's
KWARGS = {"pk": lambda target, name: (target.process if name in PROCESS_URLS else target.form).pk}
KWARGS["export_format"] = lambda target, name: "ods"


def process_patterns():
    return list(process_urls.urlpatterns)


def url_for(pattern, target):
    names = pattern.pattern.converters or pattern.pattern.regex.groupindex
    return reverse(f"processes:{pattern.name}", kwargs={name: KWARGS[name](target, pattern.name) for name in names})


def requests_to_try():
    by_name = {pattern.name: pattern for pattern in process_patterns()}
    cases = [(name, by_name[name], rule) for name, rule in URL_RULES.items() if name in by_name]
    cases += [(name, by_name[name], rule) for name, rule in EXTRA_REQUESTS if name in by_name]
    return cases


CASES = requests_to_try()
CASE_IDS = [f"{name}-{rule.method}{'?' + rule.query if rule.query else ''}" for name, _pattern, rule in CASES]


def test_every_process_url_is_classified():
    names = {pattern.name for pattern in process_patterns()}
    assert None not in names
    assert names - URL_RULES.keys() == set(), "add these URLs to URL_RULES"
    assert URL_RULES.keys() - names == set(), "URL_RULES names URLs that no longer exist"


def call(http, pattern, rule, target):
    url = url_for(pattern, target) + (f"?{rule.query}" if rule.query else "")
    if rule.method == "post":
        return http.post(url, rule.data(target.process) if callable(rule.data) else dict(rule.data))
    return http.get(url)


def every_row():
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in ("processes", "register")
    }


@pytest.mark.parametrize(("name", "pattern", "rule"), CASES, ids=CASE_IDS)
def test_anonymous_is_sent_to_login(client, name, pattern, rule):
    target = make_target()
    response = call(client, pattern, rule, target)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "pattern", "rule"), CASES, ids=CASE_IDS)
def test_each_role_gets_what_its_rights_allow(request, client, role, name, pattern, rule):
    user = request.getfixturevalue(f"{role}_user") if role in READERS else make_user(role, is_staff=True)
    target = make_target()
    client.force_login(user)
    before = every_row()

    response = call(client, pattern, rule, target)

    assert response.status_code == (rule.status if role in rule.allowed else 403)
    if rule.method == "post" and role not in rule.allowed:
        assert every_row() == before, "a refused POST changed the database"


PROCESS_ENTRIES = ("Processus", "Formulaires de collecte")


def nav_links(http):
    html = http.get(reverse("incidents:report")).content.decode()  # a page every member of staff opens
    nav = html[html.index('<ul class="navbar-nav') : html.index("</ul>")]
    return [link for link in re.findall(r'class="nav-link[^"]*"[^>]*>([^<]+)</a>', nav) if link in PROCESS_ENTRIES]


@pytest.mark.parametrize(
    ("role", "entries"),
    [
        ("manager", ["Processus", "Formulaires de collecte"]),
        ("auditor", ["Processus", "Formulaires de collecte"]),
        ("dpo", ["Processus", "Formulaires de collecte"]),
        ("nobody", []),
    ],
)
def test_each_role_sees_the_process_entries_its_rights_allow(request, client, role, entries):
    client.force_login(request.getfixturevalue(f"{role}_user") if role in READERS else make_user(role, is_staff=True))
    assert nav_links(client) == entries
