"""Users per role and small factories shared by every test."""

import html
import itertools
import re

import pytest
from django.contrib.auth.models import Group, User

from register.choices import LegalBasis, OrganisationKind, TreatmentRole
from register.models import (
    DataCategory,
    DataCategoryLine,
    DataSubjectCategory,
    DataSubjectLine,
    Organisation,
    Recipient,
    RecipientCategory,
    SecurityMeasure,
    SecurityMeasureCategory,
    SubPurpose,
    Treatment,
)

PASSWORD = "test-password-Ab12"
_counter = itertools.count(1)


def page_text(response):
    """A page's text as read on screen: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))


def page_html(response):
    """A page's HTML with its entities decoded: for what a test finds in markup (links, values)."""
    return html.unescape(response.content.decode())


def make_user(username, group=None, *, is_staff=False, is_superuser=False):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=is_staff, is_superuser=is_superuser)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture(autouse=True)
def pdf_parts_cache(settings, tmp_path_factory):
    """Each test lays out the register's PDF parts in a cache of its own, in one process
    (tests/register/test_pdf_assembly.py asks for a pool where it tests one)."""
    location = tmp_path_factory.mktemp("pdf-parts")
    cache = {**settings.CACHES[settings.PDF_PARTS_CACHE], "LOCATION": location}
    settings.CACHES = {**settings.CACHES, settings.PDF_PARTS_CACHE: cache}
    settings.PDF_RENDER_PROCESSES = 1
    return location


@pytest.fixture
def dpo_user(db):
    return make_user("dpo", "DPO", is_staff=True)


@pytest.fixture
def manager_user(db):
    return make_user("manager", "Manager")


@pytest.fixture
def auditor_user(db):
    return make_user("auditor", "Auditor", is_staff=True)


@pytest.fixture
def superuser(db):
    return make_user("root", is_staff=True, is_superuser=True)


@pytest.fixture
def dpo_client(client, dpo_user):
    client.force_login(dpo_user)
    return client


@pytest.fixture
def manager_client(client, manager_user):
    client.force_login(manager_user)
    return client


@pytest.fixture
def auditor_client(client, auditor_user):
    client.force_login(auditor_user)
    return client


def make_organisation(name=None, kind=OrganisationKind.CLIENT, **fields):
    return Organisation.objects.create(name=name or f"Organisation {next(_counter)}", kind=kind, **fields)


def make_treatment(*, controller=None, lines=True, **fields):
    """A fiche with one line in each table (three security measures: access control, backups and
    traceability, the kinds every fiche needs) unless lines=False."""
    number = next(_counter)
    fields.setdefault("name", f"Traitement {number}")
    fields.setdefault("main_purpose", f"Finalité du traitement {number}")
    fields.setdefault("legal_basis", LegalBasis.CONTRACT)
    fields.setdefault("role", TreatmentRole.CONTROLLER)
    treatment = Treatment.objects.create(controller=controller or make_organisation(), **fields)
    if lines:
        SubPurpose.objects.create(treatment=treatment, description="Sous-finalité", position=1)
        DataCategoryLine.objects.create(
            treatment=treatment,
            category=DataCategory.objects.get(code="identity"),
            description="Nom, prénom",
            retention_value=6,
            retention_unit="months",
        )
        DataSubjectLine.objects.create(treatment=treatment, category=DataSubjectCategory.objects.get(code="prospects"))
        Recipient.objects.create(
            treatment=treatment, category=RecipientCategory.objects.get(code="internal_service"), name="Service interne"
        )
        for code, description in (
            ("access_control", "Comptes nominatifs"),
            ("backups", "Sauvegarde quotidienne"),
            ("traceability", "Journalisation des accès"),
        ):
            SecurityMeasure.objects.create(
                treatment=treatment, category=SecurityMeasureCategory.objects.get(code=code), description=description
            )
    return treatment


@pytest.fixture
def organisation(db):
    return make_organisation("Osiris")


@pytest.fixture
def treatment(db, organisation):
    return make_treatment(controller=organisation, name="Études de marché Osiris")


def pytest_report_header(config):
    from django.db import connection

    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"
