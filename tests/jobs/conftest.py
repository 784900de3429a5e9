"""The queue for the job tests: eager (tasks run inline, in the test's transaction) here; a real
Redis and Celery worker in test_worker.py."""

import pytest

from centrecall.celery import app as celery_app


@pytest.fixture
def job_files(settings, tmp_path):
    settings.JOBS_DIR = tmp_path / "jobs"
    return settings.JOBS_DIR


@pytest.fixture
def eager_queue(settings, job_files):
    """A configured queue whose tasks run at once in the test (Celery's always-eager mode):
    every export is a job (threshold 0), dispatched when the request's transaction commits."""
    settings.CELERY_BROKER_URL = "memory://"
    settings.CELERY_RESULT_BACKEND = None
    settings.JOBS_EXPORT_THRESHOLD = 0
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what the request leaves for after its commit (the job's dispatch), as it would be."""

    def run(call):
        with django_capture_on_commit_callbacks(execute=True):
            return call()

    return run
