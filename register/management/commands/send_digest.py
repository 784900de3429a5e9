"""Send the daily digest to each DPO: `python manage.py send_digest [--date YYYY-MM-DD] [--dry-run]`."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from register import digest


class Command(BaseCommand):
    help = "Envoie à chaque DPO le récapitulatif de ce qui est à traiter (rien quand rien n'est dû)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Le jour du récapitulatif (AAAA-MM-JJ) ; aujourd'hui par défaut.")
        parser.add_argument("--dry-run", action="store_true", help="Affiche ce qui serait envoyé, sans envoyer.")

    def handle(self, *args, **options):
        try:
            on = date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError:
            raise CommandError(f"--date attend une date AAAA-MM-JJ, pas {options['date']!r}.") from None
        if options["dry_run"]:
            with translation.override("fr"):
                on = on or timezone.localdate()
                sections = digest.due_sections(on)
                for label, items in sections:
                    self.stdout.write(f"{label} ({len(items)})")
                    for item in items:
                        self.stdout.write(f"- {item.text} {item.url}")
                self.stdout.write(f"→ {len(digest.recipients()) if sections else 0} destinataire(s)")
            return
        sent = digest.send_digests(on)
        self.stdout.write(f"{sent} récapitulatif(s) envoyé(s).")
