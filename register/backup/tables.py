"""Which tables a backup holds, and their rows in a form two databases can compare."""

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models

# Rebuilt by `migrate` in every database, with ids of its own: referred to by natural key.
STRUCTURE = {"contenttypes.contenttype", "auth.permission"}
# Not the register's content: sessions (everyone signs in again), login throttling state, and
# background jobs (their files stay behind; a user asks for an export again).
LEFT_OUT_APPS = {"sessions", "axes", "jobs"}
# Rows a freshly migrated database already has: a restore replaces them without --force.
SEEDED_APPS = {"auth.group", "auth.group_permissions"}


def backed_up_models():
    """Every model whose rows a backup holds (m2m tables included), in a stable order."""
    return sorted(
        (
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.label_lower not in STRUCTURE
            and model._meta.app_label not in LEFT_OUT_APPS
            and model._meta.managed
            and not model._meta.proxy
        ),
        key=lambda model: model._meta.label_lower,
    )


def is_seeded(model):
    """True for the tables migrate fills by itself: catalogs, roles."""
    label = model._meta.label_lower
    if label in SEEDED_APPS:
        return True
    from register.models.catalogs import Catalog, Country

    return issubclass(model, Catalog | Country)


def holding_content(using="default"):
    """The models of the database `using` that hold content a restore would replace."""
    return [model for model in backed_up_models() if not is_seeded(model) and model._base_manager.using(using).exists()]


def structure_fields(model):
    """The model's foreign keys to content types and permissions (ids remapped on restore)."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model in (ContentType, Permission)
    ]


def snapshot(using="default"):
    """Every backed-up table's rows, content types and permissions by natural key: equal
    snapshots mean equal content, whatever ids `migrate` gave the structure."""
    content_types = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.using(using)}
    permissions = {
        permission.pk: (*content_types[permission.content_type_id], permission.codename)
        for permission in Permission.objects.using(using)
    }
    by_model = {ContentType: content_types, Permission: permissions}
    tables = {}
    for model in backed_up_models():
        fields = model._meta.concrete_fields
        rows = []
        for row in model._base_manager.using(using).order_by("pk").values_list(*(f.attname for f in fields)):
            rows.append(
                tuple(
                    by_model[field.related_model].get(value, value)
                    if isinstance(field, models.ForeignKey) and field.related_model in by_model
                    else value
                    for field, value in zip(fields, row, strict=True)
                )
            )
        tables[model._meta.label_lower] = rows
    return tables
