"""Two writes of the same thing at the same moment, on PostgreSQL (run by .ci/run's PostgreSQL pass).

Each test holds the first request inside its transaction, right after it claimed the row,
starts the second, checks that the second waits, then lets the first commit: the second
must then be refused as a conflict, never overwrite the first nor duplicate it.
"""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from incidents.models import Incident
from processes.models import Process
from register.choices import TreatmentRole
from register.models import Treatment
from register.views import imports
from tests.conftest import make_user, page_text
from tests.incidents.conftest import make_incident, paris
from tests.incidents.test_qualification import qualify_data
from tests.processes.editor_posts import editor_data
from tests.processes.factories import make_process
from tests.register.fiche_form import FormData
from tests.register.samples.cnil_template import CnilWorkbook, filled_fiche

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite serialises every writing transaction; its in-memory test database cannot hold two",
    ),
]


def two_dpos(dpo_user):
    first, second = Client(), Client()
    first.force_login(dpo_user)
    second.force_login(make_user("claire", "DPO"))
    return first, second


def race(monkeypatch, owner, name, first_request, second_request):
    """Run both requests, the first held just after `owner.name` returned; (responses, second waited)."""
    holding, release = threading.Event(), threading.Event()
    real = getattr(owner, name)

    def held(*args, **kwargs):
        result = real(*args, **kwargs)
        if threading.current_thread().name == "first" and not holding.is_set():
            holding.set()
            release.wait(10)
        return result

    monkeypatch.setattr(owner, name, held)
    responses = {}

    def run(label, request):
        try:
            responses[label] = request()
        finally:
            connection.close()

    first = threading.Thread(target=run, args=("first", first_request), name="first")
    first.start()
    assert holding.wait(10), "the first request never reached its write"
    second = threading.Thread(target=run, args=("second", second_request), name="second")
    second.start()
    second.join(0.5)
    waited = second.is_alive()
    release.set()
    first.join(10)
    second.join(10)
    return responses, waited


def test_two_saves_of_one_fiche_at_once_one_wins_the_other_gets_the_conflict_page(monkeypatch, dpo_user, treatment):
    first, second = two_dpos(dpo_user)
    url = reverse("register:edit", args=[treatment.reference])
    mine, theirs = FormData.from_response(first.get(url)), FormData.from_response(second.get(url))
    mine["name"], theirs["name"] = "Premier enregistrement", "Second onglet"

    responses, waited = race(
        monkeypatch,
        Treatment,
        "raise_version",
        lambda: first.post(url, mine.post_data()),
        lambda: second.post(url, theirs.post_data()),
    )

    assert waited, "the second save must wait for the first to commit"
    assert responses["first"].status_code == 302
    assert responses["second"].status_code == 409
    assert "Quelqu'un a enregistré cette fiche pendant que vous la modifiiez" in page_text(responses["second"])
    treatment.refresh_from_db()
    assert (treatment.name, treatment.version) == ("Premier enregistrement", 2)


def test_two_confirmations_of_an_import_at_once_are_serialised_without_duplicates(
    monkeypatch, settings, tmp_path, dpo_user
):
    settings.REGISTER_IMPORT_DIR = str(tmp_path)
    workbook = CnilWorkbook()
    filled_fiche(workbook, "Paie", reference="PAIE-01", name="Gestion de la paie", purpose="Payer les salariés")
    data = workbook.to_bytes()
    first, second = two_dpos(dpo_user)
    for http in (first, second):
        preview = http.post(
            reverse("register:import"),
            {"file": _ods(data), "default_role": TreatmentRole.CONTROLLER, "default_legal_basis": "legal_obligation"},
        )
        assert preview.status_code == 200, page_text(preview)[:500]
    confirm = reverse("register:import_confirm")

    responses, waited = race(
        monkeypatch, imports, "apply_plan", lambda: first.post(confirm), lambda: second.post(confirm)
    )

    assert waited, "the second confirmation must wait for the first import to commit"
    assert responses["first"].status_code == 302
    assert responses["second"].status_code == 409  # re-planned on the imported register: a new preview
    assert "Le registre a changé depuis l'aperçu" in page_text(responses["second"])
    assert Treatment.objects.filter(name="Gestion de la paie").count() == 1


def test_two_saves_of_one_process_at_once_one_wins_the_other_gets_the_conflict_page(monkeypatch, dpo_user):
    process = make_process()
    first, second = two_dpos(dpo_user)
    url = reverse("processes:edit", args=[process.pk])
    mine = editor_data(process, actors=[{"name": "Premier"}])
    theirs = editor_data(process, actors=[{"name": "Second"}])

    responses, waited = race(
        monkeypatch, Process, "raise_version", lambda: first.post(url, mine), lambda: second.post(url, theirs)
    )

    assert waited
    assert responses["first"].status_code == 302
    assert responses["second"].status_code == 409
    process.refresh_from_db()
    assert process.version == 2 and process.actors.order_by("position").first().name == "Premier"


def test_two_qualifications_of_one_incident_at_once_one_wins_the_other_gets_the_conflict_page(monkeypatch, dpo_user):
    incident = make_incident(occurred_at=paris(2026, 3, 27, 9, 30))
    first, second = two_dpos(dpo_user)
    url = reverse("incidents:qualify", args=[incident.number])
    opened = qualify_data(incident)

    responses, waited = race(
        monkeypatch,
        Incident,
        "raise_version",
        lambda: first.post(url, {**opened, "subject": "Premier enregistrement"}),
        lambda: second.post(url, {**opened, "subject": "Second onglet"}),
    )

    assert waited
    assert responses["first"].status_code == 302
    assert responses["second"].status_code == 409
    incident.refresh_from_db()
    assert (incident.subject, incident.version) == ("Premier enregistrement", 2)


def _ods(data):
    return SimpleUploadedFile("registre.ods", data, "application/vnd.oasis.opendocument.spreadsheet")
