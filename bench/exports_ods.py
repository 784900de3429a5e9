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
    """The demo register plus n generated fiches (the seeding is not measured)."""
    from register.demo import load_demo
    from register.generator import generate_register

    load_demo()
    generate_register(n, prefix="B")


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
