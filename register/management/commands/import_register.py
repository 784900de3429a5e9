from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from register.choices import LegalBasis, TreatmentRole
from register.cnil.matching import organisation_key
from register.imports.apply import apply_plan
from register.imports.odf_reader import MAX_UPLOAD_BYTES, OdsError
from register.imports.plan import ImportDefaults, plan_import
from register.imports.preview import preview_lines
from register.models import Organisation


class Command(BaseCommand):
    help = (
        "Importe un registre au format ODS (export de l'application ou modèle de la CNIL rempli). "
        "Tout ou rien : à la moindre erreur, rien n'est enregistré."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Fichier .ods à importer.")
        parser.add_argument("--dry-run", action="store_true", help="Affiche ce qui serait fait, sans rien enregistrer.")
        parser.add_argument(
            "--role",
            choices=TreatmentRole.values,
            help="Rôle des fiches qui ne l'indiquent pas (sans option : responsable de traitement, comme le modèle "
            "de la CNIL, signalé).",
        )
        parser.add_argument(
            "--legal-basis",
            choices=LegalBasis.values,
            help="Base légale des fiches qui ne l'indiquent pas (sans option : fiches importées en brouillon, sans "
            "base légale).",
        )
        parser.add_argument("--controller", help="Nom de l'organisation responsable des fiches qui n'en nomment pas.")

    def handle(self, *args, file, dry_run=False, role=None, legal_basis=None, controller=None, **options):
        translation.activate("fr")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {file}")
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise CommandError(f"Le fichier pèse {path.stat().st_size / 2**20:.1f} Mo : la limite est de 10 Mo.")
        defaults = ImportDefaults(role=role or "", legal_basis=legal_basis or "")
        if controller:
            defaults.controller = next(
                (o for o in Organisation.objects.all() if organisation_key(o.name) == organisation_key(controller)),
                None,
            )
            if defaults.controller is None:
                raise CommandError(f"Organisation inconnue : « {controller} ».")
        try:
            plan = plan_import(path.read_bytes(), defaults)
        except OdsError as error:
            raise CommandError(str(error)) from None
        if not plan.is_valid:
            for issue in plan.warnings:
                self.stdout.write(f"Remarque — {issue}")
            for issue in plan.errors:
                self.stderr.write(f"Erreur — {issue}")
            raise CommandError(f"{len(plan.errors)} erreur(s) : rien n'a été importé.")
        for line in preview_lines(plan):
            self.stdout.write(line)
        summary = f"{plan.count('create')} fiche(s) à créer, {plan.count('update')} à mettre à jour"
        if dry_run:
            self.stdout.write(f"Essai à blanc : {summary} ; rien n'a été enregistré.")
            return
        created, updated = apply_plan(plan)
        self.stdout.write(
            self.style.SUCCESS(f"Import terminé : {created} fiche(s) créée(s), {updated} mise(s) à jour.")
        )
