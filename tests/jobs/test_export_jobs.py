"""Exports as background jobs, the queue in eager mode: the export button leads to the job's
page, then its file; the same extract of an unchanged register is the stored file."""

import pytest
from django.conf import settings
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from jobs.models import Job, JobStatus
from register.models import DataCategory, Treatment
from tests.conftest import make_treatment, page_text

pytestmark = pytest.mark.django_db

EXPORT = reverse("register:export", args=["ods"])


def ask(client, run_on_commit, url=EXPORT):
    return run_on_commit(lambda: client.get(url))


def test_without_a_broker_the_export_is_built_in_the_request(manager_client, treatment, job_files):
    response = manager_client.get(reverse("register:export", args=["pdf"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert not Job.objects.exists()


def test_an_extract_below_the_threshold_stays_in_the_request(manager_client, treatment, eager_queue, settings):
    settings.JOBS_EXPORT_THRESHOLD = 2

    response = manager_client.get(EXPORT)

    assert response.status_code == 200
    assert response.content.startswith(b"PK")
    assert not Job.objects.exists()


def test_an_export_becomes_a_job_whose_page_offers_the_file(manager_client, treatment, eager_queue, run_on_commit):
    response = ask(manager_client, run_on_commit)

    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert (job.status, job.progress_done, job.progress_total) == (JobStatus.DONE, 1, 1)
    page = page_text(manager_client.get(job.get_absolute_url()))
    assert f"Télécharger {job.result_filename}" in page
    download = manager_client.get(reverse("jobs:download", args=[job.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"PK")
    assert AuditEntry.objects.filter(action=AuditAction.DOWNLOAD, details__filename=job.result_filename).count() == 1


def test_the_job_status_answers_its_progress_as_json(manager_client, treatment, eager_queue, run_on_commit):
    ask(manager_client, run_on_commit)
    job = Job.objects.get()

    state = manager_client.get(reverse("jobs:status", args=[job.pk])).json()

    assert state == {
        "status": "done",
        "status_label": "Terminé",
        "done": 1,
        "total": 1,
        "percent": 100,
        "count_label": "1 fiche(s) traitée(s) sur 1",
        "finished": True,
    }


def test_the_same_extract_of_an_unchanged_register_is_the_stored_file(
    manager_client, treatment, eager_queue, run_on_commit
):
    ask(manager_client, run_on_commit)
    job = Job.objects.get()

    again = ask(manager_client, run_on_commit)

    assert again.status_code == 302 and again["Location"] == reverse("jobs:download", args=[job.pk])
    assert Job.objects.count() == 1


def test_an_extract_being_built_is_not_started_twice(
    manager_client, treatment, eager_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the worker has not taken it yet
        first = manager_client.get(EXPORT)
    second = manager_client.get(EXPORT)

    assert second["Location"] == first["Location"] == Job.objects.get().get_absolute_url()


def edit_fiche(fiche):
    Treatment.objects.filter(pk=fiche.pk).raise_version()


def edit_organisation(fiche):
    fiche.controller.phone = "01 02 03 04 05"
    fiche.controller.save()


def edit_catalog(fiche):
    DataCategory.objects.filter(code="identity").update(label="État civil, identité")


@pytest.mark.parametrize("change", [edit_fiche, edit_organisation, edit_catalog])
def test_a_change_to_what_the_extract_shows_makes_a_new_file(
    manager_client, treatment, eager_queue, run_on_commit, change
):
    ask(manager_client, run_on_commit)

    change(treatment)
    again = ask(manager_client, run_on_commit)

    newer = Job.objects.order_by("created_at").last()
    assert Job.objects.count() == 2
    assert again["Location"] == newer.get_absolute_url()
    assert newer.status == JobStatus.DONE


def test_another_language_makes_a_new_file(manager_client, treatment, eager_queue, run_on_commit):
    url = reverse("register:export", args=["pdf"])
    ask(manager_client, run_on_commit, url)

    manager_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    ask(manager_client, run_on_commit, url)

    assert sorted(Job.objects.values_list("parameters__language", flat=True)) == ["en", "fr"]


def test_an_edit_to_a_fiche_out_of_scope_keeps_the_stored_file(manager_client, treatment, eager_queue, run_on_commit):
    other = make_treatment()
    url = reverse("register:export_fiche", args=[treatment.reference, "ods"])
    ask(manager_client, run_on_commit, url)

    edit_fiche(other)
    again = ask(manager_client, run_on_commit, url)

    assert again["Location"] == reverse("jobs:download", args=[Job.objects.get().pk])


def test_each_user_gets_his_own_job_for_the_same_extract(
    manager_client, auditor_user, treatment, eager_queue, run_on_commit, client
):
    ask(manager_client, run_on_commit)
    manager_client.force_login(auditor_user)

    ask(manager_client, run_on_commit)

    assert sorted(Job.objects.values_list("owner__username", flat=True)) == ["auditor", "manager"]
