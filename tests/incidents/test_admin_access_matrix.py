"""Role × admin URL matrix for the incidents app's models, on the register's approach
(tests/register/test_admin_access_matrix.py): every admin page, GET and POST, every role;
a refused POST leaves every table as it was. Auditors read incidents in the admin only."""

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile

from incidents.models import Attachment, AuthorityNotification, CorrectiveAction, Incident
from tests.incidents.conftest import make_breach, paris
from tests.register.test_admin_access_matrix import ALL, ROLES, VIEW, check_every_admin_page

pytestmark = pytest.mark.django_db

INCIDENT_MODELS = [model for model in admin.site._registry if model._meta.app_label == "incidents"]


def rights(role, model):
    if role in ("anonymous", "manager"):
        return None  # not staff: the admin's login page
    if model is Attachment:
        return VIEW  # added on the incident's page, where its content is checked
    if role == "superuser":
        return ALL
    if role == "auditor":
        return VIEW
    return ALL - {"delete"} if model is Incident else ALL  # DPO: deleting a ticket is a superuser's act


def target(model):
    incident = make_breach()
    if model is Incident:
        return incident
    if model is CorrectiveAction:
        return CorrectiveAction.objects.create(incident=incident, description="Valider les dates")
    if model is AuthorityNotification:
        return AuthorityNotification.objects.create(incident=incident, sent_at=paris(2026, 3, 3, 9))
    attachment = Attachment(incident=incident, original_name="note.txt", content_type="text/plain", size=5)
    attachment.file.save("note.txt", SimpleUploadedFile("note.txt", b"notes"), save=False)
    attachment.save()
    return attachment


def test_every_incident_model_is_in_the_admin():
    assert set(INCIDENT_MODELS) == {Incident, CorrectiveAction, AuthorityNotification, Attachment}


CASES = [(model, role) for model in INCIDENT_MODELS for role in ROLES]


@pytest.mark.parametrize(("model", "role"), CASES, ids=[f"{model.__name__}-{role}" for model, role in CASES])
def test_each_role_gets_what_its_admin_rights_allow(model, role):
    check_every_admin_page(model, role, target(model), rights(role, model))
