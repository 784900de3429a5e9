"""The three roles and the permissions each app grants them.

A role is a Django group. Each app declares, in its AppConfig.ready(), which of its own
permissions each role receives (`declare`); after every `migrate`, `apply_declared_roles`
creates the groups and gives them those permissions, so an app brings its rights without
a migration of the register. Rights are only added: a right given by hand in the admin
stays.

A declaration lists codename patterns (fnmatch: `view_*`), and `!pattern` takes back
what an earlier pattern gave.
"""

from fnmatch import fnmatchcase

DPO = "DPO"
MANAGER = "Manager"
AUDITOR = "Auditor"

_declared = {}  # app label → {role: [patterns]}


def declare(app_label, role_permissions):
    """Give each role of `role_permissions` ({role: [codename patterns]}) those permissions of `app_label`."""
    _declared[app_label] = {role: list(patterns) for role, patterns in role_permissions.items()}


def matching(codenames, patterns):
    """The codenames the patterns select, in order: a pattern adds, a `!pattern` removes."""
    selected = set()
    for pattern in patterns:
        if pattern.startswith("!"):
            selected -= {codename for codename in codenames if fnmatchcase(codename, pattern[1:])}
        else:
            selected |= {codename for codename in codenames if fnmatchcase(codename, pattern)}
    return selected


def apply_declared_roles(app_config, using="default", apps=None, **kwargs):
    """post_migrate handler: the groups get what the migrated app declares."""
    from django.apps import apps as global_apps

    apps = apps or global_apps
    declaration = _declared.get(app_config.label)
    if not declaration:
        return
    try:
        group_model = apps.get_model("auth", "Group")
        permission_model = apps.get_model("auth", "Permission")
    except LookupError:  # auth not installed or not migrated yet
        return
    permissions = permission_model.objects.using(using).filter(content_type__app_label=app_config.label)
    by_codename = {permission.codename: permission for permission in permissions}
    for role, patterns in declaration.items():
        group, _created = group_model.objects.using(using).get_or_create(name=role)
        group.permissions.add(*(by_codename[codename] for codename in sorted(matching(by_codename, patterns))))


def forget(app_label):
    """Withdraw an app's declaration (the groups keep what they were given)."""
    _declared.pop(app_label, None)
