"""Role × admin URL matrix for the processes app's models, on the register's approach
(tests/register/test_admin_access_matrix.py): every admin page, GET and POST, every role;
a refused POST leaves every table as it was. Auditors read processes in the admin only."""

import pytest
from django.contrib import admin

from processes.models import Actor, CollectionForm, EmissionRule, Event, FormField, Operation, Process
from tests.register.test_admin_access_matrix import ALL, ROLES, VIEW, check_every_admin_page

from .factories import add_event, add_operation, add_rule, make_process

pytestmark = pytest.mark.django_db

PROCESS_MODELS = [model for model in admin.site._registry if model._meta.app_label == "processes"]


def rights(role, model):
    if role in ("anonymous", "manager"):
        return None  # not staff: the admin's login page
    if model in (Operation, EmissionRule):
        return VIEW  # changed on their process's page
    if role in ("superuser", "dpo"):
        return ALL
    return VIEW  # auditor


def target(model):
    process = make_process()
    operation = add_operation(process, "Enregistrement d'un appel téléphonique")
    if model is Process:
        return process
    if model is Operation:
        return operation
    if model is EmissionRule:
        return add_rule(operation, "Refus", event=add_event(process, "Enregistrement refusé"))
    form = CollectionForm.objects.create(name="Questionnaire Osiris")
    FormField.objects.create(form=form, label="Nom", example="DESMARC")
    return form


def test_every_process_model_is_in_the_admin():
    assert set(PROCESS_MODELS) == {Process, Operation, EmissionRule, CollectionForm}
    assert Actor not in PROCESS_MODELS and Event not in PROCESS_MODELS  # inlines of the process


CASES = [(model, role) for model in PROCESS_MODELS for role in ROLES]


@pytest.mark.parametrize(("model", "role"), CASES, ids=[f"{model.__name__}-{role}" for model, role in CASES])
def test_each_role_gets_what_its_admin_rights_allow(model, role):
    check_every_admin_page(model, role, target(model), rights(role, model))
