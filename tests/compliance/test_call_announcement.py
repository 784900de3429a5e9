"""The announcement read before recording a call, on the demo's recording fiche and on fiches without recordings."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from compliance.notices.announcement import build_announcement
from processes.models import Operation
from register.models import DataCategory, DataCategoryLine
from register.queries import treatments_with_lines
from tests.compliance.notice_factories import complete_fiche
from tests.conftest import make_treatment, make_user, page_text
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording_fiche(db):
    """The fiche of the market study's operation OP-01 « Preuve de l'appel »: T-002, the recordings."""
    call_command("load_demo", password="Registre-Demo-2026")
    operation = Operation.objects.get(reference="OP-01", purpose="Preuve de l'appel")
    return treatments_with_lines().get(pk=operation.treatment_id)


def script_of(announcement):
    return " ".join(sentence.text for sentence in announcement.sentences)


def test_the_demo_recording_fiche_gets_a_script_with_every_item_to_read(recording_fiche):
    announcement = build_announcement(recording_fiche)
    script = script_of(announcement)

    assert announcement.applies
    assert [line.description for line in announcement.recording_lines] == [
        "Enregistrement vocal de la conversation téléphonique"
    ]
    assert "Le responsable de ce traitement est Osiris, pour le compte de qui CentreCall vous appelle." in script
    assert "afin de ne pas commettre d'erreur dans la collecte des réponses" in script  # the fiche's purpose
    assert "Nous n'enregistrons qu'avec votre accord." in script  # consent, the fiche's basis
    assert "Call managers de CentreCall (écoute) ; Osiris, sur demande motivée" in script
    assert "conservé 6 mois à compter de l'enregistrement de l'appel, puis supprimé." in script
    assert "en écrivant à dpo.osiris@dpoconseil.example" in script  # the controller's DPO
    assert "Vous pouvez refuser l'enregistrement" in script
    assert "l'appel continue normalement, sans enregistrement" in script
    assert announcement.gaps == []


def test_the_script_page_and_its_pdf_read_the_same_sentences(client, recording_fiche):
    manager_client = client
    manager_client.force_login(make_user("lectrice", "Manager"))  # the demo resets its own users' passwords
    url = reverse("compliance:announcement", args=[recording_fiche.reference])
    text = page_text(manager_client.get(url))
    assert "Établie d'après la ligne d'enregistrement d'appels de la fiche" in text
    assert "« Vous pouvez refuser l'enregistrement : dans ce cas, l'appel continue normalement" in text
    response = manager_client.get(reverse("compliance:announcement_pdf", args=[recording_fiche.reference]))
    assert response["Content-Type"] == "application/pdf"
    pdf = pdf_text(response.content)
    assert "conservé 6 mois à compter de l'enregistrement de l'appel, puis supprimé." in pdf
    assert "sans enregistrement" in pdf


def test_a_fiche_without_a_call_recording_line_gets_no_script_and_says_why(manager_client):
    fiche = make_treatment()
    announcement = build_announcement(treatments_with_lines().get(pk=fiche.pk))
    assert not announcement.applies
    assert announcement.sentences == []
    text = page_text(manager_client.get(reverse("compliance:announcement", args=[fiche.reference])))
    assert "L'annonce d'enregistrement ne s'applique pas à cette fiche." in text
    assert "aucune donnée marquée « enregistrement d'appels »" in text
    assert "Télécharger en PDF" not in text


def test_a_line_that_reads_like_recordings_but_is_not_flagged_is_pointed_out(dpo_client):
    fiche = make_treatment()
    DataCategoryLine.objects.create(
        treatment=fiche,
        category=DataCategory.objects.get(code="personal_life"),
        description="Fichier audio de la conversation",
        retention_value=6,
    )
    html = dpo_client.get(reverse("compliance:announcement", args=[fiche.reference])).content.decode()
    assert f'href="/registre/{fiche.reference}/modifier/#id_data_lines-1-is_call_recording"' in html


def test_what_the_recording_fiche_lacks_is_a_placeholder_in_the_script(manager_client):
    fiche = complete_fiche(legal_basis_detail="")
    DataCategoryLine.objects.filter(treatment=fiche).update(is_call_recording=True)
    type(fiche).objects.filter(pk=fiche.pk).update(legal_basis_detail="")
    announcement = build_announcement(treatments_with_lines().get(pk=fiche.pk))
    assert [gap.message for gap in announcement.gaps] == [
        "La base légale est l'intérêt légitime, mais l'intérêt poursuivi n'est pas précisé."
    ]
    text = page_text(manager_client.get(reverse("compliance:announcement", args=[fiche.reference])))
    assert "[À compléter : La base légale est l'intérêt légitime, mais l'intérêt poursuivi n'est pas précisé.]" in text


def test_hostile_text_in_the_script_is_escaped(manager_client):
    fiche = complete_fiche(main_purpose="<script>alert(1)</script>")
    DataCategoryLine.objects.filter(treatment=fiche).update(is_call_recording=True)
    html = manager_client.get(reverse("compliance:announcement", args=[fiche.reference])).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    pdf = manager_client.get(reverse("compliance:announcement_pdf", args=[fiche.reference])).content
    assert "<script>alert(1)</script>" in pdf_text(pdf)
