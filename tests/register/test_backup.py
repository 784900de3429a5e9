"""backup_register / restore_register: everything comes back exactly, or nothing is written."""

import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from incidents.models import Attachment, Incident
from register.backup import FORMAT_VERSION
from register.backup.tables import snapshot
from register.models import Treatment

PASSWORD = "demo-pass-123"


@pytest.fixture
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def demo_register_with_a_file_and_a_login():
    """The demo (register, processes, incidents, history, users and roles), an attachment, audit entries."""
    call_command("load_demo", password=PASSWORD)
    dpo = Client()
    assert dpo.post(reverse("login"), {"username": "dpo", "password": PASSWORD}).status_code == 302
    incident = Incident.objects.order_by("number").first()
    response = dpo.post(
        reverse("incidents:attachment_add", args=[incident.number]),
        {"attachment-file": SimpleUploadedFile("journal.txt", b"extrait du journal ComPlus")},
    )
    assert response.status_code == 302
    return Attachment.objects.get()


def backup(tmp_path):
    archive = tmp_path / "sauvegarde.zip"
    call_command("backup_register", output=str(archive))
    return archive


def rewrite(archive, **changes):
    """A copy of the archive with its manifest (`manifest=`) or some entries replaced."""
    with zipfile.ZipFile(archive) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    manifest = json.loads(entries["manifest.json"])
    manifest.update(changes.pop("manifest", {}))
    entries["manifest.json"] = json.dumps(manifest).encode()
    entries.update(changes.pop("entries", {}))
    copy = archive.with_name("modifiee.zip")
    with zipfile.ZipFile(copy, "w") as target:
        for name, content in entries.items():
            target.writestr(name, content)
    return copy


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restore_into_a_fresh_database_reproduces_every_table_and_file(tmp_path, private_media):
    attachment = demo_register_with_a_file_and_a_login()
    before = snapshot()
    archive = backup(tmp_path)
    call_command("flush", interactive=False)  # a freshly migrated database: roles, no content, no catalogs
    attachment.file.storage.delete(attachment.file.name)
    assert not Treatment.objects.exists() and not get_user_model().objects.exists()

    call_command("restore_register", str(archive))

    after = snapshot()
    assert after == before
    assert sum(len(rows) for rows in after.values()) > 500
    assert {"register.historicaltreatment", "audit.auditentry", "auth.user_groups"} <= {
        table for table, rows in after.items() if rows
    }
    assert Attachment.objects.get().file.read() == b"extrait du journal ComPlus"
    dpo = Client()
    assert dpo.post(reverse("login"), {"username": "dpo", "password": PASSWORD}).status_code == 302
    assert dpo.get(reverse("register:list")).status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_with_content_is_refused_unless_forced(tmp_path, private_media):
    demo_register_with_a_file_and_a_login()
    archive = backup(tmp_path)
    Treatment.objects.filter(reference="T-001").update(name="Changé depuis la sauvegarde")
    changed = snapshot()

    with pytest.raises(CommandError, match="La base n'est pas vide"):
        call_command("restore_register", str(archive))
    assert snapshot() == changed

    call_command("restore_register", str(archive), force=True)
    assert Treatment.objects.get(reference="T-001").name != "Changé depuis la sauvegarde"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_damaged_table_writes_nothing(tmp_path, private_media):
    demo_register_with_a_file_and_a_login()
    archive = rewrite(backup(tmp_path), entries={"tables/register.treatment.json": b'[{"model": "register.treat'})
    before = snapshot()

    with pytest.raises(CommandError, match="rien n'a été modifié"):
        call_command("restore_register", str(archive), force=True)

    assert snapshot() == before


@pytest.mark.django_db
def test_a_newer_format_is_refused(tmp_path):
    archive = rewrite(backup(tmp_path), manifest={"version": FORMAT_VERSION + 1})

    with pytest.raises(CommandError, match=f"format {FORMAT_VERSION + 1}, plus récent"):
        call_command("restore_register", str(archive))


@pytest.mark.django_db
def test_a_database_at_other_migrations_is_refused(tmp_path):
    archive = backup(tmp_path)
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    archive = rewrite(archive, manifest={"migrations": manifest["migrations"][:-1]})

    with pytest.raises(CommandError, match="pas au même niveau de migrations"):
        call_command("restore_register", str(archive))


@pytest.mark.django_db
@pytest.mark.parametrize("content", [b"pas une archive", None], ids=["not-a-zip", "zip-without-manifest"])
def test_a_file_that_is_not_a_backup_is_refused(tmp_path, content):
    path = tmp_path / "autre.zip"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("lisez-moi.txt", "bonjour")
    else:
        path.write_bytes(content)

    with pytest.raises(CommandError, match="n'est pas une sauvegarde du registre"):
        call_command("restore_register", str(path))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_file_name_escaping_the_private_folder_is_refused(tmp_path, private_media):
    demo_register_with_a_file_and_a_login()
    archive = rewrite(
        backup(tmp_path), manifest={"files": ["../../evade.txt"]}, entries={"files/../../evade.txt": b"x"}
    )
    before = snapshot()

    with pytest.raises(CommandError, match="aucune ligne ne nomme"):
        call_command("restore_register", str(archive), force=True)

    assert snapshot() == before
    assert not (tmp_path / "evade.txt").exists()
