"""Apply the audit trail's retention: delete the entries older than AUDIT_RETENTION_DAYS.

The only path that deletes entries. Run it daily (see the README's cron line).
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from audit.recording import record


class Command(BaseCommand):
    help = "Efface les entrées du journal d'audit plus anciennes que la durée de conservation (AUDIT_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter les entrées à effacer sans les effacer.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.AUDIT_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        older = AuditEntry.objects.filter(at__lt=cutoff)
        moment = timezone.localtime(cutoff).strftime("%d/%m/%Y %H:%M")
        if dry_run:
            self.stdout.write(
                f"{older.count()} entrée(s) antérieure(s) au {moment} seraient effacées (conservation : {days} jours)."
            )
            return
        deleted = AuditEntry.objects.purge_older_than(cutoff)
        summary = f"{deleted} entrée(s) antérieure(s) au {moment} effacée(s) (conservation : {days} jours)"
        record(AuditAction.PURGE, summary, {"deleted": deleted, "before": cutoff.isoformat(), "retention_days": days})
        self.stdout.write(summary + ".")
