"""Running a job: handed to Celery after the request's transaction commits, carried out by
a worker (jobs.tasks.run_job → execute), each kind by its runner.

A worker says it is alive every JOBS_HEARTBEAT_SECONDS from a thread beside the work; a job
whose beats stop (worker killed, machine down) is failed when someone looks at it
(`refresh`), and so is one that Celery's result store reports as failed (a pool child
killed, the hard time limit reached). A runner's own error fails the job with a French
message; no file is stored unless the whole document was built.
"""

import logging
import threading
import uuid
from contextlib import contextmanager

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import connection, transaction
from django.http import QueryDict
from django.utils import translation

from register import exports
from register.filter_form import RegisterFilterForm

from .models import FAILED, LOST, TIMED_OUT, UNFINISHED, Job, JobKind

logger = logging.getLogger(__name__)
RUNNERS = {}


def queue_configured():
    """Jobs go to a worker only when a broker is configured; else the work stays in the request."""
    return bool(settings.CELERY_BROKER_URL)


def dispatch(job):
    """Send `job` to the queue once the current transaction commits (the worker must find it)."""
    from .tasks import run_job

    limit = settings.JOBS_TIME_LIMIT
    transaction.on_commit(
        lambda: run_job.apply_async(
            (str(job.pk),), task_id=job.task_id, time_limit=limit, soft_time_limit=max(1, int(limit * 0.9))
        )
    )


def new_task_id():
    return str(uuid.uuid4())


def execute(job_id, *, heartbeat=True):
    """Carry out the job (on the worker); a job already taken or finished is left alone."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or not job.start():
        return
    with _heartbeat(job, enabled=heartbeat), translation.override(job.parameters.get("language") or "fr"):
        try:
            RUNNERS[job.kind](job)
        except SoftTimeLimitExceeded:
            job.fail(TIMED_OUT)
        except Exception as error:  # WeasyPrint, a database error…: the job says so, the log has the trace
            logger.exception("Job %s (%s) failed", job.pk, job.kind)
            job.fail(FAILED % {"error": type(error).__name__})


@contextmanager
def _heartbeat(job, *, enabled):
    if not enabled:
        yield
        return
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(settings.JOBS_HEARTBEAT_SECONDS):
                Job(pk=job.pk).beat()
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"job-heartbeat-{job.pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def refresh(job):
    """Fail an unfinished job that will never finish; returns the job as it now stands."""
    if job.status not in UNFINISHED:
        return job
    reason = job.lost_reason() or _reported_failure(job)
    if reason:
        job.fail(reason)
        job.refresh_from_db()
    return job


def _reported_failure(job):
    """What Celery's result store says of the job's task when the task died outside its own
    error handling (pool child killed, hard time limit), else ""."""
    if not (queue_configured() and settings.CELERY_RESULT_BACKEND and job.task_id):
        return ""
    from celery.result import AsyncResult

    try:
        result = AsyncResult(job.task_id)
        if result.state != "FAILURE":
            return ""
        return str(TIMED_OUT if "TimeLimitExceeded" in type(result.result).__name__ else LOST)
    except Exception:  # the result store unreachable: the heartbeat still tells
        logger.warning("Result store unreachable for job %s", job.pk, exc_info=True)
        return ""


def run_export(job):
    parameters = job.parameters
    scope = RegisterFilterForm(QueryDict(parameters["query"])).scope
    filename, mimetype, content = exports.build(
        parameters["format"], scope, generated_by=parameters.get("generated_by", ""), progress=job.record_progress
    )
    job.finish(filename, mimetype, content)


RUNNERS[JobKind.EXPORT] = run_export
