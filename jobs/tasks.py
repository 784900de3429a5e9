"""Celery tasks: one to run any job (jobs.running), one to purge expired jobs (beat, daily)."""

from celery import shared_task

from . import purge, running


@shared_task(name="jobs.tasks.run_job", ignore_result=False)
def run_job(job_id):
    running.execute(job_id, heartbeat=not run_job.request.is_eager)


@shared_task(name="jobs.tasks.purge_jobs")
def purge_jobs():
    return purge.purge_expired()
