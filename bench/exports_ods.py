"""Benchmark the ODS export and import of a register of N fiches.

Targets (issue): with 1,000 fiches, export under 5 s and import under 10 s.
Runs on a throw-away SQLite database unless DATABASE_URL is set:

    python bench/exports_ods.py [N]
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "centrecall.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_HTTPS", "0")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='bench-ods-')}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed(n):
    """n fiches with the lines a real fiche has, written in bulk (the seeding is not measured)."""
    from register.choices import LegalBasis, TreatmentRole
    from register.demo import load_demo
    from register.models import (
        Country,
        DataCategory,
        DataCategoryLine,
        DataSubjectCategory,
        DataSubjectLine,
        Organisation,
        Recipient,
        RecipientCategory,
        SecurityMeasure,
        SecurityMeasureCategory,
        SubPurpose,
        Transfer,
        TransferSafeguard,
        Treatment,
    )

    load_demo()
    clients = list(Organisation.objects.filter(kind__in=["client", "self"]))
    categories = list(DataCategory.objects.filter(is_sensitive=False))
    subject, recipient = DataSubjectCategory.objects.first(), RecipientCategory.objects.first()
    measure, country, safeguard = (
        SecurityMeasureCategory.objects.first(),
        Country.objects.get(code="MA"),
        TransferSafeguard.objects.get(code="scc"),
    )
    treatments = Treatment.objects.bulk_create(
        Treatment(
            reference=f"B-{number:05d}",
            name=f"Traitement de test {number} : campagne d'appels sortants",
            role=TreatmentRole.PROCESSOR if number % 2 else TreatmentRole.CONTROLLER,
            controller=clients[number % len(clients)],
            main_purpose="Appeler les clients pour leur présenter une offre, recueillir leurs réponses.",
            legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
            legal_basis_detail="Intérêt légitime du client à fidéliser sa clientèle.",
            software="ComPlus",
        )
        for number in range(n)
    )
    lines = {
        model: [] for model in (SubPurpose, DataCategoryLine, DataSubjectLine, Recipient, SecurityMeasure, Transfer)
    }
    for treatment in treatments:
        lines[SubPurpose] += [
            SubPurpose(treatment=treatment, position=p, description=f"Sous-finalité {p}") for p in (1, 2)
        ]
        lines[DataCategoryLine] += [
            DataCategoryLine(
                treatment=treatment,
                position=p,
                category=categories[p],
                description="Nom, prénom, téléphone, réponses",
                retention_value=6,
                retention_unit="months",
                retention_start="end_of_call",
            )
            for p in (1, 2, 3)
        ]
        lines[DataSubjectLine].append(
            DataSubjectLine(treatment=treatment, category=subject, detail="Clients du client")
        )
        lines[Recipient] += [
            Recipient(treatment=treatment, position=p, category=recipient, name=f"Service {p}") for p in (1, 2)
        ]
        lines[SecurityMeasure] += [
            SecurityMeasure(treatment=treatment, position=p, category=measure, description="Comptes nominatifs")
            for p in (1, 2)
        ]
        lines[Transfer].append(
            Transfer(treatment=treatment, recipient="Centre de Rabat", country=country, safeguard=safeguard)
        )
    for model, objects in lines.items():
        model.objects.bulk_create(objects, batch_size=1000)


def empty_register():
    from register.models import Contact, Department, Organisation, Site, Treatment

    Treatment.objects.all().delete()
    for model in (Contact, Site, Department, Organisation):
        model.objects.all().delete()


def run(n=1000):
    setup()
    from register.exports.ods import build_register_ods
    from register.imports.apply import apply_plan
    from register.imports.plan import plan_import
    from register.models import Treatment
    from register.scopes import RegisterScope

    seed(n)
    total = Treatment.objects.count()
    started = time.perf_counter()
    _filename, _mimetype, content = build_register_ods(RegisterScope(status="all"))
    export_seconds = time.perf_counter() - started
    empty_register()
    started = time.perf_counter()
    plan = plan_import(content)
    read_seconds = time.perf_counter() - started
    assert not plan.errors, plan.errors[:5]
    created, _updated = apply_plan(plan)
    import_seconds = time.perf_counter() - started
    print(f"{total} fiches, file {len(content) / 1024:.0f} KB")
    print(f"export ODS : {export_seconds:.2f} s (target < 5 s)")
    print(f"import ODS : {import_seconds:.2f} s (target < 10 s), reading and checking {read_seconds:.2f} s of it")
    print(f"{created} fiches created")
    return export_seconds, import_seconds


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
