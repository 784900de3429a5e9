"""Role × URL matrix for every page of the incidents app.

Roles: the register's three, plus two members of staff without any role — the one who
reported the incident and a colleague. A reporter without rights sees his own report as
filed (facts, status, his attachments) and the report form; nothing else. Every URL of
incidents.urls must have a row in URL_RULES; refused POSTs must write nothing.
"""

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from incidents import urls as incident_urls
from incidents.models import Attachment, CorrectiveAction
from tests.conftest import make_user
from tests.incidents.conftest import make_breach

pytestmark = pytest.mark.django_db

ROLES = ("manager", "auditor", "dpo", "reporter", "colleague")
READERS = ("manager", "auditor", "dpo")


@dataclass(frozen=True)
class Rule:
    allowed: tuple
    method: str = "get"
    query: str = ""
    status: int = 200
    data: tuple = ()


READ = Rule(allowed=READERS)
REPORT = Rule(allowed=(*READERS, "reporter"))  # the readers, and the one who filed the report
EVERYONE = Rule(allowed=ROLES)
DPO_POST = Rule(allowed=("dpo",), method="post", status=302)

URL_RULES = {
    "list": READ,
    "report": EVERYONE,
    "my_reports": EVERYONE,
    "breach_register": READ,
    "breach_export": READ,
    "detail": REPORT,
    "qualify": Rule(allowed=("dpo",)),
    "action_add": Rule(allowed=("dpo",), method="post", status=302, data=(("action-description", "Corriger"),)),
    "action_done": DPO_POST,
    "notification_add": Rule(
        allowed=("dpo",),
        method="post",
        status=302,
        data=(("notification-kind", "initial"), ("notification-sent_at", "03/03/2026 10:00")),
    ),
    "attachment_add": Rule(allowed=("dpo",), method="post", status=400),  # no file sent: the form says so
    "attachment": REPORT,
    "notification_draft": READ,
    "notification_pdf": READ,
}
EXTRA_REQUESTS = [
    ("list", Rule(allowed=READERS, query="status=new&breach=yes&risk=risk&application=ComPlus&overdue=on")),
    ("list", Rule(allowed=READERS, query="status=nimporte", status=400)),
    ("breach_register", Rule(allowed=READERS, query="date=2026-03-01")),
    ("breach_register", Rule(allowed=READERS, query="date=01/03/2026", status=400)),
    ("breach_register", Rule(allowed=READERS, query="day=01/03/2026", status=302)),
    ("breach_export", Rule(allowed=READERS, query="date=2099-01-01", status=400)),
    ("report", Rule(allowed=ROLES, method="post", status=400, data=(("subject", ""),))),
    (
        "qualify",
        Rule(allowed=("dpo",), method="post", status=400, data=(("is_breach", "true"), ("subject", "Modifié"))),
    ),
]
KWARGS = {
    "number": lambda target: target.incident.number,
    "pk": lambda target: target.pk_for,
    "export_format": lambda target: "ods",
}


@dataclass
class Target:
    incident: object
    action: object
    attachment: object
    pk_for: int = 0


def incident_patterns():
    return list(incident_urls.urlpatterns)


def make_target(reporter):
    incident = make_breach(reporter=reporter)
    action = CorrectiveAction.objects.create(incident=incident, description="Valider les dates")
    # The reporter's own file: a reporter gets back what he sent (test_reporting covers the DPO's files).
    attachment = Attachment(
        incident=incident, original_name="note.txt", content_type="text/plain", size=5, uploaded_by=reporter
    )
    attachment.file.save("note.txt", SimpleUploadedFile("note.txt", b"notes"), save=False)
    attachment.save()
    return Target(incident, action, attachment)


def url_for(pattern, target):
    target.pk_for = target.attachment.pk if pattern.name == "attachment" else target.action.pk
    names = pattern.pattern.converters or pattern.pattern.regex.groupindex
    return reverse(f"incidents:{pattern.name}", kwargs={name: KWARGS[name](target) for name in names})


def requests_to_try():
    by_name = {pattern.name: pattern for pattern in incident_patterns()}
    cases = [(name, by_name[name], rule) for name, rule in URL_RULES.items() if name in by_name]
    cases += [(name, by_name[name], rule) for name, rule in EXTRA_REQUESTS if name in by_name]
    return cases


CASES = requests_to_try()
CASE_IDS = [f"{name}-{rule.method}{'?' + rule.query if rule.query else ''}" for name, _pattern, rule in CASES]


def test_every_incident_url_is_classified():
    names = {pattern.name for pattern in incident_patterns()}
    assert None not in names
    assert names - URL_RULES.keys() == set(), "add these URLs to URL_RULES"
    assert URL_RULES.keys() - names == set(), "URL_RULES names URLs that no longer exist"


def call(http, pattern, rule, target):
    url = url_for(pattern, target) + (f"?{rule.query}" if rule.query else "")
    return http.post(url, dict(rule.data)) if rule.method == "post" else http.get(url)


def every_row():
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label == "incidents"
    }


@pytest.mark.parametrize(("name", "pattern", "rule"), CASES, ids=CASE_IDS)
def test_anonymous_is_sent_to_login(client, name, pattern, rule):
    target = make_target(None)
    response = call(client, pattern, rule, target)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "pattern", "rule"), CASES, ids=CASE_IDS)
def test_each_role_gets_what_its_rights_allow(request, client, role, name, pattern, rule):
    # The readers have their role; the others are logged in without any group or register right.
    user = request.getfixturevalue(f"{role}_user") if role in READERS else make_user(role)
    reporter = user if role == "reporter" else make_user("someone-else")
    target = make_target(reporter)
    client.force_login(user)
    before = every_row()

    response = call(client, pattern, rule, target)

    assert response.status_code == (rule.status if role in rule.allowed else 403)
    if rule.method == "post" and role not in rule.allowed:
        assert every_row() == before, "a refused POST changed the database"


def nav_links(http):
    html = http.get(reverse("incidents:report")).content.decode()
    nav = html[html.index('<ul class="navbar-nav') : html.index("</ul>")]
    return [link for link in re.findall(r'class="nav-link[^"]*"[^>]*>([^<]+)</a>', nav) if link in INCIDENT_ENTRIES]


INCIDENT_ENTRIES = ("Incidents", "Violations", "Signaler un incident")


@pytest.mark.parametrize(
    ("role", "entries"),
    [
        ("manager", ["Incidents", "Violations", "Signaler un incident"]),
        ("auditor", ["Incidents", "Violations", "Signaler un incident"]),
        ("dpo", ["Incidents", "Violations", "Signaler un incident"]),
        ("colleague", ["Signaler un incident"]),
    ],
)
def test_each_role_sees_the_incident_entries_its_rights_allow(request, client, role, entries):
    client.force_login(request.getfixturevalue(f"{role}_user") if role in READERS else make_user(role))
    assert nav_links(client) == entries
