"""Role × URL matrix of the jobs app. A job is its owner's: every other user, a superuser
included, gets a 404 for each of its URLs; « Mes exports » is for those who may export or
import. A URL of jobs.urls without a row here fails the test."""

import pytest
from django.test import Client
from django.urls import reverse

from jobs import urls as jobs_urls
from jobs.models import Job, JobKind, JobStatus
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "staff", "manager", "auditor", "dpo", "superuser")
LOGIN = "login"
# URL name → {role: (GET answer, POST answer)} for a job owned by another manager;
# OWNER_RULES: what the owner himself gets.
URL_RULES = {
    "list": {"anonymous": (LOGIN, 405), "staff": (403, 405)} | dict.fromkeys(ROLES[2:], (200, 405)),
    "detail": {"anonymous": (LOGIN, 405)} | dict.fromkeys(ROLES[1:], (404, 405)),
    "status": {"anonymous": (LOGIN, 405)} | dict.fromkeys(ROLES[1:], (404, 405)),
    "download": {"anonymous": (LOGIN, 405)} | dict.fromkeys(ROLES[1:], (404, 405)),
    "retry": {"anonymous": (405, LOGIN)} | dict.fromkeys(ROLES[1:], (405, 404)),
}
OWNER_RULES = {
    "list": (200, 405),
    "detail": (200, 405),
    "status": (200, 405),
    "download": (200, 405),
    "retry": (405, 302),
}


def client_for(role):
    http = Client()
    if role == "anonymous":
        return http
    groups = {"manager": "Manager", "auditor": "Auditor", "dpo": "DPO"}
    user = make_user(
        f"jobs-{role}", groups.get(role), is_staff=role not in ("manager",), is_superuser=role == "superuser"
    )
    http.force_login(user)
    return http


@pytest.fixture
def job(job_files):
    owner = make_user("owner", "Manager")
    job = Job.objects.create(owner=owner, kind=JobKind.EXPORT, title="Registre (ODS)", status=JobStatus.RUNNING)
    job.finish("registre.ods", "application/vnd.oasis.opendocument.spreadsheet", b"PK ods")
    return job


def url_of(name, job):
    return reverse(f"jobs:{name}", args=[] if name == "list" else [job.pk])


def test_every_jobs_url_is_classified():
    assert {pattern.name for pattern in jobs_urls.urlpatterns} == URL_RULES.keys() == OWNER_RULES.keys()


CASES = [(name, role) for name in URL_RULES for role in ROLES]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_each_visitor_gets_the_answer_of_the_table(job, name, role):
    http = client_for(role)
    url = url_of(name, job)
    for method, answer in zip(("get", "post"), URL_RULES[name][role], strict=True):
        response = getattr(http, method)(url)
        if answer == LOGIN:
            assert response.status_code == 302 and response["Location"] == f"{reverse('login')}?next={url}"
        else:
            assert response.status_code == answer, (method, url)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.has_file


@pytest.mark.parametrize("name", OWNER_RULES)
def test_the_owner_gets_his_job(job, client, name):
    client.force_login(job.owner)
    url = url_of(name, job)
    get, post = OWNER_RULES[name]
    assert client.get(url).status_code == get
    assert client.post(url).status_code == post  # retry of a finished job: back to its page, nothing run


def test_an_owner_who_lost_the_right_to_export_is_refused_his_job(job, client):
    job.owner.groups.clear()
    client.force_login(job.owner)

    assert client.get(url_of("download", job)).status_code == 403
