"""Whatever is typed into a free-text or date box: a clear refusal with nothing written, or the text kept.

Random text — control characters, NUL, right-to-left marks, spreadsheet formulas, markup,
texts far beyond the fields' limits — in the forms of every app that take free text, and
random strings in the date and date-time boxes (hypothesis). Never a server error.
"""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from incidents.forms import MomentField
from register.choices import OrganisationKind
from register.forms.fields import DayField
from register.models import Treatment
from tests.conftest import make_organisation, make_treatment, make_user
from tests.incidents.conftest import make_incident, paris
from tests.incidents.test_qualification import qualify_data
from tests.incidents.test_reporting import report
from tests.register.fiche_form import FormData

pytestmark = pytest.mark.django_db

HOSTILE = ["", " ", "\x00", "=1+1", "<script>alert(1)</script>", "\u202eevil", "é" * 300, "x" * 5000, "\r\n\t"]
typed = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
)
FORMS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
BOXES = settings(max_examples=300, deadline=None)


def rows(*app_labels):
    """Every row of the apps' tables (history included): equal before and after a refusal."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in app_labels
    }


def check(response, before, after):
    """A refusal says why and writes nothing; an acceptance redirects."""
    assert response.status_code in (200, 302, 400, 409), response.status_code
    if response.status_code != 302:
        content = response.content.decode()
        assert "invalid-feedback" in content or "errorlist" in content or "alert-danger" in content
        assert after == before, "a refused form wrote something"


@pytest.fixture
def dpo(db):
    client = Client()
    client.force_login(make_user("dpo", "DPO", is_staff=True))
    return client


@pytest.fixture
def centrecall(db):
    return make_organisation("CentreCall", kind=OrganisationKind.SELF)


@FORMS
@given(name=typed, purpose=typed, detail=typed)
def test_the_fiche_form_keeps_or_refuses_any_text(dpo, centrecall, name, purpose, detail):
    data = FormData.from_response(dpo.get(reverse("register:create")))
    data["name"], data["main_purpose"], data["legal_basis_detail"] = name, purpose, detail
    data["legal_basis"] = "contract"
    before = rows("register")

    response = dpo.post(reverse("register:create"), data.post_data())

    check(response, before, rows("register"))
    event(f"status {response.status_code}")
    if response.status_code == 302:
        fiche = Treatment.objects.get(reference=response["Location"].strip("/").split("/")[-1])
        assert (fiche.name, fiche.main_purpose) == (name.strip(), purpose.strip())


@FORMS
@given(subject=typed, message=typed, role=typed, application=typed)
def test_the_incident_report_keeps_or_refuses_any_text(settings, tmp_path, subject, message, role, application):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    staff = Client()
    staff.force_login(make_user(f"staff-{len(rows('auth')['auth.User'])}", is_staff=True))
    before = rows("incidents")

    response = staff.post(
        reverse("incidents:report"),
        report(subject=subject, message=message, reporter_role=role, source_application=application),
    )

    check(response, before, rows("incidents"))
    event(f"status {response.status_code}")


@FORMS
@given(subject=typed, reasoning=typed, consequences=typed, persons=typed)
def test_the_qualification_keeps_or_refuses_any_text(dpo, subject, reasoning, consequences, persons):
    incident = make_incident(occurred_at=paris(2026, 3, 27, 9, 30))
    before = rows("incidents")

    response = dpo.post(
        reverse("incidents:qualify", args=[incident.number]),
        qualify_data(
            incident,
            subject=subject,
            breach_reasoning=reasoning,
            consequences=consequences,
            persons_description=persons,
        ),
    )

    check(response, before, rows("incidents"))
    event(f"status {response.status_code}")


@FORMS
@given(name=typed, description=typed)
def test_a_new_process_keeps_or_refuses_any_text(dpo, name, description):
    before = rows("processes")

    response = dpo.post(reverse("processes:create"), {"name": name, "description": description, "status": "draft"})

    check(response, before, rows("processes"))
    event(f"status {response.status_code}")


@FORMS
@given(name=typed, label=typed, example=typed)
def test_a_new_collection_form_keeps_or_refuses_any_text(dpo, name, label, example):
    fiche = make_treatment()
    data = {
        "name": name,
        "treatment": str(fiche.pk),
        "fields-TOTAL_FORMS": "1",
        "fields-INITIAL_FORMS": "0",
        "fields-MIN_NUM_FORMS": "0",
        "fields-MAX_NUM_FORMS": "1000",
        "fields-0-label": label,
        "fields-0-example": example,
        "fields-0-channel": "phone",
        "fields-0-is_personal": "unknown",
    }
    before = rows("processes")

    response = dpo.post(reverse("processes:form_create"), data)

    check(response, before, rows("processes"))
    event(f"status {response.status_code}")


day_like = st.one_of(
    typed,
    st.dates().map(lambda day: day.strftime("%d/%m/%Y")),
    st.dates().map(lambda day: day.strftime("%d/%m/%y")),
    st.dates().map(lambda day: day.strftime("%m/%d/%Y")),
    st.dates().map(str),
)


@BOXES
@given(text=day_like)
def test_a_day_box_reads_a_day_or_refuses_in_french(text):
    try:
        day = DayField().clean(text)
    except ValidationError as error:
        assert all(message.strip() for message in error.messages)
        assert any(word in " ".join(error.messages) for word in ("Saisissez", "n'existe pas", "obligatoire", "nuls"))
    else:
        # Read only in the two unambiguous layouts, never guessed: dd/mm/yyyy or yyyy-mm-dd.
        assert text.strip() in (day.strftime("%d/%m/%Y"), day.isoformat())


@BOXES
@given(day=st.dates(), hour=st.integers(0, 23), minute=st.integers(0, 59), noise=typed)
def test_a_moment_box_reads_paris_time_or_refuses_in_french(day, hour, minute, noise):
    for text in (f"{day:%d/%m/%Y} {hour:02d}:{minute:02d}", noise):
        try:
            moment = MomentField().clean(text)
        except ValidationError as error:
            assert all(message.strip() for message in error.messages)
        else:
            assert moment.tzinfo is not None
