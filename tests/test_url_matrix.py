"""The whole URLconf against the roles: no URL without its row.

Each app's pages are in its own matrix (tests/<app>/test_access_matrix.py, URL_RULES: every
role × GET/POST, refused POSTs write nothing) and each app's admin models in its admin
matrix (tests/<app>/test_admin_access_matrix.py). This file walks the whole URLconf —
every app, the admin, the project's own URLs — and fails for a URL that none of them
classifies; the project's own URLs and the admin site's pages are in the table below, for
the six kinds of visitor, GET and POST.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver, get_resolver, reverse

from register.models import Treatment
from tests.audit.test_access_matrix import URL_RULES as AUDIT_URLS
from tests.compliance.test_access_matrix import URL_RULES as COMPLIANCE_URLS
from tests.compliance.test_dpia_access_matrix import URL_RULES as DPIA_URLS
from tests.conftest import make_treatment, make_user
from tests.contracts.test_access_matrix import URL_RULES as CONTRACT_URLS
from tests.incidents.test_access_matrix import URL_RULES as INCIDENT_URLS
from tests.jobs.test_access_matrix import URL_RULES as JOB_URLS
from tests.processes.test_access_matrix import URL_RULES as PROCESS_URLS
from tests.register.test_access_matrix import URL_RULES as REGISTER_URLS
from tests.rights.test_access_matrix import URL_RULES as RIGHTS_URLS

pytestmark = pytest.mark.django_db

APP_MATRICES = {
    "register": REGISTER_URLS,
    "processes": PROCESS_URLS,
    "incidents": INCIDENT_URLS,
    "compliance": COMPLIANCE_URLS | DPIA_URLS,
    "audit": AUDIT_URLS,
    "contracts": CONTRACT_URLS,
    "rights": RIGHTS_URLS,
    "jobs": JOB_URLS,
}
TESTS = Path(__file__).parent
# The admin matrix that covers the models of each app (each takes every registered model of its apps).
ADMIN_MATRICES = {
    "register": "register/test_admin_access_matrix.py",
    "auth": "register/test_admin_access_matrix.py",
    "axes": "register/test_admin_access_matrix.py",
    "processes": "processes/test_admin_access_matrix.py",
    "incidents": "incidents/test_admin_access_matrix.py",
    "audit": "audit/test_admin_access_matrix.py",
    "compliance": "compliance/test_admin_access_matrix.py",
    "rights": "rights/test_admin_access_matrix.py",
}

ROLES = ("anonymous", "staff", "manager", "auditor", "dpo", "superuser")
LOGIN, ADMIN_LOGIN, DASHBOARD, REPORT = "login", "admin-login", "dashboard", "report"
SIGNED_OUT = "signed-out"  # the login page, without ?next=


def answers(**by_role):
    """{role: (GET answer, POST answer)}; `others` for the roles not named."""
    others = by_role.pop("others", None)
    return {role: by_role.get(role, others) for role in ROLES}


# What each visitor gets: a status, or where a redirection leads (LOGIN, ADMIN_LOGIN: with ?next=).
NOT_STAFF = {"anonymous": (ADMIN_LOGIN, ADMIN_LOGIN), "manager": (ADMIN_LOGIN, ADMIN_LOGIN)}  # the admin's login
PROJECT_URLS = {
    # The site's root sends each visitor to his first page; it takes no POST.
    "home": answers(anonymous=(LOGIN, 405), staff=(REPORT, 405), others=(DASHBOARD, 405)),
    "login": answers(others=(200, 200)),  # the form; an empty POST is shown again with its errors
    "logout": answers(others=(405, SIGNED_OUT)),  # POST only, then back to the login page
    "set_language": answers(others=("/", "/")),  # back to where the visitor was (here: the root)
    "admin:index": answers(**NOT_STAFF, others=(200, 200)),  # staff without a role: an empty index
    "admin:login": answers(anonymous=(200, 200), manager=(200, 200), others=("admin-index", 200)),
    "admin:logout": answers(anonymous=("admin-index",) * 2, manager=("admin-index",) * 2, others=(405, SIGNED_OUT)),
    "admin:password_change": answers(**NOT_STAFF, others=(200, 200)),  # an empty POST: the form's errors
    "admin:password_change_done": answers(**NOT_STAFF, others=(200, 405)),
    "admin:jsi18n": answers(**NOT_STAFF, others=(200, 405)),
    "admin:autocomplete": answers(**NOT_STAFF, others=(403, 405)),  # no model named: refused
    "admin:view_on_site": answers(**NOT_STAFF, others=("fiche", "fiche")),  # then the fiche's own access check
    "admin:app_list": answers(**NOT_STAFF, staff=(404, 404), others=(200, 200)),  # no right in the app: not there
}
# Admin URLs that belong to no model: the catch-all (a slash added, or the admin's 404).
ADMIN_SITE_EXTRA = {"admin:?"}


def walk(patterns, namespaces=(), route=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = (pattern.namespace,) if pattern.namespace else ()
            yield from walk(pattern.url_patterns, namespaces + namespace, route + str(pattern.pattern))
        else:
            yield ":".join((*namespaces, pattern.name or "?")), route + str(pattern.pattern), pattern


def admin_model_of(name, route):
    """The registered model an admin URL belongs to, or None."""
    for model in admin.site._registry:
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(f"admin:{prefix}") or route.startswith(
            f"admin/{model._meta.app_label}/{model._meta.model_name}/"
        ):
            return model
    return None


def unclassified():
    missing = []
    for name, route, _pattern in walk(get_resolver().url_patterns):
        namespace = name.split(":")[0] if ":" in name else None
        if namespace in APP_MATRICES:
            if name.split(":", 1)[1] not in APP_MATRICES[namespace]:
                missing.append(name)
        elif namespace == "admin":
            model = admin_model_of(name, route)
            if model is not None:
                matrix = ADMIN_MATRICES.get(model._meta.app_label)
                if matrix is None or not (TESTS / matrix).exists():
                    missing.append(f"{name} ({model._meta.label}: no admin matrix)")
            elif name not in PROJECT_URLS and name not in ADMIN_SITE_EXTRA:
                missing.append(name)
        elif name not in PROJECT_URLS:
            missing.append(f"{name} ({route})")
    return missing


def test_every_url_of_the_urlconf_has_its_row():
    assert unclassified() == [], "give these URLs a row: in their app's URL_RULES, or in PROJECT_URLS here"


def test_the_table_names_no_url_that_no_longer_exists():
    names = {name for name, _route, _pattern in walk(get_resolver().url_patterns)}
    assert PROJECT_URLS.keys() - names == set()


def client_for(client, role):
    if role == "anonymous":
        return client
    users = {
        "staff": lambda: make_user("staff", is_staff=True),
        "manager": lambda: make_user("manager", "Manager"),
        "auditor": lambda: make_user("auditor", "Auditor", is_staff=True),
        "dpo": lambda: make_user("dpo", "DPO", is_staff=True),
        "superuser": lambda: make_user("root", is_staff=True, is_superuser=True),
    }
    client.force_login(users[role]())
    return client


def url_of(name, fiche):
    kwargs = {
        "admin:app_list": {"app_label": "register"},
        "admin:view_on_site": {
            "content_type_id": ContentType.objects.get_for_model(Treatment).pk,
            "object_id": fiche.pk,
        },
    }.get(name, {})
    return reverse(name, kwargs=kwargs)


def expected_location(answer, fiche, url):
    return {
        LOGIN: reverse("login") + "?next=",
        ADMIN_LOGIN: reverse("admin:login") + "?next=",
        DASHBOARD: reverse("compliance:dashboard"),
        REPORT: reverse("incidents:report"),
        SIGNED_OUT: reverse("login"),
        "admin-index": reverse("admin:index"),
        "fiche": fiche.get_absolute_url(),
        "/": "/",
    }[answer]


CASES = [(name, role, method) for name in PROJECT_URLS for role in ROLES for method in ("get", "post")]


@pytest.mark.parametrize(("name", "role", "method"), CASES, ids=[f"{n}-{r}-{m}" for n, r, m in CASES])
def test_each_visitor_gets_the_answer_of_the_table(client, name, role, method):
    fiche = make_treatment()
    http = client_for(client, role)
    url = url_of(name, fiche)
    answer = PROJECT_URLS[name][role][0 if method == "get" else 1]

    response = http.get(url) if method == "get" else http.post(url)

    if isinstance(answer, int):
        assert response.status_code == answer
    else:
        assert response.status_code == 302
        location = urlsplit(response["Location"])
        wanted = expected_location(answer, fiche, url)
        if wanted.endswith("?next="):
            assert f"{location.path}?{location.query}" == wanted + url
        else:
            assert (location.path, location.query) == (wanted, "")
