import os

from django.core.management.base import BaseCommand, CommandError

from register.demo import DEMO_USERS, create_demo_users, demo_password_problems, load_demo
from register.models import DataCategoryLine, Organisation, Treatment


class Command(BaseCommand):
    help = "Charge la démo CentreCall (organisations, fiches du registre) et crée un utilisateur par rôle."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Mot de passe des comptes de démo (ou DEMO_PASSWORD).")

    def handle(self, *args, password=None, **options):
        password = password or os.environ.get("DEMO_PASSWORD")
        if not password:
            raise CommandError("Indiquez le mot de passe des comptes de démo : --password ou DEMO_PASSWORD.")
        # Checked before anything is written: a refused password leaves the database as it was.
        if problems := demo_password_problems(password):
            raise CommandError("Mot de passe des comptes de démo refusé : " + " ".join(problems))
        load_demo()
        create_demo_users(password)
        self.stdout.write(
            f"Démo chargée : {Organisation.objects.count()} organisations, {Treatment.objects.count()} fiches, "
            f"{DataCategoryLine.objects.count()} lignes de données."
        )
        for username, group, *_ in DEMO_USERS:
            self.stdout.write(f"  {username:<8} rôle {group:<8} mot de passe : {password}")
