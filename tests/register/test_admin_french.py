"""The admin's French: titles with the right article, fields in a sensible order."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from register import models
from register.admin.base import french_titles
from tests.conftest import make_organisation, make_treatment

pytestmark = pytest.mark.django_db


def title(http, url):
    response = http.get(url)
    assert response.status_code == 200
    return response.context["title"]


@pytest.mark.parametrize(
    ("model", "add", "change"),
    [
        (models.Organisation, "Ajout d'une organisation", "Modification de l'organisation"),
        (models.Treatment, "Ajout d'un traitement", "Modification du traitement"),
        (models.Country, "Ajout d'un pays", "Modification du pays"),
        (models.DataCategory, "Ajout d'une catégorie de données", "Modification de la catégorie de données"),
        (models.TransferSafeguard, "Ajout d'une garantie de transfert", "Modification de la garantie de transfert"),
    ],
)
def test_add_and_change_titles_take_the_article_of_the_model(client, superuser, model, add, change):
    client.force_login(superuser)
    opts = model._meta
    row = make_treatment() if model is models.Treatment else model.objects.first() or make_organisation()
    assert title(client, reverse(f"admin:register_{opts.model_name}_add")) == add
    assert title(client, reverse(f"admin:register_{opts.model_name}_change", args=[row.pk])) == change


def test_a_read_only_page_says_consultation(auditor_client):
    treatment = make_treatment()
    line = treatment.data_subject_lines.get()
    assert title(auditor_client, reverse("admin:register_treatment_change", args=[treatment.pk])) == (
        "Consultation du traitement"
    )
    assert title(auditor_client, reverse("admin:register_datasubjectline_change", args=[line.pk])) == (
        "Consultation des personnes concernées"
    )
    assert title(auditor_client, reverse("admin:register_organisation_changelist")) == "Organisations"


def test_no_title_misses_an_elision_or_a_contraction():
    wrong = re.compile(r"\b(de un|de une|de le|de les|du [aeiouyéè]|de la [aeiouyéè])", re.IGNORECASE)
    for model, model_admin in admin.site._registry.items():
        for phrase in french_titles(model._meta.verbose_name, model_admin.gender):
            assert not wrong.search(phrase), phrase
    assert french_titles("utilisateur", "m") == (
        "Ajout d'un utilisateur",
        "Modification de l'utilisateur",
        "Consultation de l'utilisateur",
    )


def test_bulk_deletion_agrees_with_the_model(client, superuser):
    client.force_login(superuser)
    make_organisation()
    page = client.get(reverse("admin:register_organisation_changelist")).content.decode()
    assert "Supprimer les organisations sélectionnées" in page
    page = client.get(reverse("admin:register_country_changelist")).content.decode()
    assert "Supprimer les pays sélectionnés" in page


def test_an_organisation_form_asks_the_name_before_the_address(client, superuser):
    client.force_login(superuser)
    html = client.get(reverse("admin:register_organisation_add")).content.decode()
    assert html.index('name="name"') < html.index('name="kind"') < html.index('name="address"')
    assert html.index('name="contacts-__prefix__-name"') < html.index('name="contacts-__prefix__-address"')
    contact = client.get(reverse("admin:register_contact_add"))
    assert contact.status_code == 403  # contacts are added on their organisation's page


@pytest.mark.parametrize("model", [models.DataCategory, models.Country], ids=lambda m: m.__name__)
def test_a_catalog_form_asks_the_label_before_the_code(client, superuser, model):
    client.force_login(superuser)
    html = client.get(reverse(f"admin:register_{model._meta.model_name}_add")).content.decode()
    label = "name" if model is models.Country else "label"
    assert html.index(f'name="{label}"') < html.index('name="code"')
