"""Benchmark of exports through the queue — not a test: `python bench/jobs.py [--fiches 500]`.

Needs Redis on 127.0.0.1:6379 (`make redis`). On a throw-away test database (a file with
SQLite, so that the worker opens it too) with N generated fiches, a Celery worker (prefork,
2 processes) is started and the script measures:
- the request that starts a whole-register PDF job, against the login page's GET;
- the job's total time (request → file ready), against the single-pass builder run in
  this process on the same register;
- the worker process's peak memory (VmHWM of its pool processes);
- the login page's time while two such jobs run (two users), against the idle machine.
Figures print as ratios; paste them into bench/RESULTS.md.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
REDIS_URL = os.environ.get("JOBS_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
PREFIX = f"centrecall-bench-{uuid.uuid4().hex[:8]}:"
os.environ.update(
    {
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_KEY_PREFIX": PREFIX,
        "CELERY_QUEUE": f"{PREFIX}jobs",
        "DJANGO_JOBS_EXPORT_THRESHOLD": "0",
        "DJANGO_JOBS_DIR": f"/tmp/{PREFIX.rstrip(':')}",
    }
)
from exports import setup_django  # noqa: E402  (sets the Django environment variables)


def median_ms(function, runs=7):
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def peak_memory_mib(pid):
    """The largest VmHWM among the worker's pool processes (its children)."""
    peaks = []
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    for child in children or [str(pid)]:
        for line in Path(f"/proc/{child}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks)


def wait_done(job, timeout=3600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            return job
        time.sleep(0.2)
    raise SystemExit(f"job {job.pk} did not finish in {timeout} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fiches", type=int, default=500)
    args = parser.parse_args()
    destroy = setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host
    from django.urls import reverse

    from jobs.models import Job, JobStatus
    from register.exports import build
    from register.filter_form import RegisterFilterForm
    from register.generator import generate_register
    from tests.conftest import make_user

    worker = None
    try:
        fiches = generate_register(args.fiches, seed=7)
        managers = [make_user(f"bench-manager-{number}", "Manager") for number in range(2)]
        environment = os.environ | {"DATABASE_URL": f"sqlite:///{connection.settings_dict['NAME']}"}
        if connection.vendor != "sqlite":
            raise SystemExit("bench/jobs.py runs on SQLite (the worker opens the test database file)")
        command = [sys.executable, "-m", "celery", "-A", "centrecall", "worker", "--concurrency=2", "-l", "WARNING"]
        command += ["-Q", os.environ["CELERY_QUEUE"], "--without-gossip", "--without-mingle"]
        worker = subprocess.Popen(command, cwd=ROOT, env=environment)
        time.sleep(5)
        clients = []
        for manager in managers:
            client = Client()
            client.force_login(manager)
            clients.append(client)
        anonymous = Client()
        login_idle = median_ms(lambda: anonymous.get(reverse("login")))
        pdf = reverse("register:export", args=["pdf"])
        # Warm-up: this process's first job (connections to Redis, the worker's first task).
        clients[0].get(reverse("register:export_fiche", args=[fiches[0].reference, "ods"]))
        wait_done(Job.objects.get())

        started = time.perf_counter()
        response = clients[0].get(pdf)
        start_ms = 1000 * (time.perf_counter() - started)
        job = wait_done(Job.objects.get(parameters__format="pdf"))
        through_queue = time.perf_counter() - started
        assert job.status == JobStatus.DONE, job.error
        peak = peak_memory_mib(worker.pid)
        cached_ms = median_ms(lambda: clients[0].get(pdf), runs=3)

        scope = RegisterFilterForm({}).scope
        started = time.perf_counter()
        build("pdf", scope, generated_by="bench")
        single_pass = time.perf_counter() - started

        Job.objects.all().delete()
        for client in clients:  # two PDF jobs at once, by two users
            client.cookies["django_language"] = "en" if client is clients[1] else "fr"
            client.get(pdf)
        login_busy = median_ms(lambda: anonymous.get(reverse("login")))
        for running in Job.objects.all():
            wait_done(running)

        print(f"Exports through the queue, {args.fiches} fiches (whole-register PDF), redirect {response.status_code}")
        print(f"  request starting the job        {start_ms:8.1f} ms  = {start_ms / login_idle:5.2f}× the login page")
        print(f"  same extract again (stored file){cached_ms:8.1f} ms  = {cached_ms / login_idle:5.2f}× the login page")
        ratio = through_queue / single_pass
        print(f"  job total (request → file)      {through_queue:8.1f} s   = {ratio:5.2f}× single pass")
        print(f"  single-pass builder, in process {single_pass:8.1f} s")
        print(f"  worker peak memory              {peak:8.0f} MiB")
        slowdown = login_busy / login_idle
        print(f"  login page idle / during 2 jobs {login_idle:8.1f} / {login_busy:.1f} ms = {slowdown:.2f}×")
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(60)
        destroy()


if __name__ == "__main__":
    main()
