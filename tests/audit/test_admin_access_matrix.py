"""The audit trail in the admin: every page, GET and POST, for every role (the register's
matrix helpers); read only for those who may read it, nothing written by anyone."""

import pytest
from django.contrib import admin

from audit.models import AuditAction, AuditEntry
from tests.register.test_admin_access_matrix import ROLES, VIEW, check_every_admin_page

pytestmark = pytest.mark.django_db

AUDIT_MODELS = [model for model in admin.site._registry if model._meta.app_label == "audit"]


def rights(role):
    if role in ("anonymous", "manager"):
        return None  # not staff: the admin's login page
    if role == "staff":
        return frozenset()  # staff without a role
    return VIEW  # auditor, DPO, superuser: read only


def test_the_audit_trail_is_the_only_audit_model_in_the_admin():
    assert set(AUDIT_MODELS) == {AuditEntry}


@pytest.mark.parametrize("role", (*ROLES, "staff"))
def test_each_role_gets_what_its_admin_rights_allow(role):
    entry = AuditEntry.objects.create(action=AuditAction.LOGIN_FAILED, username="dpo", address="10.0.0.1")
    check_every_admin_page(AuditEntry, role, entry, rights(role))
    assert AuditEntry.objects.filter(pk=entry.pk, username="dpo").exists()
