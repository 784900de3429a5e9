from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from register.backup.dump import write_backup


class Command(BaseCommand):
    help = (
        "Sauvegarde tout ce que garde l'application (registre, processus, incidents, historique, journal "
        "d'audit, comptes et rôles, pièces jointes) dans une archive que restore_register relit. "
        "Exemple : backup_register -o sauvegarde-2026-12-04.zip"
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="L'archive à écrire (.zip).")
        parser.add_argument("--database", default="default", help="La base à sauvegarder.")

    def handle(self, *args, output, database, **options):
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"Le dossier « {target.parent} » n'existe pas.")
        partial = target.with_name(target.name + ".partiel")
        try:
            manifest = write_backup(partial, using=database)
            partial.replace(target)  # a half-written archive never bears the name asked for
        finally:
            partial.unlink(missing_ok=True)
        rows = sum(table["rows"] for table in manifest["tables"])
        self.stdout.write(
            f"Sauvegarde écrite dans {target} : {len(manifest['tables'])} tables, {rows} lignes, "
            f"{len(manifest['files'])} fichiers (format {manifest['version']})."
        )
