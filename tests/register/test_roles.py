"""Roles in the admin: the auditor reads everything and writes nothing."""

import pytest
from django.contrib import admin
from django.urls import reverse

from register.models import Organisation, Treatment
from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db

REGISTER_MODELS = [model for model in admin.site._registry if model._meta.app_label == "register"]


def test_every_register_model_is_in_the_admin():
    names = {model.__name__ for model in REGISTER_MODELS}
    assert {
        "Treatment",
        "DataCategoryLine",
        "Organisation",
        "Contact",
        "DataCategory",
        "Country",
        "Transfer",
        "Recipient",
        "SecurityMeasure",
        "SubPurpose",
        "DataSubjectLine",
    } <= names


@pytest.mark.parametrize("model", REGISTER_MODELS, ids=lambda m: m.__name__)
def test_auditor_can_open_every_register_changelist(auditor_client, model):
    url = reverse(f"admin:register_{model._meta.model_name}_changelist")
    response = auditor_client.get(url)
    assert response.status_code == 200
    assert b'class="addlink"' not in response.content


def test_auditor_sees_a_fiche_read_only(auditor_client):
    treatment = make_treatment()
    response = auditor_client.get(reverse("admin:register_treatment_change", args=[treatment.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert treatment.name in content
    assert 'name="_save"' not in content
    assert "Nom, prénom" in content  # the data line inline is shown


def test_auditor_cannot_change_add_or_delete(auditor_client):
    treatment = make_treatment(name="Avant")
    change = reverse("admin:register_treatment_change", args=[treatment.pk])
    response = auditor_client.post(change, {"name": "Après"})
    assert response.status_code == 403
    assert Treatment.objects.get(pk=treatment.pk).name == "Avant"
    assert auditor_client.get(reverse("admin:register_treatment_add")).status_code == 403
    assert (
        auditor_client.post(
            reverse("admin:register_treatment_delete", args=[treatment.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert Treatment.objects.filter(pk=treatment.pk).exists()
    assert auditor_client.post(reverse("admin:register_organisation_add"), {"name": "X"}).status_code == 403
    assert not Organisation.objects.filter(name="X").exists()


@pytest.mark.parametrize("who", ["manager_client", "client"])
def test_manager_and_anonymous_cannot_reach_admin_pages(request, who):
    treatment = make_treatment()
    http = request.getfixturevalue(who)
    for url in (
        reverse("admin:register_treatment_changelist"),
        reverse("admin:register_treatment_change", args=[treatment.pk]),
    ):
        response = http.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_dpo_may_change_a_fiche_in_the_admin_but_not_delete_it(dpo_user):
    assert dpo_user.has_perm("register.change_treatment")
    assert dpo_user.has_perm("register.change_datacategoryline")
    assert not dpo_user.has_perm("register.delete_treatment")


def test_manager_reads_and_exports_but_cannot_edit(manager_user):
    assert manager_user.has_perm("register.view_treatment")
    assert manager_user.has_perm("register.export_register")
    assert not manager_user.has_perm("register.change_treatment")
    assert not manager_user.is_staff


def admin_form_data(client, url):
    """What the admin change form at `url` posts as it stands, inlines included."""
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: "" if form[name].value() is None else form[name].value() for name in form.fields}
    data.update({name: [] for name in ("joint_controllers", "processors") if name in form.fields})
    for prefix_form in page.context.get("inline_admin_formsets", []):  # none on a revert page
        management = prefix_form.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for inline_form in prefix_form.formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                data[f"{inline_form.prefix}-{name}"] = "" if value is None else value
    return data


def test_an_admin_edit_makes_open_forms_stale(client, superuser):
    treatment = make_treatment(name="Avant")
    client.force_login(superuser)
    url = reverse("admin:register_treatment_change", args=[treatment.pk])
    data = admin_form_data(client, url)
    data["name"] = "Après"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    treatment.refresh_from_db()
    assert (treatment.name, treatment.version) == ("Après", 2)


def test_an_admin_revert_to_an_old_record_still_moves_the_version_forward(client, superuser):
    treatment = make_treatment(name="Version 1")
    first_record = treatment.history.get()
    for version in (2, 3):
        treatment.name, treatment.version = f"Version {version}", version
        treatment.save()
    client.force_login(superuser)
    url = reverse("admin:register_treatment_simple_history", args=[treatment.pk, first_record.history_id])

    response = client.post(url, admin_form_data(client, url))

    assert response.status_code == 302
    treatment.refresh_from_db()
    # Back at version 2, a page opened at version 2 could have saved over the revert.
    assert (treatment.name, treatment.version) == ("Version 1", 4)
