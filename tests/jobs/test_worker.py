"""Jobs through the real queue: Redis (127.0.0.1:6379, or JOBS_TEST_REDIS_URL) and a Celery
worker process started here (`celery -A centrecall worker --pool=solo`).

How the worker sees the test's data: these tests are transactional (serialized_rollback, as
every transactional test here), so what they write is committed; the worker is pointed at
the very test database through DATABASE_URL — PostgreSQL's test database, or on SQLite the
test database file (the settings make the SQLite test database a file, one per pytest
process, for this). Each test gets its own Redis key prefix and queue name, so parallel runs
(xdist workers, other checkouts) sharing the Redis server never take each other's tasks;
its keys are deleted afterwards. No test here is skipped: without Redis they fail, saying so
(`make test` starts it).
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.urls import reverse

from centrecall.celery import app as celery_app
from jobs.models import Job, JobStatus
from register.generator import generate_register
from register.models import Treatment
from tests.conftest import make_user, page_text

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REDIS_URL = os.environ.get("JOBS_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
WAIT_SECONDS = 180  # the most a step may take on a loaded machine before the test gives up
PDF = reverse("register:export", args=["pdf"])


def database_url():
    """The test database the worker must open (the one this process is using)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def configure_celery(**conf):
    """Point this process's Celery app at another broker (its pools and backend are rebuilt)."""
    celery_app.conf.update(**conf)
    celery_app._pool = None
    celery_app._backend_cache = None
    celery_app._local.__dict__.pop("backend", None)
    celery_app.amqp._producer_pool = None


@pytest.fixture
def queue(settings, tmp_path):
    """Redis under a key prefix of this test's own, and `start_worker()` to run Celery workers on it."""
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.fail(f"Redis is not answering at {REDIS_URL}: start it (make test does: redis-server --daemonize yes).")
    prefix = f"centrecall-test-{uuid.uuid4().hex[:12]}:"
    queue_name = f"{prefix}jobs"
    options = {"global_keyprefix": prefix}
    settings.CELERY_BROKER_URL = settings.CELERY_RESULT_BACKEND = REDIS_URL
    settings.JOBS_DIR = tmp_path / "jobs"
    settings.JOBS_EXPORT_THRESHOLD = 0
    settings.JOBS_HEARTBEAT_SECONDS = 1
    before = {key: celery_app.conf[key] for key in ("broker_url", "result_backend", "task_default_queue")}
    configure_celery(
        broker_url=REDIS_URL,
        result_backend=REDIS_URL,
        broker_transport_options=options,
        result_backend_transport_options=options,
        task_default_queue=queue_name,
    )
    environment = os.environ | {
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_KEY_PREFIX": prefix,
        "CELERY_QUEUE": queue_name,
        "DJANGO_JOBS_DIR": str(settings.JOBS_DIR),
        "DJANGO_JOBS_HEARTBEAT_SECONDS": "1",
        # The worker's own private folder, so its per-fiche PDF cache starts empty in each test.
        "DJANGO_PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
    }
    workers = []

    def start_worker(pool="solo"):
        command = [sys.executable, "-m", "celery", "-A", "centrecall", "worker", f"--pool={pool}", "-Q", queue_name]
        command += ["--concurrency=1"] if pool == "prefork" else []
        command += ["-n", f"{prefix}{len(workers)}@%h", "--without-gossip", "--without-mingle", "-l", "WARNING"]
        log = open(tmp_path / f"worker-{len(workers)}.log", "wb")  # noqa: SIM115 (closed at teardown)
        worker = subprocess.Popen(command, cwd=settings.BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT)
        workers.append((worker, log))
        return worker

    yield start_worker
    for worker, log in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        log.close()
    configure_celery(broker_transport_options={}, result_backend_transport_options={}, **before)
    store = redis.Redis.from_url(REDIS_URL)
    for key in store.scan_iter(match=f"{prefix}*"):
        store.delete(key)
    for key in store.scan_iter(match=f"*{queue_name}*"):
        store.delete(key)


def states_until_finished(client, job):
    """The job's JSON states, polled until it is finished."""
    url = reverse("jobs:status", args=[job.pk])
    deadline = time.monotonic() + WAIT_SECONDS
    states = []
    while time.monotonic() < deadline:
        states.append(client.get(url).json())
        if states[-1]["finished"]:
            return states
        time.sleep(0.1)
    pytest.fail(f"the job did not finish within {WAIT_SECONDS} s: {states[-3:]}")


def wait_for_status(job, status):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status == status:
            return job
        time.sleep(0.05)
    pytest.fail(f"the job never became {status}: {job.status}")


@pytest.fixture
def register_of_twelve(db):
    return generate_register(12, seed=14)


def test_a_job_goes_through_the_worker_with_its_progress_then_its_file(
    manager_client, register_of_twelve, queue, job_files
):
    queue()

    response = manager_client.get(PDF)

    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    states = states_until_finished(manager_client, job)
    part_way = [state for state in states if state["status"] == "running" and state["total"] == 12]
    assert part_way and part_way[0]["done"] < 12
    assert (states[-1]["status"], states[-1]["done"], states[-1]["percent"]) == ("done", 12, 100)
    download = manager_client.get(reverse("jobs:download", args=[job.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    job.refresh_from_db()
    assert [path.name for path in job_files.iterdir()] == [job.result_file]  # the whole file, no part left


def test_the_second_request_is_the_stored_file_and_an_edit_makes_a_new_one(manager_client, register_of_twelve, queue):
    queue()
    ods = reverse("register:export", args=["ods"])
    manager_client.get(ods)
    first = Job.objects.get()
    states_until_finished(manager_client, first)

    again = manager_client.get(ods)

    assert again["Location"] == reverse("jobs:download", args=[first.pk])
    Treatment.objects.filter(pk=register_of_twelve[3].pk).raise_version()
    after_edit = manager_client.get(ods)
    second = Job.objects.exclude(pk=first.pk).get()
    assert after_edit["Location"] == second.get_absolute_url()
    assert states_until_finished(manager_client, second)[-1]["status"] == "done"


def test_a_killed_worker_leaves_a_clear_failed_job_and_relancer_builds_it(
    manager_client, register_of_twelve, queue, job_files
):
    generate_register(30, seed=15, prefix="K")  # long enough a PDF to be caught part-way
    worker = queue()
    manager_client.get(PDF)
    job = wait_for_status(Job.objects.get(), JobStatus.RUNNING)

    worker.kill()  # SIGKILL: nothing in the worker gets to say anything
    worker.wait()

    states = states_until_finished(manager_client, job)
    assert states[-1]["status"] == "failed"
    page = page_text(manager_client.get(job.get_absolute_url()))
    assert "Le traitement s'est interrompu (le processus de travail s'est arrêté)" in page
    assert manager_client.get(reverse("jobs:download", args=[job.pk]))["Location"] == job.get_absolute_url()
    assert not job_files.exists() or not [path for path in job_files.iterdir() if not path.name.endswith(".part")]
    queue()
    manager_client.post(reverse("jobs:retry", args=[job.pk]))
    assert states_until_finished(manager_client, job)[-1]["status"] == "done"


def test_a_job_over_the_time_limit_is_stopped_and_says_so(manager_client, register_of_twelve, queue, settings):
    generate_register(30, seed=16, prefix="L")
    queue(pool="prefork")  # Celery enforces time limits in its prefork pool
    manager_client.get(reverse("register:export_fiche", args=[register_of_twelve[0].reference, "ods"]))
    states_until_finished(manager_client, Job.objects.get())  # the worker is up and idle
    settings.JOBS_TIME_LIMIT = 3  # the soft limit, at 90 %, stops the job after 2 s

    manager_client.get(PDF)

    job = Job.objects.get(parameters__format="pdf")
    assert states_until_finished(manager_client, job)[-1]["status"] == "failed"
    assert "Le traitement a dépassé sa durée maximale et a été arrêté" in page_text(
        manager_client.get(job.get_absolute_url())
    )


def test_another_user_cannot_fetch_the_job(manager_client, client, register_of_twelve, queue):
    queue()
    manager_client.get(reverse("register:export", args=["ods"]))
    job = Job.objects.get()
    states_until_finished(manager_client, job)
    client.force_login(make_user("other-manager", "Manager"))

    for name in ("detail", "status", "download"):
        assert client.get(reverse(f"jobs:{name}", args=[job.pk])).status_code == 404
    assert client.post(reverse("jobs:retry", args=[job.pk])).status_code == 404
    assert settings.CELERY_BROKER_URL == REDIS_URL
