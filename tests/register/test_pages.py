import pytest
from django.urls import reverse

from tests.conftest import make_treatment

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_the_french_login_page(client):
    response = client.get(reverse("register:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    login = client.get(response["Location"])
    assert "Connexion" in login.content.decode() and "Nom d’utilisateur" in login.content.decode()


def test_login_with_password_lands_on_the_dashboard(client, dpo_user):
    from tests.conftest import PASSWORD

    response = client.post(reverse("login"), {"username": "dpo", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("compliance:dashboard")
    assert "Tableau de bord" in response.content.decode()


def test_manager_sees_the_list_and_a_fiche(manager_client):
    treatment = make_treatment(name="Gestion du personnel")
    listing = manager_client.get(reverse("register:list")).content.decode()
    assert treatment.reference in listing and "Gestion du personnel" in listing
    detail = manager_client.get(treatment.get_absolute_url()).content.decode()
    assert "Nom, prénom" in detail and "6 mois à compter de la collecte" in detail


def test_unknown_reference_is_a_404(dpo_client):
    assert dpo_client.get(reverse("register:detail", args=["T-999"])).status_code == 404
