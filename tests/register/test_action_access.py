"""Who may use the fiche's write URLs (create, edit, duplicate, status, review, delete)."""

import pytest
from django.urls import reverse

from register.models import Treatment
from tests.register.actions import url

pytestmark = pytest.mark.django_db


WRITE_URLS = [
    ("create", "GET"),
    ("create", "POST"),
    ("edit", "GET"),
    ("edit", "POST"),
    ("duplicate", "POST"),
    ("change_status", "POST"),
    ("mark_reviewed", "POST"),
    ("delete", "GET"),
    ("delete", "POST"),
]


def _request(http, name, method, treatment):
    target = reverse("register:create") if name == "create" else url(name, treatment)
    data = {"status": "in_force"} if name == "change_status" else {}
    return http.post(target, data) if method == "POST" else http.get(target)


@pytest.mark.parametrize(("name", "method"), WRITE_URLS)
@pytest.mark.parametrize("who", ["manager_client", "auditor_client"])
def test_manager_and_auditor_get_403_on_every_write_url_and_nothing_changes(request, who, name, method, treatment):
    response = _request(request.getfixturevalue(who), name, method, treatment)
    assert response.status_code == 403
    treatment.refresh_from_db()
    assert (treatment.version, treatment.status, Treatment.objects.count()) == (1, "draft", 1)


@pytest.mark.parametrize(("name", "method"), WRITE_URLS)
def test_anonymous_is_sent_to_login_on_every_write_url(client, name, method, treatment):
    response = _request(client, name, method, treatment)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "method"), [("delete", "GET"), ("delete", "POST")])
def test_dpo_cannot_delete_a_fiche(dpo_client, name, method, treatment):
    assert _request(dpo_client, name, method, treatment).status_code == 403
    assert Treatment.objects.filter(pk=treatment.pk).exists()


@pytest.mark.parametrize("name", ["duplicate", "change_status", "mark_reviewed"])
def test_action_urls_refuse_get(dpo_client, name, treatment):
    assert dpo_client.get(url(name, treatment)).status_code == 405


def test_dpo_reaches_the_form_pages(dpo_client, treatment):
    assert dpo_client.get(reverse("register:create")).status_code == 200
    assert dpo_client.get(url("edit", treatment)).status_code == 200


@pytest.mark.parametrize("who", ["manager_client", "auditor_client"])
def test_manager_and_auditor_see_the_fiche_without_any_edit_button(request, who, treatment):
    content = request.getfixturevalue(who).get(treatment.get_absolute_url()).content.decode()
    assert treatment.name in content
    for name in ("edit", "duplicate", "change_status", "mark_reviewed", "delete"):
        assert url(name, treatment) not in content
    assert reverse("register:create") not in content


def test_dpo_sees_the_edit_buttons(dpo_client, treatment):
    content = dpo_client.get(treatment.get_absolute_url()).content.decode()
    for name in ("edit", "duplicate", "change_status", "mark_reviewed"):
        assert url(name, treatment) in content


def test_unknown_reference_is_a_404_on_write_urls(dpo_client):
    assert dpo_client.get(reverse("register:edit", args=["T-404"])).status_code == 404
    assert dpo_client.post(reverse("register:duplicate", args=["T-404"])).status_code == 404


def test_actions_need_the_csrf_token(dpo_user, treatment):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(dpo_user)
    assert strict.post(url("change_status", treatment), {"status": "in_force"}).status_code == 403
    treatment.refresh_from_db()
    assert treatment.status == "draft"
