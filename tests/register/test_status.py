"""A fiche's status: draft → in force → archived (and back), and what each move refuses."""

import pytest
from django.urls import reverse

from register.choices import ALL_STATUSES
from register.models import DataCategory, DataCategoryLine
from register.scopes import RegisterScope
from tests.conftest import make_treatment, page_html
from tests.register.actions import url

pytestmark = pytest.mark.django_db


def test_status_goes_from_draft_to_in_force_to_archived_and_back(dpo_client, treatment):
    for target, expected in (("in_force", "en vigueur"), ("archived", "archivée"), ("in_force", "restaurée")):
        response = dpo_client.post(url("change_status", treatment), {"status": target}, follow=True)
        assert expected in page_html(response)
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
    assert "ne peut pas passer au statut" in page_html(response)
    treatment.refresh_from_db()
    assert treatment.status == current and treatment.version == 1


def test_unknown_status_is_a_400(dpo_client, treatment):
    response = dpo_client.post(url("change_status", treatment), {"status": "deleted"})
    assert response.status_code == 400 and "Statut inconnu" in page_html(response)


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
    content = page_html(dpo_client.get(treatment.get_absolute_url()))
    assert "Mettre en vigueur" in content and "Archiver" not in content and "Restaurer" not in content
    treatment.status = "archived"
    treatment.save()
    content = page_html(dpo_client.get(treatment.get_absolute_url()))
    assert "Restaurer" in content and "Marquer comme revue" not in content


# --- putting in force: the fiche's rules and its blocking findings ------------------------


def test_a_controller_fiche_without_legal_basis_cannot_be_put_in_force(dpo_client):
    draft = make_treatment(legal_basis="")
    response = dpo_client.post(url("change_status", draft), {"status": "in_force", "confirmed": "1"})
    assert response.status_code == 409
    assert "Indiquez la base légale (art. 6(1))" in page_html(response)
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.version == 1


def test_a_processor_fiche_without_legal_basis_can_be_put_in_force(dpo_client):
    draft = make_treatment(role="processor", legal_basis="")
    dpo_client.post(url("change_status", draft), {"status": "in_force"})
    draft.refresh_from_db()
    assert draft.status == "in_force"


def test_putting_in_force_a_fiche_with_blocking_findings_asks_for_confirmation(dpo_client):
    draft = make_treatment()
    DataCategoryLine.objects.create(
        treatment=draft, category=DataCategory.objects.get(code="health"), description="Allergies", retention_value=6
    )
    response = dpo_client.post(url("change_status", draft), {"status": "in_force"})
    assert response.status_code == 200
    content = page_html(response)
    assert f"Mettre en vigueur la fiche {draft.reference} — {draft.name} ?" in content
    assert "La fiche a un point bloquant" in content
    assert "Donnée sensible « Données de santé » sans exception de l'article 9(2)." in content
    assert 'name="confirmed" value="1"' in content and "Mettre en vigueur malgré tout" in content
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.version == 1  # nothing changed yet

    confirmed = dpo_client.post(url("change_status", draft), {"status": "in_force", "confirmed": "1"}, follow=True)
    assert "en vigueur" in page_html(confirmed)
    draft.refresh_from_db()
    assert draft.status == "in_force"


def test_a_fiche_without_blocking_findings_goes_in_force_without_confirmation(dpo_client):
    draft = make_treatment()
    response = dpo_client.post(url("change_status", draft), {"status": "in_force"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "in_force"
