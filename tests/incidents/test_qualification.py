"""The DPO qualifies, updates and closes; the detail page shows the deadline and what is owed."""

import pytest
from django.urls import reverse

from incidents.models import AuthorityNotification, CorrectiveAction, Incident
from register.choices import TreatmentRole
from tests.conftest import make_organisation, make_treatment, page_text
from tests.incidents.conftest import make_breach, make_incident, paris
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def qualify_data(incident, **fields):
    data = {
        "status": "analysing",
        "subject": incident.subject,
        "message": incident.message,
        "occurred_at": "27/03/2026 09:30",
        "channel": "mobile_json",
        "is_breach": "true",
        "integrity": "on",
        "risk_level": "risk",
        "aware_at": "27/03/2026 10:00",
        "consequences": "Dates de réponse fausses",
        "loaded_version": incident.version,
    }
    data.update(fields)
    return data


def test_the_dpo_qualifies_an_incident_as_a_breach_and_sees_its_deadline_in_paris_time(dpo_client):
    incident = make_incident(occurred_at=paris(2026, 3, 27, 9, 30), reported_at=paris(2026, 3, 27, 9, 45))

    response = dpo_client.post(reverse("incidents:qualify", args=[incident.number]), qualify_data(incident))

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.is_breach and incident.integrity and incident.status == "analysing"
    page = page_text(dpo_client.get(incident.get_absolute_url()))
    assert "Échéance : 30/03/2026 11:00" in page  # 72 real hours across the spring change


def test_a_breach_without_its_moment_of_awareness_is_refused_and_nothing_changes(dpo_client):
    incident = make_incident()

    response = dpo_client.post(
        reverse("incidents:qualify", args=[incident.number]), qualify_data(incident, aware_at="", subject="Changé")
    )

    assert response.status_code == 400
    assert "Une violation a un moment de prise de connaissance" in page_text(response)
    incident.refresh_from_db()
    assert incident.is_breach is None and incident.subject != "Changé"


def test_an_hour_that_does_not_exist_in_paris_is_refused(dpo_client):
    incident = make_incident(occurred_at=paris(2026, 3, 20))

    response = dpo_client.post(
        reverse("incidents:qualify", args=[incident.number]), qualify_data(incident, aware_at="29/03/2026 02:30")
    )

    assert response.status_code == 400
    assert not Incident.objects.get().is_breach


def test_a_stale_edit_is_refused_and_the_first_save_survives(dpo_client):
    incident = make_incident(occurred_at=paris(2026, 3, 27, 9, 30), reported_at=paris(2026, 3, 27, 9, 45))
    url = reverse("incidents:qualify", args=[incident.number])
    opened_twice = qualify_data(incident)

    first = dpo_client.post(url, {**opened_twice, "subject": "Premier enregistrement"})
    second = dpo_client.post(url, {**opened_twice, "subject": "Second onglet"})

    assert first.status_code == 302
    assert second.status_code == 409
    assert "Quelqu'un a enregistré cet incident depuis que vous avez ouvert la page" in page_text(second)
    incident.refresh_from_db()
    assert incident.subject == "Premier enregistrement" and incident.version == 2


def test_a_forged_post_without_the_loaded_version_writes_nothing(dpo_client):
    incident = make_incident(occurred_at=paris(2026, 3, 20))
    data = qualify_data(incident, subject="Forgé")
    del data["loaded_version"]

    response = dpo_client.post(reverse("incidents:qualify", args=[incident.number]), data)

    assert response.status_code == 400
    incident.refresh_from_db()
    assert incident.subject != "Forgé" and incident.version == 1


def test_closing_records_when(dpo_client):
    incident = make_breach(occurred_at=paris(2026, 3, 27, 9, 30), aware_at=paris(2026, 3, 27, 10))

    dpo_client.post(reverse("incidents:qualify", args=[incident.number]), qualify_data(incident, status="closed"))

    incident.refresh_from_db()
    assert incident.status == "closed" and incident.closed_at is not None


def test_the_dpo_adds_a_corrective_action_and_a_notification(dpo_client):
    incident = make_breach(aware_at=paris(2026, 3, 2, 9))

    dpo_client.post(
        reverse("incidents:action_add", args=[incident.number]),
        {
            "action-description": "Rejeter les dates ambiguës",
            "action-owner": "David Blanc",
            "action-due_date": "15/03/2026",
        },
    )
    dpo_client.post(
        reverse("incidents:notification_add", args=[incident.number]),
        {
            "notification-kind": "initial",
            "notification-sent_at": "04/03/2026 10:00",
            "notification-authority_reference": "N-1",
        },
    )

    action = CorrectiveAction.objects.get()
    assert action.owner == "David Blanc" and action.due_date.isoformat() == "2026-03-15"
    assert AuthorityNotification.objects.get().authority_reference == "N-1"
    assert "Notifiée à la CNIL le 04/03/2026 10:00 (N-1)" in page_text(dpo_client.get(incident.get_absolute_url()))


def test_a_manager_reads_an_incident_without_the_dpos_buttons(manager_client):
    incident = make_breach()

    page = page_text(manager_client.get(incident.get_absolute_url()))

    assert incident.subject in page and "Qualification" in page
    assert "Qualifier et mettre à jour" not in page and "Ajouter une action corrective" not in page


def test_the_notification_draft_follows_the_cnil_form_and_lists_what_is_missing(dpo_client):
    incident = make_breach(aware_at=paris(2026, 3, 2, 9), consequences="Dates fausses")

    page = page_text(dpo_client.get(reverse("incidents:notification_draft", args=[incident.number])))

    headings = [
        "1. Type de notification",
        "2. Organisme",
        "3. Dates et circonstances",
        "4. Nature",
        "5. Données",
        "6. Conséquences",
        "7. Mesures",
        "8. Information des personnes",
    ]
    positions = [page.index(heading) for heading in headings]
    assert positions == sorted(positions)
    missing = page[page.index("Il manque encore") : page.index(headings[0])]
    assert "Mesures" in missing and "Nombre approximatif de personnes" in missing
    assert "Conséquences pour les personnes" not in missing


def test_for_a_processor_the_draft_has_the_message_to_the_client_controller(dpo_client):
    fiche = make_treatment(controller=make_organisation("Osiris"), role=TreatmentRole.PROCESSOR, lines=False)
    incident = make_breach(aware_at=paris(2026, 3, 2, 9), treatments=[fiche])

    response = dpo_client.get(reverse("incidents:notification_pdf", args=[incident.number]))

    text = pdf_text(response.content)
    assert "Message au client responsable de traitement" in text
    assert "sous-traitant de Osiris" in text and "dans les meilleurs délais" in text


def test_the_list_filters_by_application_breach_and_overdue_and_counts_down(dpo_client):
    overdue = make_breach(subject="Dates inversées", aware_at=paris(2026, 3, 2, 9))
    make_incident(subject="Imprimante", source_application="Téléphonie")
    make_incident(subject="Non qualifié", source_application="ComPlus")

    page = page_text(dpo_client.get(reverse("incidents:list"), {"application": "ComPlus", "breach": "yes"}))
    assert "Dates inversées" in page and "Imprimante" not in page and "Non qualifié" not in page
    assert "dépassé de" in page  # the countdown of a breach past its deadline

    page = page_text(dpo_client.get(reverse("incidents:list"), {"overdue": "on"}))
    assert overdue.subject in page and "Imprimante" not in page
    assert dpo_client.get(reverse("incidents:list"), {"application": "Inconnue"}).status_code == 400


def test_the_list_keeps_the_incidents_not_yet_closed(dpo_client):
    new = make_incident(subject="Nouveau ticket")
    analysing = make_incident(subject="En analyse", status="analysing")
    make_incident(subject="Ticket clos", status="closed")

    page = page_text(dpo_client.get(reverse("incidents:list"), {"status": "open"}))

    assert set(Incident.objects.open()) == {new, analysing}
    assert "Nouveau ticket" in page and "En analyse" in page and "Ticket clos" not in page
