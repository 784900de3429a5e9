"""Role × admin URL matrix for the compliance app's models, on the register's approach
(tests/register/test_admin_access_matrix.py). Screenings and risk assessments are read in
the admin, by everyone on staff with a role, a superuser included: they are written from the
fiche's pages, where the fiche's DPIA status and the version lock follow."""

import pytest
from django.contrib import admin

from compliance.models import DpiaScreening, FearedEvent, RiskAssessment
from tests.conftest import make_treatment
from tests.register.test_admin_access_matrix import ROLES, VIEW, check_every_admin_page

from .factories import assess, screen

pytestmark = pytest.mark.django_db

COMPLIANCE_MODELS = [model for model in admin.site._registry if model._meta.app_label == "compliance"]


def test_every_compliance_model_is_in_the_admin():
    assert set(COMPLIANCE_MODELS) == {DpiaScreening, RiskAssessment}
    assert FearedEvent not in COMPLIANCE_MODELS  # an inline of its assessment


def rights(role):
    return None if role in ("anonymous", "manager") else VIEW


def target(model):
    treatment = make_treatment()
    if model is DpiaScreening:
        return screen(treatment, "evaluation")
    return assess(treatment, access=(3, 2, 1, 1))


CASES = [(model, role) for model in COMPLIANCE_MODELS for role in ROLES]


@pytest.mark.parametrize(("model", "role"), CASES, ids=[f"{model.__name__}-{role}" for model, role in CASES])
def test_each_role_gets_what_its_admin_rights_allow(model, role):
    check_every_admin_page(model, role, target(model), rights(role))
