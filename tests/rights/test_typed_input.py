"""Whatever is typed into the request form's free-text and date boxes: a clear refusal with
nothing written, or the text kept (hypothesis, like tests/test_typed_input_property.py)."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from rights.models import DataSubjectRequest
from tests.conftest import make_user
from tests.test_typed_input_property import FORMS, check, rows, typed

pytestmark = pytest.mark.django_db


@FORMS
@given(name=typed, details=typed, received=st.one_of(st.just("02/03/2026"), typed))
def test_the_request_form_keeps_or_refuses_any_text(name, details, received):
    dpo = Client()
    dpo.force_login(make_user(f"dpo-{len(rows('auth')['auth.User'])}", "DPO", is_staff=True))
    before = rows("rights", "register")

    response = dpo.post(
        reverse("rights:create"),
        {
            "kind": "access",
            "person_name": name,
            "channel": "email",
            "received_on": received,
            "details": details,
            "status": "received",
        },
    )

    check(response, before, rows("rights", "register"))
    event(f"status {response.status_code}")
    if response.status_code == 302:
        subject_request = DataSubjectRequest.objects.latest("number")
        assert (subject_request.person_name, subject_request.details) == (name.strip(), details.strip())
