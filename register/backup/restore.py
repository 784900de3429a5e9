"""Restoring a backup into a database: all of it or nothing.

Refused, with nothing written: a file that is not a backup, a format newer than this version
reads, a database not at the backup's migrations, a database already holding content (unless
forced: its content is then replaced), a table or file the manifest does not account for.
"""

import json
import zipfile
from pathlib import Path, PurePosixPath

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.db import DatabaseError, connections, transaction

from . import FORMAT_NAME, FORMAT_VERSION
from .dump import applied_migrations, file_fields
from .tables import backed_up_models, holding_content, structure_fields

BATCH = 500  # rows read before an insert


class BackupError(Exception):
    """The backup cannot be restored here; the message says why, in French."""


def read_manifest(archive):
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError("Ce fichier n'est pas une sauvegarde du registre (manifeste absent ou illisible).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise BackupError("Ce fichier n'est pas une sauvegarde du registre (format inconnu).")
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise BackupError("La version du format de cette sauvegarde est illisible.")
    if version > FORMAT_VERSION:
        raise BackupError(
            f"Cette sauvegarde est au format {version}, plus récent que celui que cette version de "
            f"l'application sait lire ({FORMAT_VERSION}) : restaurez-la avec une version plus récente."
        )
    return manifest


def check_migrations(manifest, using):
    theirs, ours = set(manifest.get("migrations") or ()), set(applied_migrations(using))
    if theirs != ours:
        missing, extra = sorted(theirs - ours), sorted(ours - theirs)
        details = []
        if missing:
            details.append(f"migrations de la sauvegarde absentes de la base : {', '.join(missing[:5])}")
        if extra:
            details.append(f"migrations de la base absentes de la sauvegarde : {', '.join(extra[:5])}")
        raise BackupError(
            "La base n'est pas au même niveau de migrations que la sauvegarde ("
            + " ; ".join(details)
            + ") : restaurez avec la version de l'application qui l'a écrite, puis lancez migrate."
        )


def structure_maps(manifest, using):
    """Source id → target id for content types and permissions, created where missing."""
    content_types = {}
    for pk, app_label, model in manifest.get("content_types") or ():
        content_types[pk] = ContentType.objects.db_manager(using).get_or_create(app_label=app_label, model=model)[0].pk
    permissions = {}
    for pk, content_type, codename, name in manifest.get("permissions") or ():
        if content_type not in content_types:
            raise BackupError("Le manifeste de la sauvegarde est incohérent (type de contenu inconnu).")
        permissions[pk] = (
            Permission.objects.db_manager(using)
            .get_or_create(content_type_id=content_types[content_type], codename=codename, defaults={"name": name})[0]
            .pk
        )
    return {ContentType: content_types, Permission: permissions}


def tables_of(manifest, archive):
    known = {model._meta.label_lower: model for model in backed_up_models()}
    tables = manifest.get("tables")
    if not isinstance(tables, list):
        raise BackupError("Le manifeste de la sauvegarde ne liste pas ses tables.")
    listed = {}
    for table in tables:
        model = known.get(table.get("model")) if isinstance(table, dict) else None
        if model is None:
            raise BackupError(f"La sauvegarde contient une table que cette version ne connaît pas : {table!r}.")
        if table.get("file") not in archive.namelist():
            raise BackupError(f"Le fichier de la table {table['model']} manque dans la sauvegarde.")
        listed[model] = table
    if set(known.values()) - set(listed):
        absent = sorted(model._meta.label_lower for model in set(known.values()) - set(listed))
        raise BackupError(f"Des tables manquent dans la sauvegarde : {', '.join(absent[:5])}.")
    return listed


def restore_backup(source, *, force=False, using="default"):
    """Replace the content of the database `using` by the backup `source`; the manifest."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        raise BackupError("Ce fichier n'est pas une sauvegarde du registre (archive zip illisible).") from error
    with archive:
        manifest = read_manifest(archive)
        check_migrations(manifest, using)
        held = holding_content(using)
        if held and not force:
            names = ", ".join(model._meta.label_lower for model in held[:5])
            raise BackupError(
                f"La base n'est pas vide ({names}…) : la restauration remplacerait son contenu. "
                "Restaurez dans une base neuve (migrate), ou ajoutez --force pour tout remplacer."
            )
        tables = tables_of(manifest, archive)
        try:
            with transaction.atomic(using=using):
                maps = structure_maps(manifest, using)
                for model in tables:
                    model._base_manager.using(using).all()._raw_delete(using)
                for model, table in tables.items():
                    _load_table(archive, model, table, maps, using)
                _check_and_reset(tables, using)
                _restore_files(archive, manifest, tables)
        except (serializers.base.DeserializationError, DatabaseError, KeyError, ValueError, TypeError) as error:
            raise BackupError(f"La sauvegarde n'a pas pu être restaurée, rien n'a été modifié : {error}") from error
    return manifest


def _load_table(archive, model, table, maps, using):
    remapped = structure_fields(model)
    batch, count = [], 0
    with archive.open(table["file"]) as stream:
        for deserialized in serializers.deserialize("json", stream, using=using):
            row = deserialized.object
            if type(row) is not model:
                raise BackupError(f"La table {table['model']} contient des lignes d'une autre table.")
            for field in remapped:
                value = getattr(row, field.attname)
                if value is not None:
                    setattr(row, field.attname, maps[field.related_model][value])
            batch.append(row)
            if len(batch) == BATCH:
                count += _insert(model, batch, using)
                batch = []
    count += _insert(model, batch, using)
    if count != table.get("rows"):
        raise BackupError(f"La table {table['model']} a {count} lignes au lieu des {table.get('rows')} annoncées.")


def _insert(model, rows, using):
    """Insert the rows as they are: raw, like loaddata (no auto_now, no default, no signal)."""
    if not rows:
        return 0
    fields = model._meta.local_concrete_fields
    size = max(connections[using].ops.bulk_batch_size(fields, rows), 1)
    for start in range(0, len(rows), size):
        model._base_manager.using(using)._insert(rows[start : start + size], fields=fields, using=using, raw=True)
    return len(rows)


def _check_and_reset(tables, using):
    connection = connections[using]
    connection.check_constraints(table_names=[model._meta.db_table for model in tables])
    statements = connection.ops.sequence_reset_sql(no_style(), list(tables))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _restore_files(archive, manifest, tables):
    storages = {}
    for model in tables:
        for field in file_fields(model):
            for stored in model._base_manager.exclude(**{field.attname: ""}).values_list(field.attname, flat=True):
                storages.setdefault(stored, field.storage)
    for stored in manifest.get("files") or ():
        path = PurePosixPath(stored)
        if stored not in storages or path.is_absolute() or ".." in path.parts:
            raise BackupError(f"La sauvegarde contient un fichier qu'aucune ligne ne nomme : {stored!r}.")
        storage = storages[stored]
        destination = storage.path(stored)  # refuses a name outside the storage's folder
        _make_parent(destination)
        with archive.open(f"files/{stored}") as source, open(destination, "wb") as target:
            while chunk := source.read(1 << 20):
                target.write(chunk)


def _make_parent(path):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
