from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from register.backup.restore import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde de backup_register dans une base migrée et vide (ou, avec --force, "
        "en remplaçant tout son contenu). Tout ou rien : en cas d'erreur, la base reste telle qu'elle était."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="L'archive écrite par backup_register.")
        parser.add_argument("--force", action="store_true", help="Remplacer le contenu d'une base qui n'est pas vide.")
        parser.add_argument("--database", default="default", help="La base où restaurer.")

    def handle(self, *args, archive, force, database, **options):
        source = Path(archive)
        if not source.is_file():
            raise CommandError(f"Le fichier « {source} » n'existe pas.")
        try:
            manifest = restore_backup(source, force=force, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"])
        self.stdout.write(
            f"Sauvegarde du {manifest['written_at'][:10]} restaurée : {len(manifest['tables'])} tables, "
            f"{rows} lignes, {len(manifest['files'])} fichiers."
        )
