"""Create the three roles as groups with their model permissions.

DPO: edits everything in the register (deleting a whole fiche stays a superuser's act).
Manager: reads everything and downloads exports; no edit, no admin.
Auditor: staff account, view-only in the admin, may download exports.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_GROUPS = ("DPO", "Manager", "Auditor")


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    group_model = apps.get_model("auth", "Group")
    permission = apps.get_model("auth", "Permission")
    register_perms = permission.objects.filter(content_type__app_label="register")
    views = register_perms.filter(codename__startswith="view_")
    export = register_perms.filter(codename="export_register")

    dpo, _ = group_model.objects.get_or_create(name="DPO")
    dpo.permissions.set(register_perms.exclude(codename="delete_treatment"))
    manager, _ = group_model.objects.get_or_create(name="Manager")
    manager.permissions.set(views | export)
    auditor, _ = group_model.objects.get_or_create(name="Auditor")
    auditor.permissions.set(views | export)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0002_catalogs"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
