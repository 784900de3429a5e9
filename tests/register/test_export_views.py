"""Downloading extracts from the list and fiche pages, per role."""

from datetime import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from register.choices import TreatmentRole
from register.context_processors import roles
from register.models import LINE_MODELS, Organisation, Treatment
from tests.conftest import make_organisation, make_treatment, make_user
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiches(db):
    osiris = make_organisation("Osiris")
    return {
        "own": make_treatment(name="Gestion du personnel"),
        "client": make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, name="Études de marché Osiris"),
    }


@pytest.mark.parametrize("who", ["dpo_client", "manager_client", "auditor_client"])
def test_dpo_manager_and_auditor_download_the_register_as_pdf(request, who, fiches):
    response = request.getfixturevalue(who).get(reverse("register:export", args=["pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="registre-')
    assert response["Content-Disposition"].endswith('.pdf"')
    text = pdf_text(response.content)
    assert "Gestion du personnel" in text and "Études de marché Osiris" in text


def test_the_pdf_says_who_generated_it(client, fiches):
    user = make_user("paul", "Manager")
    user.first_name, user.last_name = "Paul", "Mercier"
    user.save()
    client.force_login(user)
    response = client.get(reverse("register:export", args=["pdf"]))
    assert "Établi par Paul Mercier" in pdf_text(response.content)


def test_list_filters_in_the_query_string_are_the_export_scope(manager_client, fiches):
    response = manager_client.get(reverse("register:export", args=["pdf"]), {"role": "processor"})
    assert "sous-traitant" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Études de marché Osiris" in text and "Gestion du personnel" not in text


def test_fiche_download_has_only_that_fiche(auditor_client, fiches):
    fiche = fiches["own"]
    response = auditor_client.get(reverse("register:export_fiche", args=[fiche.reference, "pdf"]))
    assert response.status_code == 200
    assert fiche.reference.lower() in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Gestion du personnel" in text and "Études de marché Osiris" not in text


def test_unknown_fiche_download_is_a_404(dpo_client):
    assert dpo_client.get(reverse("register:export_fiche", args=["T-999", "pdf"])).status_code == 404


@pytest.mark.parametrize(
    "params, message",
    [
        ({"role": "boss"}, "Rôle inconnu : « boss »."),
        ({"client": "Nulle Part"}, "Organisation inconnue : « Nulle Part »."),
        ({"date": "05/06/2020"}, "n'est pas une date au format AAAA-MM-JJ"),
    ],
)
def test_bad_filters_get_a_400_with_the_french_reason(dpo_client, fiches, params, message):
    response = dpo_client.get(reverse("register:export", args=["pdf"]), params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_anonymous_is_sent_to_login(client, fiches):
    for url in (
        reverse("register:export", args=["pdf"]),
        reverse("register:export_fiche", args=[fiches["own"].reference, "pdf"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_user_without_the_export_right_gets_403(client, fiches):
    reader = make_user("lecteur")
    reader.user_permissions.add(Permission.objects.get(codename="view_treatment"))
    client.force_login(reader)
    assert client.get(reverse("register:export", args=["pdf"])).status_code == 403
    assert client.get(reverse("register:export_fiche", args=[fiches["own"].reference, "pdf"])).status_code == 403
    fiche_page = client.get(fiches["own"].get_absolute_url()).content.decode()
    assert "Exporter en PDF" not in fiche_page


def test_unknown_format_is_a_404(dpo_client, fiches):
    assert dpo_client.get("/registre/export.docx", follow=True).status_code == 404


def test_export_is_a_get_only_download(dpo_client, fiches):
    assert dpo_client.post(reverse("register:export", args=["pdf"])).status_code == 405


def test_fiche_page_offers_pdf_and_ods_downloads(manager_client, fiches):
    fiche = fiches["own"]
    page = manager_client.get(fiche.get_absolute_url()).content.decode()
    assert "Exporter en PDF" in page and "Exporter en ODS" in page
    assert reverse("register:export_fiche", args=[fiche.reference, "pdf"]) in page
    assert reverse("register:export_fiche", args=[fiche.reference, "ods"]) in page


def render_list_actions(user, query_string=""):
    request = RequestFactory().get("/registre/")
    request.user = user
    context = {"query_string": query_string, "clients": Organisation.objects.processor_clients(), **roles(request)}
    return render_to_string("register/_list_actions.html", context, request)


def test_list_actions_export_the_list_filters_and_offer_each_register(manager_user, fiches):
    html = render_list_actions(manager_user, "role=processor&q=march%C3%A9")
    export_pdf = reverse("register:export", args=["pdf"])
    export_ods = reverse("register:export", args=["ods"])
    assert f'href="{export_pdf}?role=processor&amp;q=march%C3%A9"' in html
    assert f'href="{export_ods}?role=processor&amp;q=march%C3%A9"' in html
    assert "Registre responsable de traitement" in html and f"{export_pdf}?role=controller" in html
    assert "Registre sous-traitant" in html and f"{export_pdf}?role=processor" in html
    osiris = fiches["client"].controller
    assert f"{export_pdf}?role=processor&amp;client={osiris.pk}" in html
    assert ">Osiris<" in html


def test_list_actions_are_hidden_from_users_who_cannot_export(fiches):
    reader = make_user("lecteur")
    reader.user_permissions.add(Permission.objects.get(codename="view_treatment"))
    assert "Exporter" not in render_list_actions(reader)


def test_fiche_seen_as_of_a_date_exports_as_of_that_date(manager_client, fiches):
    fiche = fiches["own"]
    today = timezone.localdate().isoformat()  # the fiche exists since the test began
    response = manager_client.get(fiche.get_absolute_url(), {"date": today})
    assert response.status_code == 200
    export_url = reverse("register:export_fiche", args=[fiche.reference, "pdf"])
    assert f"{export_url}?date={today}" in response.content.decode()


def test_a_user_who_chose_english_downloads_an_english_pdf(manager_client, fiches):
    manager_client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "en"})
    response = manager_client.get(reverse("register:export_fiche", args=[fiches["own"].reference, "pdf"]))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Description of the processing" in text and "Description du traitement" not in text


def test_fiche_deleted_since_a_past_date_still_downloads_as_it_was_that_day(manager_client):
    fiche = make_treatment(name="Ancien traitement de paie")
    then = timezone.make_aware(datetime(2024, 1, 10, 9))
    Treatment.history.filter(id=fiche.pk).update(history_date=then)
    for model in LINE_MODELS:
        model.history.filter(treatment_id=fiche.pk).update(history_date=then)
    reference = fiche.reference
    fiche.delete()

    page = manager_client.get(reverse("register:detail", args=[reference]), {"date": "2024-02-01"})
    assert page.status_code == 200
    for export_format in ("pdf", "ods"):
        export_url = reverse("register:export_fiche", args=[reference, export_format])
        assert f"{export_url}?date=2024-02-01" in page.content.decode()
        response = manager_client.get(export_url, {"date": "2024-02-01"})
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
    assert "Ancien traitement de paie" in pdf_text(
        manager_client.get(reverse("register:export_fiche", args=[reference, "pdf"]), {"date": "2024-02-01"}).content
    )
    # Live, or on a day before it existed, the deleted fiche is not found.
    assert manager_client.get(reverse("register:export_fiche", args=[reference, "pdf"])).status_code == 404
    before = manager_client.get(reverse("register:export_fiche", args=[reference, "ods"]), {"date": "2024-01-09"})
    assert before.status_code == 404
