"""Whatever is typed in the journal's filters or the retention setting: no crash, a clear
refusal or a valid reading, and nothing written."""

import os

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.forms import JournalFilterForm
from audit.models import AuditEntry
from centrecall.settings import env_days

pytestmark = pytest.mark.django_db

typed = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
day_like = st.one_of(typed, st.dates().map(lambda day: day.strftime("%d/%m/%Y")), st.dates().map(str))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(user=typed, action=typed, start=day_like, end=day_like)
def test_any_filter_is_read_or_refused_in_french_without_writing(user, action, start, end):
    before = AuditEntry.objects.count()
    form = JournalFilterForm({"user": user, "action": action, "start": start, "end": end})
    if form.is_valid():
        list(form.entries()[:5])
        assert form.describe()
    else:
        messages = form.error_list()
        assert messages and all(message.strip() for message in messages)
    assert AuditEntry.objects.count() == before


@settings(max_examples=200, deadline=None)
@given(value=typed)
def test_any_retention_text_is_a_day_count_or_a_clear_refusal(value):
    os.environ["DJANGO_AUDIT_RETENTION_DAYS"] = value.replace("\x00", "")
    try:
        days = env_days("DJANGO_AUDIT_RETENTION_DAYS", 365)
    except ImproperlyConfigured as error:
        assert "whole number of days" in str(error)
    else:
        assert 1 <= days <= 36500
    finally:
        del os.environ["DJANGO_AUDIT_RETENTION_DAYS"]


@pytest.mark.parametrize("day", ["0001-1-1", "01/01/0001", "31/12/9999", "1899-12-31"])
def test_a_day_at_the_calendars_ends_is_refused_in_french(day):
    form = JournalFilterForm({"start": day, "end": day})

    assert not form.is_valid()
    assert "Du : Saisissez une date entre le 01/01/1900 et le 31/12/2999." in form.error_list()
