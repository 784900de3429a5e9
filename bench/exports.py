"""Benchmark of the register exports — not a test: `make bench` or `python bench/exports.py`.

PDF, with N generated fiches (100 by default): times (a) the whole single-pass builder —
queries, templates and WeasyPrint (the build in parts is bench/pdf_assembly.py's) — and
(b) WeasyPrint alone laying out the very same HTML with the same arguments, and prints
a/b: the application's own overhead. Target: a/b ≤ 1.15.
Runs alternate a, b, b, a… after a warm-up (fonts, caches) and the medians are compared;
on a busy machine the runs scatter, so the time of the queries and templates alone is
printed too: it is the overhead the ratio is meant to catch.
Peak memory is the process's maximum resident set size, plus the tracemalloc peak of one
builder run measured apart (tracemalloc slows Python down, so it is off while timing).

ODS: when bench/exports_ods.py exists, its `run(n)` is called afterwards for 1,000 fiches,
with Django set up on the same throw-away database, emptied of the PDF bench's fiches.
Both generate their fiches with register.generator, as the tests and
`manage.py generate_register` do.

Everything runs in a throw-away test database (in memory with SQLite; `test_<name>` with
PostgreSQL), created and migrated here and destroyed at the end.
"""

import argparse
import gc
import io
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "centrecall.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")  # only so that settings load without a secret key
os.environ.setdefault("DJANGO_HTTPS", "0")
os.environ.setdefault("DJANGO_STATIC_MANIFEST", "0")

TARGET_RATIO = 1.15


def setup_django():
    """Django on a fresh, migrated test database; returns a function that destroys it."""
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False  # as in production: no query log kept in memory
    from django.db import connection

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    return lambda: connection.creation.destroy_test_db(old_name, verbosity=0)


def timed(function, *args):
    gc.collect()  # start each run without the previous run's garbage (a 200-page layout is big)
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def bench_pdf(fiches, repeats):
    from pypdf import PdfReader

    from register.exports.documents import html_to_pdf
    from register.exports.pdf import build_register_pdf_single_pass, render_register_html
    from register.generator import generate_register
    from register.scopes import RegisterScope

    def builder():
        return build_register_pdf_single_pass(RegisterScope(), generated_by="bench")[2]

    def weasyprint_alone(html):
        return html_to_pdf(html)

    generate_register(fiches, prefix="B", lines_per_kind=3)
    html = render_register_html(RegisterScope(), generated_by="bench")
    builder()  # warm-up: fonts, template and CSS caches
    builder_times, weasyprint_times, html_times = [], [], []
    for run in range(repeats):
        if run % 2:  # alternate which goes first, so that neither always runs on a warmer heap
            seconds, content = timed(weasyprint_alone, html)
            builder_times.append(timed(builder)[0])
        else:
            builder_times.append(timed(builder)[0])
            seconds, content = timed(weasyprint_alone, html)
        weasyprint_times.append(seconds)
        html_times.append(timed(render_register_html, RegisterScope())[0])
    pages = len(PdfReader(io.BytesIO(content)).pages)

    tracemalloc.start()
    builder()
    traced_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    builder_median = statistics.median(builder_times)
    weasyprint_median = statistics.median(weasyprint_times)
    html_median = statistics.median(html_times)
    ratio = builder_median / weasyprint_median
    print(f"PDF, {fiches} fiches, {pages} pages, {len(content) / 1024:.0f} KiB, {repeats} runs each:")
    print(f"  (a) builder: queries + templates + WeasyPrint {builder_median:6.2f} s  runs {fmt(builder_times)}")
    print(f"  (b) WeasyPrint alone, same HTML and arguments {weasyprint_median:6.2f} s  runs {fmt(weasyprint_times)}")
    print(f"      queries + templates alone                 {html_median:6.2f} s  (medians)")
    verdict = "OK" if ratio <= TARGET_RATIO else "OVER TARGET"
    fastest = min(builder_times) / min(weasyprint_times)
    print(f"  ratio a/b: medians {ratio:.3f}, fastest runs {fastest:.3f} -> {verdict}")
    print(f"  the app's own share, (queries + templates) / (b): {html_median / weasyprint_median:.1%}")
    traced_mb = traced_peak / 2**20
    print(f"  peak memory: process max RSS {maxrss_mb:.0f} MB, tracemalloc peak of one build {traced_mb:.0f} MB")
    return ratio


def fmt(times):
    return ", ".join(f"{seconds:.2f}" for seconds in times)


def bench_ods(fiches):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import exports_ods
    except ImportError:
        print("ODS: bench/exports_ods.py not present, skipped.")
        return
    from register.models import Treatment

    Treatment.objects.all().delete()
    exports_ods.run(fiches)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fiches", type=int, default=100, help="fiches in the PDF bench (100)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each measurement (3)")
    parser.add_argument("--ods-fiches", type=int, default=1000, help="fiches in the ODS bench (1000)")
    parser.add_argument("--skip-ods", action="store_true")
    options = parser.parse_args()
    teardown = setup_django()
    try:
        bench_pdf(options.fiches, options.repeats)
        if not options.skip_ods:
            bench_ods(options.ods_fiches)
    finally:
        teardown()


if __name__ == "__main__":
    main()
