"""Roles declared per app and applied after migrate; the navigation built from each app's entries."""

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from register import navigation, roles

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("content_type__app_label", "codename"))


def register_permissions(prefix=""):
    return set(
        Permission.objects.filter(content_type__app_label="register", codename__startswith=prefix).values_list(
            "content_type__app_label", "codename"
        )
    )


def register_codenames(group_name):
    """The group's rights on the register's models (other apps declare and test their own)."""
    return {(app, codename) for app, codename in codenames(group_name) if app == "register"}


def test_the_roles_keep_exactly_their_rights():
    assert register_codenames("DPO") == register_permissions() - {("register", "delete_treatment")}
    readers = register_permissions("view_") | {("register", "export_register")}
    assert register_codenames("Manager") == readers
    assert register_codenames("Auditor") == readers


def test_an_app_declaration_gives_the_roles_its_permissions_after_migrate():
    roles.declare("auth", {roles.AUDITOR: ["view_*", "!view_permission"], "Nouveau rôle": ["change_user"]})
    try:
        roles.apply_declared_roles(apps.get_app_config("auth"))
    finally:
        roles.forget("auth")
    assert {("auth", "view_user"), ("auth", "view_group")} <= codenames("Auditor")
    assert ("auth", "view_permission") not in codenames("Auditor")
    assert codenames("Nouveau rôle") == {("auth", "change_user")}


def test_applying_again_keeps_a_right_given_by_hand():
    manager = Group.objects.get(name="Manager")
    manager.permissions.add(Permission.objects.get(codename="change_organisation"))
    roles.apply_declared_roles(apps.get_app_config("register"))
    assert ("register", "change_organisation") in codenames("Manager")


def test_patterns_select_in_order():
    assert roles.matching(["view_a", "view_b", "change_a"], ["view_*", "!*_b", "change_a"]) == {"view_a", "change_a"}


def nav_links(http):
    """The register's entries of the navigation bar (and the test's own, on the login URL):
    the entries other apps add are tested with those apps."""
    html = http.get(reverse("register:list")).content.decode()
    nav = html[html.index('<ul class="navbar-nav') : html.index("</ul>")]
    ours = {str(entry.label) for entry in navigation._entries if entry.url_name.split(":")[0] in OUR_URLS}
    return [link for link in re.findall(r'class="nav-link[^"]*"[^>]*>([^<]+)</a>', nav) if link in ours]


OUR_URLS = ("register", "admin", "login")


@pytest.mark.parametrize(
    ("who", "entries"),
    [
        ("manager_client", ["Registre"]),
        ("auditor_client", ["Registre", "Administration"]),
        ("dpo_client", ["Registre", "Nouvelle fiche", "Importer", "Administration"]),
    ],
)
def test_each_role_sees_the_entries_its_rights_allow(request, who, entries):
    assert nav_links(request.getfixturevalue(who)) == entries


def test_an_app_adds_its_entry_shown_to_those_allowed(manager_client):
    navigation.add_entry("Entrée de test", "login", lambda user: user.has_perm("register.export_register"), position=50)
    try:
        links = nav_links(manager_client)
    finally:
        navigation.remove_entry("login")
    assert links == ["Registre", "Entrée de test"]
    assert nav_links(manager_client) == ["Registre"]
