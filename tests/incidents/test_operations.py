"""An incident names the steps of a business process where it happened (its OP-xx)."""

import pytest
from django.urls import reverse

from incidents.models import Incident
from tests.conftest import make_treatment, page_text
from tests.incidents.conftest import make_incident, paris
from tests.incidents.test_qualification import qualify_data
from tests.processes.factories import add_operation, make_process
from tests.register.fiche_form import FormData

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording():
    fiche = make_treatment(name="Enregistrement des appels")
    process = make_process("Étude de marché Osiris")
    process.treatments.add(fiche)
    return add_operation(process, "Enregistrer l'appel", treatment=fiche)


def test_qualifying_an_incident_links_its_operation_and_the_operations_fiche(dpo_client, recording):
    incident = make_incident(occurred_at=paris(2026, 3, 27, 9, 30))

    response = dpo_client.post(
        reverse("incidents:qualify", args=[incident.number]), qualify_data(incident, operations=[recording.pk])
    )

    assert response.status_code == 302
    incident.refresh_from_db()
    assert list(incident.operations.all()) == [recording]
    assert list(incident.treatments.all()) == [recording.treatment]  # the operation's fiche comes with it
    page = page_text(dpo_client.get(incident.get_absolute_url()))
    assert f"Étude de marché Osiris — {recording.reference} — Enregistrer l'appel" in page


def test_the_incident_page_links_to_the_operations_row_on_its_process_page(dpo_client, recording):
    incident = make_incident(occurred_at=paris(2026, 3, 27, 9, 30))
    incident.operations.add(recording)

    html = dpo_client.get(incident.get_absolute_url()).content.decode()

    assert f'href="{recording.process.get_absolute_url()}#operation-{recording.pk}"' in html


def test_an_operation_without_personal_data_is_not_offered_and_a_forged_one_writes_nothing(dpo_client, recording):
    step = add_operation(recording.process, "Planifier la semaine", personal=False)
    incident = make_incident(occurred_at=paris(2026, 3, 27, 9, 30), subject="Avant")
    url = reverse("incidents:qualify", args=[incident.number])

    form_page = page_text(dpo_client.get(url))
    response = dpo_client.post(url, qualify_data(incident, subject="Après", operations=[recording.pk, step.pk]))

    assert "Enregistrer l'appel" in form_page and "Planifier la semaine" not in form_page
    assert response.status_code == 400
    incident.refresh_from_db()
    assert incident.subject == "Avant" and not incident.operations.exists() and incident.version == 1


def test_the_history_keeps_the_operations_an_incident_named(dpo_client, recording):
    incident = make_incident(occurred_at=paris(2026, 3, 27, 9, 30))
    dpo_client.post(
        reverse("incidents:qualify", args=[incident.number]), qualify_data(incident, operations=[recording.pk])
    )

    latest = Incident.history.filter(id=incident.pk).latest("history_id")

    assert [row.operation_id for row in latest.operations.all()] == [recording.pk]


def test_an_admin_save_makes_the_dpos_open_qualification_page_stale(admin_client, dpo_client):
    incident = make_incident(occurred_at=paris(2026, 3, 27, 9, 30), subject="Avant")
    opened = qualify_data(incident, subject="Depuis la page")
    url = reverse("admin:incidents_incident_change", args=[incident.pk])
    data = FormData.from_response(admin_client.get(url), form_id="incident_form")
    data["subject"] = "Depuis l'administration"
    assert admin_client.post(url, data.post_data()).status_code == 302

    response = dpo_client.post(reverse("incidents:qualify", args=[incident.number]), opened)

    assert response.status_code == 409
    incident.refresh_from_db()
    assert incident.subject == "Depuis l'administration" and incident.version == 2
