"""The creation date of a fiche becomes a date the DPO can enter (« créée le 15/09/2020 »).

A plain AlterField would cast the stored moment to a date in UTC (PostgreSQL) or leave the
timestamp text in a date column (SQLite); the day is computed in the register's time zone
instead, for the fiches and their history records.
"""

from datetime import datetime, time

import django.utils.timezone
from django.db import migrations, models
from django.utils import timezone

import register.models.treatments

BATCH = 1000
MODELS = ("Treatment", "HistoricalTreatment")
MODEL_NAMES = [name.lower() for name in MODELS]


def _copy(apps, source, target, convert):
    for model_name in MODELS:
        model = apps.get_model("register", model_name)
        batch = []
        for row in model.objects.only(model._meta.pk.name, source).iterator(chunk_size=BATCH):
            setattr(row, target, convert(getattr(row, source)))
            batch.append(row)
            if len(batch) == BATCH:
                model.objects.bulk_update(batch, [target])
                batch = []
        model.objects.bulk_update(batch, [target])


def copy_local_days(apps, schema_editor):
    _copy(apps, "created_at", "created_on", timezone.localdate)


def copy_days_back(apps, schema_editor):
    # Noon of the day, as the import dates a fiche created on a given day.
    _copy(apps, "created_on", "created_at", lambda day: timezone.make_aware(datetime.combine(day, time(12))))


def creation_date_field():
    return models.DateField(
        default=django.utils.timezone.localdate,
        help_text="Pour une fiche reprise d'un registre plus ancien, la date de création d'origine.",
        validators=[register.models.treatments.validate_creation_date],
        verbose_name="date de création",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0008_reference_counters"),
    ]

    operations = [
        *(
            migrations.AddField(model_name=name, name="created_on", field=models.DateField(null=True))
            for name in MODEL_NAMES
        ),
        migrations.RunPython(copy_local_days, copy_days_back),
        *(migrations.RemoveField(model_name=name, name="created_at") for name in MODEL_NAMES),
        *(
            migrations.RenameField(model_name=name, old_name="created_on", new_name="created_at")
            for name in MODEL_NAMES
        ),
        *(
            migrations.AlterField(model_name=name, name="created_at", field=creation_date_field())
            for name in MODEL_NAMES
        ),
    ]
