"""« Mes exports »: the user's own jobs, paginated, kept N days then purged."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from jobs import storage
from jobs.models import Job, JobKind, JobStatus
from register.exports import BUILDERS
from register.filter_form import RegisterFilterForm
from tests.conftest import make_treatment, make_user, page_text

pytestmark = pytest.mark.django_db


def done_job(owner, title="Registre (ODS)", **fields):
    job = Job.objects.create(owner=owner, kind=JobKind.EXPORT, title=title, status=JobStatus.RUNNING, **fields)
    job.finish("registre.ods", "application/vnd.oasis.opendocument.spreadsheet", b"PK ods")
    return job


def test_my_exports_lists_my_jobs_only(manager_client, manager_user, auditor_user, job_files):
    done_job(manager_user, "Mon registre (ODS)")
    done_job(auditor_user, "Registre de l'auditeur (ODS)")

    page = page_text(manager_client.get(reverse("jobs:list")))

    assert "Mon registre (ODS)" in page
    assert "Registre de l'auditeur" not in page


def test_the_menu_offers_my_exports_to_those_who_may_export(manager_client, client):
    assert reverse("jobs:list") in manager_client.get(reverse("register:list")).content.decode()
    client.force_login(make_user("staff-only", is_staff=True))
    assert reverse("jobs:list") not in client.get(reverse("incidents:report")).content.decode()


@pytest.mark.parametrize("count", [3, 25])
def test_my_exports_takes_the_same_queries_whatever_the_number_of_jobs(
    manager_client, manager_user, job_files, django_assert_num_queries, count
):
    for _number in range(count):
        done_job(manager_user)
    manager_client.get(reverse("jobs:list"))  # warm the session and the menu

    with django_assert_num_queries(6):
        response = manager_client.get(reverse("jobs:list"))

    assert response.status_code == 200


def test_purge_jobs_deletes_expired_jobs_and_their_files(manager_user, job_files):
    kept = done_job(manager_user)
    old = done_job(manager_user)
    Job.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    call_command("purge_jobs", stdout=io.StringIO())

    assert list(Job.objects.all()) == [kept]
    assert [path.name for path in job_files.iterdir()] == [kept.result_file]


def test_a_job_is_kept_the_configured_number_of_days(manager_user, settings, job_files):
    settings.JOBS_RETENTION_DAYS = 3

    job = done_job(manager_user)

    assert timedelta(days=3) - timedelta(minutes=1) < job.expires_at - timezone.now() <= timedelta(days=3)


def test_the_builders_report_their_progress_fiche_by_fiche():
    for _number in range(3):
        make_treatment()
    scope = RegisterFilterForm({}).scope
    heard = {name: [] for name in BUILDERS}

    for name, builder in BUILDERS.items():
        builder(scope, progress=lambda done, total, name=name: heard[name].append((done, total)))

    assert heard["ods"] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert heard["pdf"][0] == (0, 3) and heard["pdf"][-1] == (3, 3)


def test_a_job_file_name_never_comes_from_outside():
    with pytest.raises(ValueError):
        storage.path_of("../../etc/passwd")
