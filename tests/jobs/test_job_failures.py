"""A job that fails says why in French, offers « Relancer », and never serves half a file."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jobs import storage
from jobs.models import Job, JobKind, JobStatus
from register import exports
from tests.conftest import page_text

pytestmark = pytest.mark.django_db

EXPORT = reverse("register:export", args=["pdf"])


def broken_builder(scope, *, generated_by="", progress=None):
    progress(0, 3)
    raise OSError("WeasyPrint could not lay out the page")


def test_a_builder_error_fails_the_job_with_a_french_message_and_no_file(
    manager_client, treatment, eager_queue, run_on_commit, monkeypatch, job_files
):
    monkeypatch.setitem(exports.BUILDERS, "pdf", broken_builder)

    run_on_commit(lambda: manager_client.get(EXPORT))

    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    page = page_text(manager_client.get(job.get_absolute_url()))
    assert "La génération a échoué (OSError). Aucun fichier n'a été produit" in page
    assert "Relancer" in page
    assert manager_client.get(reverse("jobs:download", args=[job.pk]))["Location"] == job.get_absolute_url()
    assert list(storage.directory().iterdir()) == []


def test_relancer_runs_a_failed_job_again(manager_client, treatment, eager_queue, run_on_commit, monkeypatch):
    monkeypatch.setitem(exports.BUILDERS, "pdf", broken_builder)
    run_on_commit(lambda: manager_client.get(EXPORT))
    job = Job.objects.get()
    monkeypatch.undo()

    response = run_on_commit(lambda: manager_client.post(reverse("jobs:retry", args=[job.pk])))

    job.refresh_from_db()
    assert response["Location"] == job.get_absolute_url()
    assert (job.status, job.error) == (JobStatus.DONE, "")
    assert job.has_file


def test_a_failed_extract_asked_again_is_built_again(
    manager_client, treatment, eager_queue, run_on_commit, monkeypatch
):
    monkeypatch.setitem(exports.BUILDERS, "pdf", broken_builder)
    run_on_commit(lambda: manager_client.get(EXPORT))
    monkeypatch.undo()

    run_on_commit(lambda: manager_client.get(EXPORT))

    assert sorted(Job.objects.values_list("status", flat=True)) == [JobStatus.DONE, JobStatus.FAILED]


def running_job(owner, **fields):
    return Job.objects.create(
        owner=owner, kind=JobKind.EXPORT, title="Registre (PDF)", status=JobStatus.RUNNING, **fields
    )


def test_a_job_whose_worker_stopped_beating_is_shown_failed(manager_client, manager_user, settings):
    settings.JOBS_HEARTBEAT_SECONDS = 10
    job = running_job(manager_user, heartbeat_at=timezone.now() - timedelta(seconds=31))

    page = page_text(manager_client.get(job.get_absolute_url()))

    assert "Le traitement s'est interrompu (le processus de travail s'est arrêté)" in page
    assert "Relancer" in page
    assert Job.objects.get().status == JobStatus.FAILED


def test_a_job_still_beating_is_shown_running(manager_client, manager_user, settings):
    settings.JOBS_HEARTBEAT_SECONDS = 10
    job = running_job(
        manager_user, heartbeat_at=timezone.now() - timedelta(seconds=5), progress_total=4, progress_done=1
    )

    response = manager_client.get(job.get_absolute_url())

    page = page_text(response)
    assert "En cours" in page and "1 fiche(s) traitée(s) sur 4" in page
    assert 'value="25"' in response.content.decode()
    assert '<meta http-equiv="refresh"' in response.content.decode()  # without JavaScript, inside <noscript>


def test_a_job_that_no_worker_took_is_failed_after_the_time_limit(manager_client, manager_user, settings):
    settings.JOBS_TIME_LIMIT = 60
    job = running_job(manager_user)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, created_at=timezone.now() - timedelta(seconds=61))

    assert "Aucun processus de travail n'a pris ce traitement en charge" in page_text(
        manager_client.get(job.get_absolute_url())
    )


def test_a_half_written_file_is_never_served(manager_client, manager_user, job_files):
    job = running_job(manager_user)
    name = f"{job.pk}.pdf"
    (storage.directory() / f"{name}{storage.PARTIAL}").write_bytes(b"%PDF-1.7 half")
    Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE, result_file=name, result_filename="registre.pdf")

    response = manager_client.get(reverse("jobs:download", args=[job.pk]))

    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert "Le fichier n'est plus conservé" in page_text(manager_client.get(job.get_absolute_url()))


def test_a_finished_file_is_written_whole_under_its_final_name(job_files, manager_user):
    job = running_job(manager_user)

    assert job.finish("registre.pdf", "application/pdf", b"%PDF-1.7 whole")

    assert [path.name for path in job_files.iterdir()] == [f"{job.pk}.pdf"]
    assert job.result_path.read_bytes() == b"%PDF-1.7 whole"


def test_a_job_failed_meanwhile_keeps_no_file(job_files, manager_user):
    job = running_job(manager_user)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED)

    assert not job.finish("registre.pdf", "application/pdf", b"%PDF-1.7 late")

    assert list(storage.directory().iterdir()) == []
