"""Writing a backup: every table of `tables.backed_up_models()` and the files its rows name."""

import datetime
import io
import json
import zipfile

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, models
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from . import FORMAT_NAME, FORMAT_VERSION
from .tables import backed_up_models

CHUNK = 2000


class ExactEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (history records are ordered by them)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def applied_migrations(using="default"):
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connections[using]).applied_migrations())


def file_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


def write_backup(target, using="default"):
    """Write the backup of the database `using` to `target` (a path or a binary file); its manifest."""
    tables, files = [], {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for model in backed_up_models():
            label = model._meta.label_lower
            rows = model._base_manager.using(using).order_by("pk")
            name = f"tables/{label}.json"
            with archive.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as stream:
                serializers.serialize(
                    "json",
                    rows.iterator(chunk_size=CHUNK),
                    stream=stream,
                    cls=ExactEncoder,
                    fields=[field.name for field in model._meta.concrete_fields if not field.primary_key],
                )
            tables.append({"model": label, "file": name, "rows": rows.count()})
            for field in file_fields(model):
                for stored in rows.exclude(**{field.attname: ""}).values_list(field.attname, flat=True):
                    files.setdefault(stored, field.storage)
        for stored, storage in sorted(files.items()):
            if storage.exists(stored):
                archive.write(storage.path(stored), f"files/{stored}")
        manifest = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "written_at": timezone.now().isoformat(),
            "migrations": applied_migrations(using),
            "content_types": [[ct.pk, ct.app_label, ct.model] for ct in ContentType.objects.using(using)],
            "permissions": [
                [permission.pk, permission.content_type_id, permission.codename, permission.name]
                for permission in Permission.objects.using(using)
            ],
            "tables": tables,
            "files": sorted(stored for stored, storage in files.items() if storage.exists(stored)),
        }
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest
