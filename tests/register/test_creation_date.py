"""The creation date of a fiche is entered by the DPO (« créée le 15/09/2020 » for a register
moved from another tool), refused in the future by the model whatever the door, and its
changes are in the fiche's history."""

from datetime import date, timedelta
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from register.models import Treatment
from tests.conftest import make_treatment
from tests.register.fiche_form import FormData
from tests.register.test_history import entries


def edit(client, treatment, **typed):
    url = reverse("register:edit", args=[treatment.reference])
    data = FormData.from_response(client.get(url))
    for name, value in typed.items():
        data[name] = value
    return client.post(url, data.post_data())


@pytest.mark.django_db
def test_dpo_enters_an_older_creation_date_and_the_history_shows_the_change(dpo_client, treatment):
    today = timezone.localdate().strftime("%d/%m/%Y")
    response = edit(dpo_client, treatment, created_at="15/09/2020")
    assert response.status_code == 302
    treatment.refresh_from_db()
    assert treatment.created_at == date(2020, 9, 15)
    page = dpo_client.get(treatment.get_absolute_url()).content.decode()
    assert "15/09/2020" in page
    newest = entries(dpo_client.get(reverse("register:history", args=[treatment.reference])))[0]
    assert newest.startswith("Fiche modifiée")
    assert f"Date de création {today} → 15/09/2020" in newest


@pytest.mark.django_db
def test_new_fiche_form_proposes_today_as_creation_date(dpo_client):
    html = dpo_client.get(reverse("register:create")).content.decode()
    assert f'name="created_at" value="{timezone.localdate():%d/%m/%Y}"' in html


@pytest.mark.django_db
def test_creation_date_in_the_future_is_refused_and_nothing_is_written(dpo_client, treatment):
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    response = edit(dpo_client, treatment, created_at=tomorrow, name="Nom changé")
    assert response.status_code == 400
    assert "Cette date est dans le futur" in unescape(response.content.decode())
    treatment.refresh_from_db()
    assert treatment.name == "Études de marché Osiris" and treatment.created_at == timezone.localdate()


@pytest.mark.django_db
def test_creation_date_is_required(dpo_client, treatment):
    response = edit(dpo_client, treatment, created_at="")
    assert response.status_code == 400
    treatment.refresh_from_db()
    assert treatment.created_at == timezone.localdate()


@pytest.mark.django_db
def test_model_refuses_a_future_creation_date_for_every_door():
    # The import validates fiches with clean_fields (imports/plan.py), the admin and the form
    # with full_clean: the rule is the model field's validator.
    treatment = make_treatment(lines=False)
    treatment.created_at = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        treatment.clean_fields()
    assert list(refused.value.message_dict) == ["created_at"]


@pytest.mark.django_db
def test_duplicate_gets_its_own_creation_date(dpo_client):
    original = make_treatment(created_at=date(2020, 9, 15), lines=False)
    dpo_client.post(reverse("register:duplicate", args=[original.reference]))
    copy = Treatment.objects.exclude(pk=original.pk).get()
    assert copy.created_at == timezone.localdate()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_keeps_the_day_of_creation_in_the_register_time_zone():
    executor = MigrationExecutor(connection)
    before, after = [("register", "0008_reference_counters")], [("register", "0009_creation_date_is_a_date")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    organisation = old.get_model("register", "Organisation").objects.create(name="Osiris", kind="client")
    # 23:30 UTC on 3 March is 00:30 on 4 March in Paris: the fiche was created on the 4th.
    moment = timezone.make_aware(timezone.datetime(2024, 3, 4, 0, 30))
    old.get_model("register", "Treatment").objects.create(
        reference="T-001", name="Paie", controller=organisation, main_purpose="Paie", created_at=moment
    )
    old.get_model("register", "HistoricalTreatment").objects.create(
        id=1, reference="T-001", name="Paie", controller_id=organisation.pk, main_purpose="Paie",
        created_at=moment, updated_at=moment, history_date=moment, history_type="+",
    )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # every app back at its latest: the next tests need it
    assert Treatment.objects.get(reference="T-001").created_at == date(2024, 3, 4)
    assert Treatment.history.get().created_at == date(2024, 3, 4)
