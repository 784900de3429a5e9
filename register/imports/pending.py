"""An uploaded file kept between the import's preview and its confirmation.

The bytes go to a private temporary file named by a random token; the session holds the
token, the file's SHA-256 and the preview's signature. The client never sends a path:
confirming reads the token from the session, checks its form and the file's hash.
Files older than a day are removed whenever a new one is stored.
"""

import contextlib
import hashlib
import os
import re
import secrets
import tempfile
import time
from pathlib import Path

from django.conf import settings

SESSION_KEY = "register_import"
MAX_AGE_SECONDS = 24 * 3600
TOKEN = re.compile(r"[0-9a-f]{64}")


def _directory():
    directory = Path(getattr(settings, "REGISTER_IMPORT_DIR", "") or Path(tempfile.gettempdir()) / "centrecall-imports")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def _path(token):
    if not isinstance(token, str) or not TOKEN.fullmatch(token):
        return None
    return _directory() / f"{token}.ods"


def store(data):
    """Keep `data`; returns (token, sha256)."""
    directory = _directory()
    for old in directory.glob("*.ods"):
        try:
            if time.time() - old.stat().st_mtime > MAX_AGE_SECONDS:
                old.unlink()
        except OSError:
            continue
    token = secrets.token_hex(32)
    descriptor = os.open(directory / f"{token}.ods", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
    return token, hashlib.sha256(data).hexdigest()


def load(token, sha256):
    """The kept bytes, or None when missing, expired or altered."""
    path = _path(token)
    if path is None or not path.is_file():
        return None
    data = path.read_bytes()
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def claim(token):
    """Take the kept file for one confirmation: True for the first caller only.

    The rename is atomic, so two confirmations sent at once (a double click) cannot both
    apply the same file; `release` gives it back when the import failed.
    """
    path = _path(token)
    if path is None:
        return False
    try:
        path.rename(path.with_suffix(".claimed"))
    except FileNotFoundError:
        return False
    return True


def release(token):
    path = _path(token)
    if path is not None:
        with contextlib.suppress(FileNotFoundError):  # discarded meanwhile: the user uploads again
            path.with_suffix(".claimed").rename(path)


def discard(token):
    path = _path(token)
    if path is not None:
        path.unlink(missing_ok=True)
        path.with_suffix(".claimed").unlink(missing_ok=True)
