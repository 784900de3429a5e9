"""A fiche's lifecycle: duplicate, draft → in force → archived (and back), review, delete."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from register import lifecycle
from register.models import DataCategoryLine, SubPurpose, Treatment
from register.scopes import ALL_STATUSES, RegisterScope
from tests.conftest import make_organisation, make_treatment, page_text

pytestmark = pytest.mark.django_db


def url(name, treatment):
    return reverse(f"register:{name}", args=[treatment.reference])


# --- duplicate ----------------------------------------------------------------------


def test_duplicate_makes_a_draft_copy_with_every_line_and_actor_then_opens_it(dpo_client, dpo_user, treatment):
    partner = make_organisation("Atlas Saisie")
    treatment.processors.add(partner)
    treatment.status = "in_force"
    treatment.next_review_date = datetime.date(2026, 1, 1)
    treatment.save()
    SubPurpose.objects.create(treatment=treatment, description="Deuxième", position=2)

    response = dpo_client.post(url("duplicate", treatment))

    copy = Treatment.objects.exclude(pk=treatment.pk).get()
    assert response.status_code == 302 and response["Location"] == url("edit", copy)
    assert copy.name == "Copie de Études de marché Osiris" and copy.reference == "T-002"
    assert copy.status == "draft" and copy.version == 1 and copy.next_review_date is None
    assert (copy.controller, copy.main_purpose, copy.legal_basis) == (
        treatment.controller,
        treatment.main_purpose,
        treatment.legal_basis,
    )
    assert list(copy.processors.all()) == [partner]
    assert [s.description for s in copy.sub_purposes.all()] == ["Sous-finalité", "Deuxième"]
    for related in ("data_lines", "data_subject_lines", "recipients", "security_measures"):
        assert getattr(copy, related).count() == getattr(treatment, related).count() == 1
    assert DataCategoryLine.history.filter(treatment_id=copy.pk).get().history_user == dpo_user
    assert treatment.data_lines.count() == 1  # the original keeps its own lines
    assert "créée sous la référence T-002" in page_text(dpo_client.get(response["Location"]))


# --- status -------------------------------------------------------------------------


def test_status_goes_from_draft_to_in_force_to_archived_and_back(dpo_client, treatment):
    for target, expected in (("in_force", "en vigueur"), ("archived", "archivée"), ("in_force", "restaurée")):
        response = dpo_client.post(url("change_status", treatment), {"status": target}, follow=True)
        assert expected in page_text(response)
        treatment.refresh_from_db()
        assert treatment.status == target
    assert treatment.version == 4


@pytest.mark.parametrize(
    ("current", "target"),
    [("draft", "archived"), ("in_force", "draft"), ("archived", "draft"), ("in_force", "in_force")],
)
def test_other_status_changes_are_refused(dpo_client, current, target):
    treatment = make_treatment(status=current)
    response = dpo_client.post(url("change_status", treatment), {"status": target})
    assert response.status_code == 409
    assert "ne peut pas passer au statut" in page_text(response)
    treatment.refresh_from_db()
    assert treatment.status == current and treatment.version == 1


def test_unknown_status_is_a_400(dpo_client, treatment):
    response = dpo_client.post(url("change_status", treatment), {"status": "deleted"})
    assert response.status_code == 400 and "Statut inconnu" in page_text(response)


def test_archived_fiche_leaves_the_default_list_but_stays_searchable(dpo_client, treatment):
    listing = dpo_client.get(reverse("register:list")).content.decode()
    assert treatment.get_absolute_url() in listing
    dpo_client.post(url("change_status", treatment), {"status": "in_force"}, follow=True)
    dpo_client.post(url("change_status", treatment), {"status": "archived"}, follow=True)
    assert treatment.get_absolute_url() not in dpo_client.get(reverse("register:list")).content.decode()
    assert dpo_client.get(treatment.get_absolute_url()).status_code == 200
    assert [t.pk for t in RegisterScope(status=ALL_STATUSES).treatments()] == [treatment.pk]
    assert [t.pk for t in RegisterScope(q="Osiris").treatments()] == [treatment.pk]


def test_detail_page_offers_the_transitions_of_the_current_status(dpo_client, treatment):
    content = page_text(dpo_client.get(treatment.get_absolute_url()))
    assert "Mettre en vigueur" in content and "Archiver" not in content and "Restaurer" not in content
    treatment.status = "archived"
    treatment.save()
    content = page_text(dpo_client.get(treatment.get_absolute_url()))
    assert "Restaurer" in content and "Marquer comme revue" not in content


# --- review -------------------------------------------------------------------------


def test_mark_as_reviewed_stamps_the_review_and_sets_the_next_one_a_year_later(dpo_client, treatment):
    response = dpo_client.post(url("mark_reviewed", treatment), follow=True)
    treatment.refresh_from_db()
    today = timezone.localdate()
    assert timezone.localdate(treatment.last_reviewed_at) == today
    assert treatment.next_review_date == lifecycle_next_year(today)
    assert f"Prochaine revue le {treatment.next_review_date:%d/%m/%Y}." in page_text(response)
    assert treatment.version == 2


def lifecycle_next_year(day):
    from register.models import add_months

    return add_months(day, 12)


def test_review_on_29_february_falls_on_28_february():
    treatment = make_treatment(lines=False)
    when = timezone.make_aware(datetime.datetime(2028, 2, 29, 10, 0))
    assert lifecycle.mark_reviewed(treatment, when).next_review_date == datetime.date(2029, 2, 28)


def test_archived_fiche_cannot_be_marked_reviewed(dpo_client):
    treatment = make_treatment(status="archived")
    response = dpo_client.post(url("mark_reviewed", treatment))
    assert response.status_code == 409 and "restaurez-la d'abord" in page_text(response)
    treatment.refresh_from_db()
    assert treatment.last_reviewed_at is None


# --- delete -------------------------------------------------------------------------


def test_superuser_deletes_after_a_confirmation_page_naming_what_is_lost(client, superuser, treatment):
    client.force_login(superuser)
    confirmation = client.get(url("delete", treatment))
    assert confirmation.status_code == 200
    content = page_text(confirmation)
    assert "Supprimer la fiche T-001 — Études de marché Osiris ?" in content
    assert "1 catégorie de données traitée" in content and "archivez plutôt la fiche" in content
    assert Treatment.objects.filter(pk=treatment.pk).exists()  # GET deletes nothing

    response = client.post(url("delete", treatment), follow=True)
    assert "Fiche T-001 « Études de marché Osiris » supprimée." in page_text(response)
    assert not Treatment.objects.filter(pk=treatment.pk).exists()
    assert not DataCategoryLine.objects.filter(treatment_id=treatment.pk).exists()
    assert Treatment.history.filter(id=treatment.pk, history_type="-").get().history_user == superuser


def test_delete_button_is_shown_to_a_superuser_only(client, dpo_client, superuser, treatment):
    assert url("delete", treatment) not in dpo_client.get(treatment.get_absolute_url()).content.decode()
    client.force_login(superuser)
    assert url("delete", treatment) in client.get(treatment.get_absolute_url()).content.decode()


# --- roles on every URL of the write side --------------------------------------------

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
