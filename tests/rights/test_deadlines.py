"""The legal clock of art. 12(3): one calendar month from receipt, two more at most."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from rights.choices import Extension, RequestStatus
from rights.deadlines import answer_deadline, countdown_label
from rights.models import DataSubjectRequest
from tests.rights.conftest import make_request


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (date(2026, 3, 2), date(2026, 4, 2)),  # same date the next month
        (date(2026, 1, 31), date(2026, 2, 28)),  # February has no 31st: its last day
        (date(2028, 1, 31), date(2028, 2, 29)),  # a leap year
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 12, 15), date(2027, 1, 15)),  # across the year
    ],
)
def test_the_deadline_is_one_calendar_month_after_receipt(received, deadline):
    assert answer_deadline(received) == deadline


@pytest.mark.parametrize(
    ("months", "deadline"),
    [(1, date(2026, 3, 31)), (2, date(2026, 4, 30))],
)
def test_an_extension_is_counted_from_receipt_so_a_short_february_does_not_shorten_it(months, deadline):
    assert answer_deadline(date(2026, 1, 31), months) == deadline


def test_an_extension_beyond_two_further_months_is_refused():
    with pytest.raises(ValueError):
        answer_deadline(date(2026, 1, 31), 3)


def test_the_countdown_says_days_left_or_days_late():
    assert countdown_label(12) == "J-12"
    assert countdown_label(0) == "J-0"
    assert countdown_label(-1) == "en retard de 1 jour"
    assert countdown_label(-3) == "en retard de 3 jours"


@pytest.mark.django_db
def test_the_stored_due_day_follows_the_extension():
    subject_request = make_request(received_on=date(2026, 1, 31))
    assert subject_request.due_on == date(2026, 2, 28)
    subject_request.extension_months = Extension.TWO_MONTHS
    subject_request.save()
    assert DataSubjectRequest.objects.get(pk=subject_request.pk).due_on == date(2026, 4, 30)


@pytest.mark.django_db
def test_an_open_request_past_its_deadline_is_overdue_and_a_closed_one_is_not():
    late = make_request(received_on=date(2026, 1, 31))
    on_time = make_request(received_on=date(2026, 2, 20))
    answered = make_request(received_on=date(2026, 1, 5), status=RequestStatus.ANSWERED, answered_on=date(2026, 1, 20))
    today = date(2026, 3, 3)

    assert late.is_overdue(today) and late.countdown(today) == "en retard de 3 jours"
    assert not on_time.is_overdue(today) and on_time.countdown(today) == "J-17"
    assert not answered.is_overdue(today) and answered.countdown(today) == ""
    assert list(DataSubjectRequest.objects.overdue(today)) == [late]
    assert list(DataSubjectRequest.objects.due_within(20, today)) == [on_time]
    assert list(DataSubjectRequest.objects.due_within(16, today)) == []


@pytest.mark.django_db
def test_the_last_day_is_not_yet_overdue():
    subject_request = make_request(received_on=date(2026, 1, 31))
    assert not subject_request.is_overdue(date(2026, 2, 28))
    assert subject_request.is_overdue(date(2026, 3, 1))
    assert list(DataSubjectRequest.objects.due_within(0, date(2026, 2, 28))) == [subject_request]


def _errors(**fields):
    fields.setdefault("received_on", date(2026, 1, 31))
    subject_request = DataSubjectRequest(kind="access", person_name="Jeanne", channel="email", **fields)
    with pytest.raises(ValidationError) as refused:
        subject_request.full_clean(exclude=["number", "due_on"])
    return refused.value.message_dict


def _valid(**fields):
    fields.setdefault("received_on", date(2026, 1, 31))
    DataSubjectRequest(kind="access", person_name="Jeanne", channel="email", **fields).full_clean(
        exclude=["number", "due_on"]
    )


def test_an_extension_needs_its_reason():
    errors = _errors(extension_months=2, extension_notified_on=date(2026, 2, 10))
    assert "art. 12(3)" in errors["extension_reason"][0]


def test_an_extension_told_to_the_person_after_the_first_month_is_refused():
    errors = _errors(extension_months=2, extension_reason="Volume", extension_notified_on=date(2026, 3, 1))
    assert "Trop tard pour prolonger" in errors["extension_notified_on"][0]
    assert "28/02/2026" in errors["extension_notified_on"][0]


def test_an_extension_told_on_the_last_day_of_the_first_month_is_accepted():
    _valid(extension_months=2, extension_reason="Volume", extension_notified_on=date(2026, 2, 28))


def test_a_refusal_needs_its_reason_and_the_mention_of_the_cnil():
    errors = _errors(status=RequestStatus.REFUSED, answered_on=date(2026, 2, 10))
    assert "motif" in errors["refusal_reason"][0]
    assert "CNIL" in errors["cnil_complaint_mentioned"][0]
    _valid(
        status=RequestStatus.REFUSED,
        answered_on=date(2026, 2, 10),
        refusal_reason="Demande manifestement infondée",
        cnil_complaint_mentioned=True,
    )


def test_an_answer_has_its_date_and_dates_follow_the_receipt():
    assert "answered_on" in _errors(status=RequestStatus.ANSWERED)
    assert "précède" in _errors(answered_on=date(2026, 1, 30))["answered_on"][0]


def test_the_status_only_moves_forwards_and_a_closed_request_stays_closed():
    subject_request = DataSubjectRequest(status=RequestStatus.IN_PROGRESS)
    assert subject_request.can_move_to(RequestStatus.ANSWERED)
    assert not subject_request.can_move_to(RequestStatus.RECEIVED)
    assert not DataSubjectRequest(status=RequestStatus.ANSWERED).can_move_to(RequestStatus.IN_PROGRESS)
    assert DataSubjectRequest(status=RequestStatus.RECEIVED).can_move_to(RequestStatus.WITHDRAWN)


def test_the_countdown_speaks_english_when_the_interface_does():
    from django.utils import translation

    with translation.override("en"):
        assert countdown_label(12) == "D-12"
        assert countdown_label(-3) == "3 days late"


@pytest.mark.django_db
def test_the_digest_lists_the_overdue_and_those_due_within_two_weeks_soonest_first():
    from rights.digest import request_deadlines

    late = make_request(received_on=date(2026, 1, 31))
    soon = make_request(received_on=date(2026, 2, 10))
    make_request(received_on=date(2026, 3, 1))  # due 01/04: beyond two weeks
    items = list(request_deadlines(date(2026, 3, 3)))
    assert [item.path for item in items] == [late.get_absolute_url(), soon.get_absolute_url()]
    assert "en retard de 3 jours (28/02/2026)" in items[0].text and "J-7 (10/03/2026)" in items[1].text
