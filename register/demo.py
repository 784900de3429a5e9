"""Load the CentreCall case (fixtures/centrecall_demo.json) into the register.

Idempotent: organisations and contacts are matched by name, fiches by reference; a fiche
that already exists is left as it is, so running it again changes nothing and never
overwrites what a DPO edited.
"""

import json
from datetime import date, datetime, time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import roles
from .models import (
    LINE_MODELS,
    Contact,
    Country,
    DataCategory,
    DataCategoryLine,
    DataSubjectCategory,
    DataSubjectLine,
    Department,
    Organisation,
    Recipient,
    RecipientCategory,
    SecurityMeasure,
    SecurityMeasureCategory,
    Site,
    SubPurpose,
    Transfer,
    TransferSafeguard,
    Treatment,
)

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "centrecall_demo.json"
DEMO_USERS = [
    ("dpo", roles.DPO, True, "Sophie", "Lambert"),
    ("manager", roles.MANAGER, False, "Paul", "Mercier"),
    ("auditor", roles.AUDITOR, True, "Inès", "Faure"),
]


_loaders = []  # the other apps' demo data, loaded after the register's (see add_loader)


def add_loader(function):
    """Have `load_demo` call `function()` after the register's fiches, in the same transaction.

    Apps add their part of the CentreCall case from their AppConfig.ready(); each loader is
    idempotent like load_demo itself. Adding the same function twice keeps one.
    """
    if function not in _loaders:
        _loaders.append(function)


@transaction.atomic
def load_demo(path=DEMO_FILE):
    demo = json.loads(Path(path).read_text(encoding="utf-8"))
    for spec in demo["organisations"]:
        _load_organisation(spec)
    for spec in demo["treatments"]:
        if not Treatment.objects.filter(reference=spec["reference"]).exists():
            _date_history_from_creation(_load_treatment(spec))
    for loader in _loaders:
        loader()


def _date_history_from_creation(treatment):
    """Date the demo fiche's first history records at its creation date, so that the
    register as it stood on a past date shows the demo fiches that existed then."""
    created = _aware(treatment.created_at)
    Treatment.objects.filter(pk=treatment.pk).update(updated_at=created)
    Treatment.history.filter(id=treatment.pk).update(history_date=created, updated_at=created)
    for model in LINE_MODELS:
        model.history.filter(treatment_id=treatment.pk).update(history_date=created)


def _load_organisation(spec):
    spec = dict(spec)
    contacts, sites, departments = spec.pop("contacts", []), spec.pop("sites", []), spec.pop("departments", [])
    organisation, _ = Organisation.objects.get_or_create(name=spec.pop("name"), defaults=spec)
    for contact in contacts:
        contact = dict(contact)
        Contact.objects.get_or_create(
            organisation=organisation, role=contact.pop("role"), name=contact.pop("name"), defaults=contact
        )
    for site in sites:
        Site.objects.get_or_create(organisation=organisation, name=site["name"], defaults=site)
    for department in departments:
        _load_department(organisation, None, department)


def _load_department(organisation, parent, spec):
    spec = dict(spec)
    children = spec.pop("children", [])
    department, _ = Department.objects.get_or_create(
        organisation=organisation, parent=parent, name=spec.pop("name"), defaults=spec
    )
    for child in children:
        _load_department(organisation, department, child)


def _aware(day):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _load_treatment(spec):
    spec = dict(spec)
    lines = {
        key: spec.pop(key, [])
        for key in (
            "sub_purposes",
            "data_lines",
            "data_subjects",
            "recipients",
            "transfers",
            "security_measures",
            "processors",
        )
    }
    spec["controller"] = Organisation.objects.get(name=spec["controller"])
    spec["created_at"] = date.fromisoformat(spec["created_at"])
    if spec.get("next_review_date"):
        spec["next_review_date"] = datetime.fromisoformat(spec["next_review_date"]).date()
    treatment = Treatment.objects.create(**spec)
    treatment.processors.set(Organisation.objects.filter(name__in=lines["processors"]))
    for position, description in enumerate(lines["sub_purposes"], start=1):
        SubPurpose.objects.create(treatment=treatment, position=position, description=description)
    for position, line in enumerate(lines["data_lines"], start=1):
        line = {**line, "category": DataCategory.objects.get(code=line["category"])}
        record = DataCategoryLine(treatment=treatment, position=position, **line)
        record.full_clean()
        record.save()
    for position, line in enumerate(lines["data_subjects"], start=1):
        DataSubjectLine.objects.create(
            treatment=treatment,
            position=position,
            category=DataSubjectCategory.objects.get(code=line["category"]),
            detail=line.get("detail", ""),
        )
    for position, line in enumerate(lines["recipients"], start=1):
        organisation = line.get("organisation")
        Recipient.objects.create(
            treatment=treatment,
            position=position,
            name=line["name"],
            category=RecipientCategory.objects.get(code=line["category"]),
            organisation=Organisation.objects.get(name=organisation) if organisation else None,
        )
    for position, line in enumerate(lines["transfers"], start=1):
        record = Transfer(
            treatment=treatment,
            position=position,
            recipient=line["recipient"],
            country=Country.objects.get(code=line["country"]),
            safeguard=TransferSafeguard.objects.get(code=line["safeguard"]),
            document_reference=line.get("document_reference", ""),
        )
        record.full_clean()
        record.save()
    for position, line in enumerate(lines["security_measures"], start=1):
        SecurityMeasure.objects.create(
            treatment=treatment,
            position=position,
            description=line["description"],
            category=SecurityMeasureCategory.objects.get(code=line["category"]),
        )
    return treatment


def _describe_demo_user(user, first_name, last_name):
    user.first_name, user.last_name = first_name, last_name
    user.email = f"{user.username}@centrecall.example"
    return user


def demo_password_problems(password):
    """What AUTH_PASSWORD_VALIDATORS say against `password` for any demo account, without a write.

    The demo accounts are real accounts of a register (a DPO's among them): a password the
    sign-up rules would refuse, such as `a`, must not slip in through `load_demo`. Each
    account is checked with its own names and address (UserAttributeSimilarityValidator).
    """
    user_model = get_user_model()
    problems = []
    for username, _, _, first_name, last_name in DEMO_USERS:
        user = _describe_demo_user(user_model(username=username), first_name, last_name)
        try:
            validate_password(password, user)
        except ValidationError as error:
            problems.extend(message for message in error.messages if message not in problems)
    return problems


def create_demo_users(password):
    """One user per role; an existing user gets the password and role again."""
    user_model = get_user_model()
    for username, group_name, is_staff, first_name, last_name in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(username=username)
        _describe_demo_user(user, first_name, last_name)
        user.is_staff = is_staff
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=group_name)])
