"""Benchmark of the register's PDF built in parts — not a test: `make bench-pdf` or
`python bench/pdf_assembly.py [--fiches 100] [--memory-fiches 1000]`.

On N generated fiches (register.generator, as the tests do), side by side in one run:

- (a) the single pass (build_register_pdf_single_pass), today's reference;
- (b) the build in parts, cold: empty cache, every fiche laid out, in the pool;
- (c) the build in parts after one fiche was edited: that fiche, the front and the stamps;
- (d) what a user would do instead: LibreOffice converting the app's own ODS export of the
  same register to PDF (`soffice --headless --convert-to pdf`, profile warmed up first).

It prints each time, its ratio to (a), and peak memory. Each variant runs in a process
forked for it, so that one variant's peak is not another's: « process » is the growth of
the builder's resident set over what it inherited, « workers » the largest peak of the
processes it started (the layout pool, or LibreOffice). Targets (issue 14): (b) ≤ 0.44×,
(c) ≤ 0.15×, peak memory not growing with the register (1,000 fiches under 600 MiB).
With --memory-fiches, the cold build alone is measured again on that many fiches.

Settings: DJANGO_PDF_RENDER_PROCESSES (default: the machine's cores). Runs on a throw-away
in-memory SQLite database, the parts' cache in a temporary folder.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
CACHE_ROOT = tempfile.mkdtemp(prefix="bench-pdf-")
os.environ["DJANGO_PRIVATE_MEDIA_ROOT"] = CACHE_ROOT
os.environ.pop("DATABASE_URL", None)  # forked variants read the parent's in-memory database

from exports import setup_django  # noqa: E402  (sets the environment Django needs first)

TARGETS = {"cold": 0.44, "after one edit": 0.15}


def resident_mib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def in_fork(function):
    """Run `function()` in a forked process: {seconds, process MiB, workers MiB, result}."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report through the pipe, leave without cleanup
        status = 1
        try:
            os.close(read)
            inherited = resident_mib()
            started = time.perf_counter()
            result = function()
            seconds = time.perf_counter() - started
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - inherited
            workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            measured = {"seconds": seconds, "process": own, "workers": workers, "result": result}
            os.write(write, json.dumps(measured).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    data = b""
    while chunk := os.read(read, 1 << 16):
        data += chunk
    os.close(read)
    _pid, status = os.waitpid(pid, 0)
    if status:
        raise RuntimeError("a benchmark variant failed (see above)")
    return json.loads(data)


def pages_of(content):
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def bench(fiches, memory_fiches):
    from django.utils import timezone

    from register.exports.ods import build_register_ods
    from register.exports.pdf import build_register_pdf, build_register_pdf_single_pass
    from register.generator import generate_register
    from register.models import Treatment
    from register.scopes import RegisterScope

    generate_register(fiches, prefix="B", lines_per_kind=3)
    extracted_at = timezone.now().replace(microsecond=0)

    def single():
        return pages_of(build_register_pdf_single_pass(RegisterScope(), extracted_at=extracted_at)[2])

    def parts():
        return pages_of(build_register_pdf(RegisterScope(), extracted_at=extracted_at)[2])

    work = Path(tempfile.mkdtemp(prefix="bench-pdf-ods-"))
    ods = work / "registre.ods"
    ods.write_bytes(build_register_ods(RegisterScope())[2])
    libreoffice = soffice_converter(work)
    libreoffice(ods)  # LibreOffice's first start builds its profile: not what a user waits for

    results = {"single pass": in_fork(single), "cold": in_fork(parts)}
    fiche = Treatment.objects.order_by("reference")[fiches // 2]
    fiche.main_purpose += " Questionnaire revu en décembre."
    fiche.save()
    results["after one edit"] = in_fork(parts)
    results["LibreOffice, ODS → PDF"] = in_fork(lambda: libreoffice(ods))
    report(fiches, results)

    if memory_fiches:
        generate_register(memory_fiches - fiches, prefix="B", lines_per_kind=3)
        shutil.rmtree(Path(CACHE_ROOT) / "pdf-parts", ignore_errors=True)
        big = in_fork(parts)
        print(f"\nCold build in parts on {memory_fiches} fiches ({big['result']} pages): {big['seconds']:.1f} s,")
        print(f"  peak memory: process +{big['process']:.0f} MiB, largest worker {big['workers']:.0f} MiB")
    shutil.rmtree(work, ignore_errors=True)


def soffice_converter(work):
    """A function converting an ODS to PDF with LibreOffice in its own, kept profile."""
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    profile = (work / "profile").as_uri()

    def convert(path):
        if executable is None:
            return None
        options = [f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(work)]
        subprocess.run(
            [executable, *options, str(path)],
            check=True,
            capture_output=True,
        )
        return pages_of(path.with_suffix(".pdf").read_bytes())

    return convert


def report(fiches, results):
    reference = results["single pass"]["seconds"]
    cores = os.cpu_count()
    from django.conf import settings

    print(f"Register PDF, {fiches} fiches; {cores} cores, pool of {settings.PDF_RENDER_PROCESSES} processes")
    print(f"  {'variant':<26} {'pages':>5} {'time':>8} {'ratio':>7} {'target':>7}  peak memory")
    for name, measured in results.items():
        ratio = measured["seconds"] / reference
        target = TARGETS.get(name)
        verdict = "" if target is None else (" OK" if ratio <= target else " over")
        print(
            f"  {name:<26} {measured['result'] or '-':>5} {measured['seconds']:7.1f}s {ratio:6.2f}× "
            f"{f'≤ {target}' if target else '':>7}{verdict:<5} process +{measured['process']:.0f} MiB, "
            f"workers {measured['workers']:.0f} MiB"
        )
    libreoffice = results["LibreOffice, ODS → PDF"]["seconds"]
    print(f"  cold build / LibreOffice: {results['cold']['seconds'] / libreoffice:.2f}×")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fiches", type=int, default=100, help="fiches in the register (100)")
    parser.add_argument("--memory-fiches", type=int, default=0, help="then the cold build alone on that many")
    options = parser.parse_args()
    teardown = setup_django()
    try:
        bench(options.fiches, options.memory_fiches)
    finally:
        teardown()
        shutil.rmtree(CACHE_ROOT, ignore_errors=True)


if __name__ == "__main__":
    main()
