"""The 72-hour clock (art. 33(1)) and the processor's warning to its client (art. 33(2))."""

from datetime import timedelta

import pytest
from django.utils import timezone

from incidents.models import AuthorityNotification
from register.choices import TreatmentRole
from tests.conftest import make_organisation, make_treatment
from tests.incidents.conftest import make_breach, paris

pytestmark = pytest.mark.django_db


def local(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def test_deadline_across_the_last_sunday_of_march_is_72_hours_later_one_clock_hour_on():
    # Paris moves from UTC+1 to UTC+2 on Sunday 29 March 2026 at 02:00.
    breach = make_breach(occurred_at=paris(2026, 3, 27, 10), aware_at=paris(2026, 3, 27, 10))

    assert breach.notification_deadline - breach.aware_at == timedelta(hours=72)
    assert local(breach.notification_deadline) == "30/03/2026 11:00"


def test_deadline_across_the_last_sunday_of_october_is_72_hours_later_one_clock_hour_back():
    # Paris moves from UTC+2 to UTC+1 on Sunday 25 October 2026 at 03:00.
    breach = make_breach(occurred_at=paris(2026, 10, 23, 10), aware_at=paris(2026, 10, 23, 10))

    assert breach.notification_deadline - breach.aware_at == timedelta(hours=72)
    assert local(breach.notification_deadline) == "26/10/2026 09:00"


def test_deadline_on_a_week_without_a_change_keeps_the_clock_time():
    breach = make_breach(occurred_at=paris(2026, 6, 1, 18, 30), aware_at=paris(2026, 6, 1, 18, 30))

    assert local(breach.notification_deadline) == "04/06/2026 18:30"


def test_an_incident_that_is_not_a_breach_has_no_deadline():
    breach = make_breach(aware_at=paris(2026, 3, 2, 9))
    breach.is_breach = False

    assert breach.notification_deadline is None


def test_a_notification_after_the_deadline_is_late_and_one_before_is_not():
    breach = make_breach(aware_at=paris(2026, 3, 2, 9))
    AuthorityNotification.objects.create(incident=breach, sent_at=paris(2026, 3, 5, 9, 1))
    on_time = make_breach(aware_at=paris(2026, 3, 2, 9))
    AuthorityNotification.objects.create(incident=on_time, sent_at=paris(2026, 3, 5, 9))

    assert breach.was_notified_late
    assert not on_time.was_notified_late


def test_a_breach_past_its_deadline_without_notification_or_reason_is_overdue():
    breach = make_breach(aware_at=paris(2026, 3, 2, 9))

    assert not breach.is_overdue_at(paris(2026, 3, 5, 9))
    assert breach.is_overdue_at(paris(2026, 3, 5, 9, 1))
    breach.not_notified_reason = "Données chiffrées, clé non compromise."
    assert not breach.is_overdue_at(paris(2026, 3, 5, 9, 1))


def test_a_complementary_notification_alone_does_not_count_as_the_initial_one():
    breach = make_breach(aware_at=paris(2026, 3, 2, 9))
    AuthorityNotification.objects.create(incident=breach, kind="complementary", sent_at=paris(2026, 3, 3, 9))

    assert breach.notified_at is None
    assert breach.is_overdue_at(paris(2026, 3, 6, 9))


def processor_breach(**fields):
    client = make_organisation("Osiris")
    fiche = make_treatment(controller=client, role=TreatmentRole.PROCESSOR, lines=False)
    return make_breach(treatments=[fiche], **fields), client


def test_on_a_processor_fiche_the_client_controller_is_warned_without_undue_delay_by_default():
    breach, client = processor_breach(aware_at=paris(2026, 3, 2, 9))

    assert breach.is_processor_case
    assert breach.client_controller == client
    assert breach.controller_deadline is None  # « dans les meilleurs délais »
    assert "à prévenir" in breach.notification_status()
    # The CNIL's 72 hours are the client's to keep: CentreCall is not overdue with the CNIL.
    assert not breach.is_overdue_at(paris(2026, 3, 9, 9))


def test_the_contract_delay_sets_the_processors_own_deadline_and_its_lateness():
    breach, _client = processor_breach(aware_at=paris(2026, 3, 27, 10), controller_delay_hours=48)

    assert local(breach.controller_deadline) == "29/03/2026 11:00"  # across the March change
    assert not breach.is_controller_warning_overdue_at(paris(2026, 3, 29, 11))
    assert breach.is_controller_warning_overdue_at(paris(2026, 3, 29, 11, 1))
    breach.controller_warned_at = paris(2026, 3, 29, 12)
    assert breach.was_controller_warned_late
    assert not breach.is_controller_warning_overdue_at(paris(2026, 4, 1))


def test_a_controller_fiche_is_not_a_processor_case():
    fiche = make_treatment(lines=False)
    breach = make_breach(treatments=[fiche], controller_delay_hours=24)

    assert not breach.is_processor_case
    assert breach.controller_deadline is None


def test_the_countdown_says_the_time_left_or_how_late():
    from incidents.templatetags.incidents_tags import countdown

    assert countdown(timedelta(days=1, hours=4, minutes=10)) == "reste 1 jour 4 h"
    assert countdown(timedelta(minutes=-190)) == "dépassé de 3 h 10 min"
    breach = make_breach(aware_at=paris(2026, 3, 2, 9))
    assert breach.time_left(paris(2026, 3, 4, 9)) == timedelta(days=1)
    AuthorityNotification.objects.create(incident=breach, sent_at=paris(2026, 3, 3, 9))
    assert breach.time_left(paris(2026, 3, 4, 9)) is None  # notified: nothing to count down


def test_a_processor_counts_down_to_the_clients_deadline_not_the_cnils():
    breach, _client = processor_breach(aware_at=paris(2026, 3, 2, 9), controller_delay_hours=24)

    assert breach.time_left(paris(2026, 3, 2, 21)) is None  # the CNIL's 72 hours are the client's
    assert breach.pending_deadline == breach.controller_deadline
    assert breach.pending_time_left(paris(2026, 3, 2, 21)) == timedelta(hours=12)
    breach.controller_warned_at = paris(2026, 3, 2, 20)
    assert breach.pending_time_left(paris(2026, 3, 2, 21)) is None


def test_the_list_shows_a_processors_deadline_to_warn_its_client(dpo_client):
    from django.urls import reverse

    from tests.conftest import page_text

    breach, _client = processor_breach(aware_at=paris(2026, 3, 2, 9), controller_delay_hours=24)
    text = page_text(dpo_client.get(reverse("incidents:list")))

    row = text[text.index(breach.reference) :]
    assert "03/03/2026 09:00 (client à prévenir) dépassé de" in row
    assert "05/03/2026 09:00" not in row  # not the CNIL's 72 hours
