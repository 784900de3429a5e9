"""The file kept between the import's preview and its confirmation: stored, loaded, claimed once, swept."""

import os
import time

import pytest

from register.imports import pending
from register.imports.pending import PendingImport
from register.imports.plan import ImportDefaults

pytestmark = pytest.mark.django_db

DAY_AND_AN_HOUR_AGO = time.time() - pending.MAX_AGE_SECONDS - 3600


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path):
    settings.REGISTER_IMPORT_DIR = str(tmp_path)
    return tmp_path


def store(session, data=b"PK ods"):
    return PendingImport.store(session, data, "registre.ods", ImportDefaults(role="controller"), "signature")


def test_a_stored_import_loads_back_from_the_session_with_its_bytes_and_defaults():
    session = {}
    store(session)
    loaded = PendingImport.load(session)
    assert loaded.data == b"PK ods" and loaded.filename == "registre.ods"
    assert loaded.defaults.role == "controller" and loaded.signature == "signature"


def test_an_altered_file_does_not_load(import_dir):
    session = {}
    kept = store(session)
    (import_dir / f"{kept.token}.ods").write_bytes(b"PK other")
    assert PendingImport.load(session) is None


def test_only_the_first_claim_takes_the_file_and_release_gives_it_back():
    session = {}
    kept = store(session)
    assert kept.claim()
    assert not kept.claim()
    assert PendingImport.load(session) is None  # claimed: no second confirmation can read it
    kept.release()
    assert PendingImport.load(session) is not None


def test_storing_a_new_import_forgets_the_previous_one_of_the_session(import_dir):
    session = {}
    first = store(session)
    store(session, b"PK second")
    assert not (import_dir / f"{first.token}.ods").exists()
    assert PendingImport.load(session).data == b"PK second"


def test_stale_kept_and_claimed_files_are_swept_and_fresh_ones_kept(import_dir):
    stale_claimed, fresh_claimed, stale_kept = store({}), store({}), store({})
    stale_claimed.claim()
    fresh_claimed.claim()
    for path in (import_dir / f"{stale_claimed.token}.claimed", import_dir / f"{stale_kept.token}.ods"):
        os.utime(path, (DAY_AND_AN_HOUR_AGO, DAY_AND_AN_HOUR_AGO))

    store({})  # every new upload sweeps

    assert not (import_dir / f"{stale_claimed.token}.claimed").exists()
    assert not (import_dir / f"{stale_kept.token}.ods").exists()
    assert (import_dir / f"{fresh_claimed.token}.claimed").exists()


def test_a_claimed_file_ages_from_its_claim_not_from_its_upload(import_dir):
    kept = store({})
    os.utime(import_dir / f"{kept.token}.ods", (DAY_AND_AN_HOUR_AGO, DAY_AND_AN_HOUR_AGO))
    assert kept.claim()  # a confirmation a day later: its file must survive the next sweep
    pending.sweep()
    assert (import_dir / f"{kept.token}.claimed").exists()
