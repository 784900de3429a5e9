"""The Celery application: Redis as broker and result store, configured from the settings
(CELERY_* names), tasks found in each app's tasks.py. Start a worker with
`celery -A centrecall worker` and the periodic jobs with `celery -A centrecall beat`."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "centrecall.settings")

app = Celery("centrecall")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.conf.beat_schedule = {
    # Jobs past their retention (« Mes exports »), with their files; the same as `manage.py purge_jobs`.
    "purge-jobs": {"task": "jobs.tasks.purge_jobs", "schedule": crontab(minute=20, hour=3)},
}
