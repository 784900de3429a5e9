"""The admin's additions, changes and deletions and every change of a user's rights enter the
audit trail, with the admin who made them and his address."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from register.models import Country
from tests.register.test_admin_access_matrix import split_multi_widgets
from tests.register.test_roles import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def root_http(superuser):
    http = Client(REMOTE_ADDR="10.9.9.9", HTTP_USER_AGENT="Admin browser")
    http.force_login(superuser)
    return http


def entries(action):
    return list(AuditEntry.objects.filter(action=action).order_by("pk"))


def test_an_admin_change_is_recorded_with_the_object_and_the_admin(root_http):
    country = Country.objects.create(code="ZZ", name="Zedland")
    url = reverse("admin:register_country_change", args=[country.pk])
    data = admin_form_data(root_http, url)
    data["name"] = "Zedlande"
    assert root_http.post(url, data).status_code == 302
    [entry] = entries(AuditAction.ADMIN_CHANGE)
    assert (entry.username, entry.address, entry.user_agent) == ("root", "10.9.9.9", "Admin browser")
    assert entry.details["model"] == "register.country"
    assert entry.details["object_repr"] == "Zedlande"
    assert "Zedlande" in entry.summary


def test_an_admin_bulk_deletion_records_every_object(root_http):
    countries = [Country.objects.create(code=code, name=f"Pays {code}") for code in ("ZX", "ZY")]
    url = reverse("admin:register_country_changelist")
    data = {"action": "delete_selected", "_selected_action": [c.pk for c in countries], "post": "yes"}
    assert root_http.post(url, data).status_code == 302
    assert sorted(entry.details["object_repr"] for entry in entries(AuditAction.ADMIN_DELETE)) == ["Pays ZX", "Pays ZY"]
    assert {entry.username for entry in entries(AuditAction.ADMIN_DELETE)} == {"root"}


def test_giving_a_role_and_the_staff_flag_in_the_admin_is_recorded(root_http):
    someone = User.objects.create_user("someone", password="x-Pass-123456")
    url = reverse("admin:auth_user_change", args=[someone.pk])
    data = admin_form_data(root_http, url)
    data["groups"] = [Group.objects.get(name="DPO").pk]
    data["is_staff"] = "on"
    assert root_http.post(url, split_multi_widgets(data, root_http, url)).status_code == 302
    changes = [entry for entry in entries(AuditAction.ROLE_CHANGE) if entry.details["user"] == "someone"]
    assert {entry.username for entry in changes} == {"root"}
    assert {"user": "someone", "groups_added": ["DPO"]} in [entry.details for entry in changes]
    assert {"user": "someone", "is_staff": [False, True]} in [entry.details for entry in changes]
    assert all(entry.address == "10.9.9.9" for entry in changes)
    assert entries(AuditAction.ADMIN_CHANGE)[0].details["object_repr"] == "someone"


def test_taking_a_role_away_is_recorded_from_either_side():
    group = Group.objects.get(name="Auditor")
    user = User.objects.create_user("inspect", password="x-Pass-123456")
    user.groups.add(group)
    group.user_set.remove(user)
    user.groups.add(group)
    user.groups.clear()
    details = [entry.details for entry in entries(AuditAction.ROLE_CHANGE)]
    assert details == [
        {"user": "inspect", "groups_added": ["Auditor"]},
        {"user": "inspect", "groups_removed": ["Auditor"]},
        {"user": "inspect", "groups_added": ["Auditor"]},
        {"user": "inspect", "groups_removed": ["Auditor"]},
    ]


def test_making_a_superuser_or_deactivating_an_account_is_recorded():
    user = User.objects.create_user("promoted", password="x-Pass-123456")
    assert entries(AuditAction.ROLE_CHANGE) == []  # an ordinary account: no rights given
    user.is_superuser = True
    user.save()
    user = User.objects.get(pk=user.pk)
    user.is_active = False
    user.save()
    assert [entry.details for entry in entries(AuditAction.ROLE_CHANGE)] == [
        {"user": "promoted", "is_superuser": [False, True]},
        {"user": "promoted", "is_active": [True, False]},
    ]


def test_a_login_changes_no_rights(dpo_user):
    before = AuditEntry.objects.filter(action=AuditAction.ROLE_CHANGE).count()
    Client().force_login(dpo_user)
    assert AuditEntry.objects.filter(action=AuditAction.ROLE_CHANGE).count() == before
