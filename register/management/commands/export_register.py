import getpass
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from register import exports
from register.choices import ALL_STATUSES, TreatmentRole
from register.filter_form import RegisterFilterForm
from register.models import Treatment


class Command(BaseCommand):
    help = (
        "Exporte le registre (ou une partie) en PDF ou en ODS, comme le bouton « Exporter » de la liste. "
        "Exemple : export_register --format pdf --role processor --client Osiris -o registre-osiris.pdf"
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", dest="export_format", required=True, help="pdf ou ods.")
        parser.add_argument("--role", default="", help="controller, joint_controller ou processor.")
        parser.add_argument("--client", default="", help="Nom (ou identifiant) du responsable de traitement client.")
        parser.add_argument("--reference", default="", help="Une seule fiche, par sa référence (T-001).")
        parser.add_argument("--date", default="", help="Le registre tel qu'il était ce jour-là (AAAA-MM-JJ).")
        parser.add_argument(
            "--status",
            default="",
            help=f"draft, in_force, archived ou {ALL_STATUSES} (par défaut : sans les archivées).",
        )
        parser.add_argument(
            "--generated-by", default=None, help="Qui établit l'extrait (par défaut : l'utilisateur système)."
        )
        parser.add_argument("-o", "--output", required=True, help="Fichier à écrire.")

    def handle(self, *args, export_format, output, generated_by, **options):
        if export_format not in exports.FORMATS:
            raise CommandError(f"Format inconnu : « {export_format} ». Formats possibles : pdf, ods.")
        params = {key: options[key] for key in ("role", "client", "reference", "date", "status")}
        scope = RegisterFilterForm(params).scope
        if scope.errors:
            hint = "" if scope.role or not options["role"] else f" Rôles possibles : {', '.join(TreatmentRole.values)}."
            raise CommandError(" ".join(scope.errors) + hint)
        if scope.reference and not Treatment.objects.filter(reference=scope.reference).exists():
            raise CommandError(f"Aucune fiche de référence « {scope.reference} ».")
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"Le dossier « {target.parent} » n'existe pas.")
        generated_by = generated_by if generated_by is not None else system_user()
        _filename, _mimetype, content = exports.build(export_format, scope, generated_by=generated_by)
        write_atomically(target, content)
        self.stdout.write(f"Extrait écrit : {target} ({scope.describe()}, {len(content)} octets).")


def system_user():
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry for the uid (some containers)
        return ""


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(target, content):
    """Write `content` to `target` whole or not at all: a failed export leaves no half file."""
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", delete=False) as handle:
        handle.write(content)
    try:
        os.chmod(handle.name, 0o666 & ~current_umask())  # as a plain open() would have created it
        os.replace(handle.name, target)
    except OSError:
        os.unlink(handle.name)
        raise
