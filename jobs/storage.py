"""The jobs' files, in JOBS_DIR: private (0700 folder, 0600 files), never under static/.

A file is written under a temporary name and renamed into place when whole (the rename is
atomic), so a reader finds either nothing or the complete file — never half of one. The
names are made here (the job's id and the extension): nothing a user typed reaches a path.
"""

import contextlib
import os
import re
import time
from pathlib import Path

from django.conf import settings

PARTIAL = ".part"
NAME = re.compile(r"[0-9a-f-]{36}\.[a-z0-9]{1,5}")


def directory():
    folder = Path(settings.JOBS_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def path_of(name):
    if not NAME.fullmatch(name):
        raise ValueError(f"not a job file name: {name!r}")
    return directory() / name


def write_whole(job_id, filename, content):
    """Write `content` as the job's file; returns its name in JOBS_DIR."""
    extension = Path(filename).suffix.lstrip(".").lower() or "bin"
    name = f"{job_id}.{extension}"
    final = path_of(name)
    partial = final.with_name(final.name + PARTIAL)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(partial, final)
    return name


def remove(name):
    with contextlib.suppress(FileNotFoundError, ValueError):
        path_of(name).unlink()


def sweep_partial(max_age_seconds=24 * 3600, now=None):
    """Remove files a killed worker left half-written."""
    now = time.time() if now is None else now
    for partial in directory().glob(f"*{PARTIAL}"):
        with contextlib.suppress(OSError):
            if now - partial.stat().st_mtime > max_age_seconds:
                partial.unlink()
