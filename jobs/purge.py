"""Jobs are kept JOBS_RETENTION_DAYS days (« Mes exports »), then deleted with their files:
by Celery beat (centrecall/celery.py) or `manage.py purge_jobs` from cron."""

from . import storage
from .models import Job


def purge_expired(now=None):
    """Delete expired jobs and their files, and half-written files a killed worker left; returns the count."""
    expired = list(Job.objects.expired(now))
    for job in expired:
        job.delete_with_file()
    storage.sweep_partial()
    return len(expired)
