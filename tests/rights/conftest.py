"""Data-subject requests for the tests."""

import itertools
from datetime import date

from register.choices import TreatmentRole
from rights.choices import RequestChannel, RequestKind
from rights.models import DataSubjectRequest
from tests.conftest import make_treatment

_people = itertools.count(1)


def make_request(*, treatments=(), **fields):
    fields.setdefault("kind", RequestKind.ACCESS)
    fields.setdefault("person_name", f"Personne {next(_people)}")
    fields.setdefault("channel", RequestChannel.EMAIL)
    fields.setdefault("received_on", date(2026, 3, 2))
    subject_request = DataSubjectRequest.objects.create(**fields)
    subject_request.treatments.set(treatments)
    return subject_request


def make_processor_fiche(client_name="Osiris"):
    from tests.conftest import make_organisation

    return make_treatment(controller=make_organisation(client_name), role=TreatmentRole.PROCESSOR, legal_basis="")
