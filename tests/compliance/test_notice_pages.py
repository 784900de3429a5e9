"""The notice's page and PDF: variants, the « À compléter » list, a past day, hostile text, the audit trail."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from register.models import Treatment
from tests.compliance.notice_factories import complete_fiche, fiche_with_gaps
from tests.conftest import page_text
from tests.pdfs import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


def notice_url(fiche):
    return reverse("compliance:notice", args=[fiche.reference])


def test_the_notice_page_shows_the_items_and_lists_what_to_complete_with_links(dpo_client):
    fiche = fiche_with_gaps()
    response = dpo_client.get(notice_url(fiche))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Information sur le traitement de vos données personnelles" in page_text(response)
    assert "[À compléter : Aucun destinataire n'est indiqué.]" in page_text(response)
    assert f'<a href="/registre/{fiche.reference}/modifier/#destinataires">' in html
    assert "Le registre n'a pas de champ pour cet élément" in page_text(response)


def test_a_reader_who_cannot_edit_sees_the_gaps_without_links_to_the_edit_form(manager_client):
    fiche = fiche_with_gaps()
    html = manager_client.get(notice_url(fiche)).content.decode()
    assert "Aucun destinataire n&#x27;est indiqué." in html
    assert "/modifier/" not in html


def test_the_questionnaire_variant_is_chosen_by_the_query_string(manager_client):
    fiche = complete_fiche()
    text = page_text(manager_client.get(notice_url(fiche), {"variante": "questionnaire"}))
    assert "Les informations recueillies dans ce questionnaire" in text


def test_an_unknown_variant_is_refused_in_french(manager_client):
    response = manager_client.get(notice_url(complete_fiche()), {"variante": "affiche"})
    assert response.status_code == 400
    assert "Variante « affiche » inconnue" in response.content.decode()


def test_the_notice_pdf_has_the_items_the_placeholders_and_is_logged(manager_client):
    fiche = fiche_with_gaps()
    response = manager_client.get(reverse("compliance:notice_pdf", args=[fiche.reference]), {"variante": "web"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"notice-information-{fiche.reference.lower()}-web-" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Réclamation auprès de la CNIL" in text
    assert "[À compléter : Aucun destinataire n'est indiqué.]" in text
    assert "À compléter avant diffusion" in text
    event = AuditEntry.objects.latest("pk")
    assert f"notice d'information — fiche {fiche.reference}" in event.summary


def test_the_notice_of_a_fiche_as_of_a_past_day_reads_that_day(manager_client):
    fiche = complete_fiche(created_at="2024-01-10")
    history = Treatment.history.filter(id=fiche.pk)
    history.update(history_date="2024-01-10T12:00:00Z")
    Treatment.objects.filter(pk=fiche.pk).update(main_purpose="Nouvelle finalité")
    fiche.main_purpose = "Nouvelle finalité"
    fiche.save()
    old = page_text(manager_client.get(notice_url(fiche), {"date": "2024-06-30"}))
    assert "Étude de marché sur la publicité dans les réseaux sociaux" in old
    assert "d'après la fiche telle qu'elle était le 30/06/2024" in old
    assert "Nouvelle finalité" in page_text(manager_client.get(notice_url(fiche)))


def test_a_malformed_date_is_refused(manager_client):
    response = manager_client.get(notice_url(complete_fiche()), {"date": "30/06/2024"})
    assert response.status_code == 400


def test_hostile_text_in_the_fiche_is_escaped_in_the_page_and_the_pdf(manager_client):
    fiche = complete_fiche(main_purpose="<script>alert('x')</script> Étude")
    html = manager_client.get(notice_url(fiche)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Étude" in html
    pdf = manager_client.get(reverse("compliance:notice_pdf", args=[fiche.reference])).content
    assert "<script>alert('x')</script> Étude" in pdf_text(pdf)  # shown as text, not run nor dropped


def test_the_notice_pdf_fits_a_short_fiche_on_few_pages(manager_client):
    pdf = manager_client.get(reverse("compliance:notice_pdf", args=[complete_fiche().reference])).content
    assert len(pdf_pages(pdf)) <= 2
