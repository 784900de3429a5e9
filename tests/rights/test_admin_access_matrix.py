"""Role × admin URL matrix for the requests app's model, on the register's approach
(tests/register/test_admin_access_matrix.py): auditors read requests in the admin only; the
DPO edits them there too, deleting one stays a superuser's act."""

import pytest
from django.contrib import admin

from rights.models import DataSubjectRequest
from tests.register.test_admin_access_matrix import ALL, ROLES, VIEW, check_every_admin_page
from tests.rights.conftest import make_request

pytestmark = pytest.mark.django_db

RIGHTS_MODELS = [model for model in admin.site._registry if model._meta.app_label == "rights"]


def rights(role):
    if role in ("anonymous", "manager"):
        return None  # not staff: the admin's login page
    return {"superuser": ALL, "auditor": VIEW, "dpo": ALL - {"delete"}}[role]


def test_every_request_model_is_in_the_admin():
    assert set(RIGHTS_MODELS) == {DataSubjectRequest}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_its_admin_rights_allow(role):
    check_every_admin_page(DataSubjectRequest, role, make_request(), rights(role))
