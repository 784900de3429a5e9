"""Benchmark of the fiches' admin changelist — not a test: `python bench/admin_changelist.py`.

At N = 100 and N = 5,000 generated fiches (register.generator, two lines of each kind), the
median server time of the changelist plain, searched (a word of the data lines'
descriptions) and filtered on sensitive data, each measured twice side by side in one run:
as the admin does it now (EXISTS, no DISTINCT) and with the DISTINCT over every column that
was forced before (`legacy`), so that each figure is a ratio on the same machine at the
same moment. Query counts are printed too (equal at both sizes).

Runs in a throw-away test database (SQLite in memory, or `test_<name>` with DATABASE_URL
pointing at PostgreSQL), created and migrated here and destroyed at the end.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "centrecall.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")  # only so that settings load without a secret key
os.environ.setdefault("DJANGO_HTTPS", "0")
os.environ.setdefault("DJANGO_STATIC_MANIFEST", "0")

QUERIES = {"plain": {}, "search": {"q": "courriel"}, "sensitive": {"sensitive": "yes"}}


def setup_django():
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    from django.db import connection

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    return lambda: connection.creation.destroy_test_db(old_name, verbosity=0)


def legacy_variant():
    """Patches that put the changelist back as it was: the data lines searched through a JOIN,
    the sensitive filter through a JOIN, and DISTINCT over every column on every request."""
    from django.contrib import admin

    from register.admin.treatments import SensitiveDataFilter, TreatmentAdmin

    def get_search_results(self, request, queryset, search_term):
        fields = self.search_fields
        self.search_fields = [*fields, "data_lines__description"]
        try:
            results, _duplicates = admin.ModelAdmin.get_search_results(self, request, queryset, search_term)
        finally:
            self.search_fields = fields
        return results, True

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(data_lines__category__is_sensitive=True).distinct()
        return queryset

    return {(TreatmentAdmin, "get_search_results"): get_search_results, (SensitiveDataFilter, "queryset"): queryset}


def measure(client, query, repeats, variants):
    """Median time and query count of each variant, runs alternating between them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    url = reverse("admin:register_treatment_changelist")
    times = {name: [] for name in variants}
    counts = {}
    for _ in range(repeats):
        for name, patches in variants.items():
            saved = {key: getattr(*key) for key in patches}
            for (owner, attribute), function in patches.items():
                setattr(owner, attribute, function)
            try:
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url, query)
                    times[name].append(time.perf_counter() - started)
            finally:
                for (owner, attribute), function in saved.items():
                    setattr(owner, attribute, function)
            assert response.status_code == 200, response.status_code
            counts[name] = len(captured.captured_queries)
    return {name: (statistics.median(times[name]), counts[name]) for name in variants}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,5000")
    parser.add_argument("--repeats", type=int, default=7)
    options = parser.parse_args()
    teardown = setup_django()
    try:
        from django.contrib.auth import get_user_model
        from django.test import Client

        from register.generator import generate_register

        variants = {"now": {}, "legacy": legacy_variant()}
        user = get_user_model().objects.create_superuser("bench", password="bench-password-2026")
        client = Client()
        client.force_login(user)
        results, done = {}, 0
        for size in (int(size) for size in options.sizes.split(",")):
            generate_register(size - done, prefix="B")
            done = size
            client.get("/admin/register/treatment/")  # warm-up
            for name, query in QUERIES.items():
                for variant, figures in measure(client, query, options.repeats, variants).items():
                    results[size, name, variant] = figures
        sizes = sorted({size for size, _name, _variant in results})
        small, large = sizes[0], sizes[-1]
        print(f"Admin changelist of fiches, median of {options.repeats} runs (ms, queries)")
        for name in QUERIES:
            row = [f"{name:10}"]
            for size in sizes:
                now, legacy_time = results[size, name, "now"], results[size, name, "legacy"]
                row.append(f"N={size}: {now[0] * 1000:7.1f} ms ({now[1]} q), legacy {legacy_time[0] * 1000:7.1f} ms")
            growth = results[large, name, "now"][0] / results[small, name, "now"][0]
            legacy_growth = results[large, name, "legacy"][0] / results[small, name, "legacy"][0]
            speedup = results[large, name, "legacy"][0] / results[large, name, "now"][0]
            row.append(f"N={large}/N={small}: {growth:.2f}× (legacy {legacy_growth:.2f}×)")
            row.append(f"legacy/now at N={large}: {speedup:.2f}×")
            print(" | ".join(row))
    finally:
        teardown()


if __name__ == "__main__":
    main()
