from django.conf import settings
from django.core.management.base import BaseCommand

from jobs.purge import purge_expired


class Command(BaseCommand):
    help = "Delete background jobs (« Mes exports ») older than JOBS_RETENTION_DAYS, with their files."

    def handle(self, *args, **options):
        count = purge_expired()
        self.stdout.write(f"{count} job(s) deleted (kept {settings.JOBS_RETENTION_DAYS} days).")
