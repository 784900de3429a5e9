from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from register.generator import generate_register
from register.models import REFERENCE_PREFIX

MAX_FICHES = 100_000  # a typo (an extra zero or two) should not fill the disk


class Command(BaseCommand):
    help = (
        "Ajoute au registre des fiches réalistes générées (démonstration, essais de charge), "
        "toujours les mêmes pour une même graine. Exemple : generate_register 500 --seed 7"
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Nombre de fiches à générer.")
        parser.add_argument("--seed", type=int, default=0, help="Graine : la même graine donne les mêmes fiches (0).")
        parser.add_argument("--prefix", default="G", help="Préfixe des références : G-0000, G-0001… (G).")
        parser.add_argument("--lines", type=int, default=2, help="Lignes de chaque tableau par fiche (2).")

    def handle(self, *args, count, seed, prefix, lines, **options):
        if not 1 <= count <= MAX_FICHES:
            raise CommandError(f"Le nombre de fiches doit être compris entre 1 et {MAX_FICHES}.")
        if not 0 <= lines <= 100:
            raise CommandError("Le nombre de lignes par tableau doit être compris entre 0 et 100.")
        if not prefix.isalnum() or f"{prefix}-" == REFERENCE_PREFIX:
            raise CommandError(
                f"Préfixe « {prefix} » refusé : des lettres et des chiffres, autres que « {REFERENCE_PREFIX[:-1]} » "
                f"que prend la numérotation des fiches saisies ({REFERENCE_PREFIX}001)."
            )
        with transaction.atomic():
            fiches = generate_register(count, seed=seed, prefix=prefix, lines_per_kind=lines)
        self.stdout.write(f"{len(fiches)} fiches générées, de {fiches[0].reference} à {fiches[-1].reference}.")
