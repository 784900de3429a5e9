"""An uploaded file kept between the import's preview and its confirmation.

The bytes go to a private temporary file named by a random token; the session holds the
token, the file's SHA-256, the defaults the DPO chose and the preview's signature. The
client never sends a path: confirming reads the token from the session, checks its form
and the file's hash. Files — kept or claimed — older than a day are removed whenever a
new one is stored.
"""

import contextlib
import hashlib
import os
import re
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from ..models import Organisation
from .plan import ImportDefaults

SESSION_KEY = "register_import"
MAX_AGE_SECONDS = 24 * 3600
TOKEN = re.compile(r"[0-9a-f]{64}")
KEPT, CLAIMED = ".ods", ".claimed"


def _directory():
    directory = Path(getattr(settings, "REGISTER_IMPORT_DIR", "") or Path(tempfile.gettempdir()) / "centrecall-imports")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def sweep(now=None):
    """Remove kept and claimed files older than MAX_AGE_SECONDS (abandoned previews,
    confirmations interrupted by a crash)."""
    now = time.time() if now is None else now
    for suffix in (KEPT, CLAIMED):
        for old in _directory().glob(f"*{suffix}"):
            with contextlib.suppress(OSError):  # removed meanwhile by another request
                if now - old.stat().st_mtime > MAX_AGE_SECONDS:
                    old.unlink()


@dataclass
class PendingImport:
    token: str
    sha256: str
    filename: str
    defaults: ImportDefaults
    signature: str
    data: bytes = b""

    @classmethod
    def store(cls, session, data, filename, defaults, signature):
        """Keep `data` for this session, replacing any import it had pending."""
        cls.forget(session)
        sweep()
        token = secrets.token_hex(32)
        descriptor = os.open(_directory() / f"{token}{KEPT}", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        pending = cls(token, hashlib.sha256(data).hexdigest(), filename[:200], defaults, signature, data)
        pending.save(session)
        return pending

    @classmethod
    def load(cls, session):
        """The session's pending import with its bytes, or None when missing, expired or altered."""
        kept = session.get(SESSION_KEY)
        if not isinstance(kept, dict) or not TOKEN.fullmatch(str(kept.get("token", ""))):
            return None
        path = _directory() / f"{kept['token']}{KEPT}"
        if not path.is_file():
            return None
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != kept.get("sha256"):
            return None
        defaults = _defaults(kept.get("defaults") or {})
        return cls(kept["token"], kept["sha256"], kept.get("filename", ""), defaults, kept.get("signature", ""), data)

    @staticmethod
    def forget(session):
        """Drop the session's pending import and its file, whatever state they are in."""
        kept = session.pop(SESSION_KEY, None)
        token = kept.get("token") if isinstance(kept, dict) else None
        if isinstance(token, str) and TOKEN.fullmatch(token):
            for suffix in (KEPT, CLAIMED):
                (_directory() / f"{token}{suffix}").unlink(missing_ok=True)

    def save(self, session):
        session[SESSION_KEY] = {
            "token": self.token,
            "sha256": self.sha256,
            "filename": self.filename,
            "defaults": {
                "role": self.defaults.role,
                "legal_basis": self.defaults.legal_basis,
                "controller": self.defaults.controller.pk if self.defaults.controller else None,
            },
            "signature": self.signature,
        }

    def claim(self):
        """Take the kept file for one confirmation: True for the first caller only.

        The rename is atomic, so two confirmations sent at once (a double click) cannot both
        apply the same file; `release` gives it back when the import failed. The claimed
        file's age starts at the claim, for the sweep.
        """
        path = _directory() / f"{self.token}{KEPT}"
        try:
            path.rename(path.with_suffix(CLAIMED))
        except FileNotFoundError:
            return False
        with contextlib.suppress(OSError):
            os.utime(path.with_suffix(CLAIMED))
        return True

    def release(self):
        path = _directory() / f"{self.token}{KEPT}"
        with contextlib.suppress(FileNotFoundError):  # discarded meanwhile: the user uploads again
            path.with_suffix(CLAIMED).rename(path)


def _defaults(stored):
    controller_pk = stored.get("controller")
    return ImportDefaults(
        role=stored.get("role", ""),
        legal_basis=stored.get("legal_basis", ""),
        controller=Organisation.objects.filter(pk=controller_pk).first() if controller_pk else None,
    )
