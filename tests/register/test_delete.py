"""Deleting a fiche: superuser only, after a confirmation page naming what is lost."""

import pytest

from register.models import DataCategoryLine, Treatment
from tests.conftest import page_html
from tests.register.actions import url

pytestmark = pytest.mark.django_db


def test_superuser_deletes_after_a_confirmation_page_naming_what_is_lost(client, superuser, treatment):
    client.force_login(superuser)
    confirmation = client.get(url("delete", treatment))
    assert confirmation.status_code == 200
    content = page_html(confirmation)
    assert "Supprimer la fiche T-001 — Études de marché Osiris ?" in content
    assert "1 catégorie de données traitée" in content and "archivez plutôt la fiche" in content
    assert Treatment.objects.filter(pk=treatment.pk).exists()  # GET deletes nothing

    response = client.post(url("delete", treatment), follow=True)
    assert "Fiche T-001 « Études de marché Osiris » supprimée." in page_html(response)
    assert not Treatment.objects.filter(pk=treatment.pk).exists()
    assert not DataCategoryLine.objects.filter(treatment_id=treatment.pk).exists()
    assert Treatment.history.filter(id=treatment.pk, history_type="-").get().history_user == superuser


def test_delete_button_is_shown_to_a_superuser_only(client, dpo_client, superuser, treatment):
    assert url("delete", treatment) not in dpo_client.get(treatment.get_absolute_url()).content.decode()
    client.force_login(superuser)
    assert url("delete", treatment) in client.get(treatment.get_absolute_url()).content.decode()
