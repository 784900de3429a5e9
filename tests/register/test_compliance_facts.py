"""The facts the compliance rules read and the model stores explicitly — how consent is proven,
consumer phone prospection and its current-contract exception, the notice and the right to
object before recording calls, a data line's nature — go through every door: the fiche form,
the admin, the fiche page, its history and the ODS export and import."""

import pytest

from register.exports.ods import build_register_ods
from register.imports.plan import plan_import
from register.models import DataCategoryLine, Treatment
from register.scopes import RegisterScope
from tests.conftest import make_treatment, page_text
from tests.register.fiche_form import FormData
from tests.register.findings import add_line
from tests.register.test_call_recordings import _rewritten

pytestmark = pytest.mark.django_db

FACTS = {
    "consent_proof": "Case à cocher horodatée sur le formulaire",
    "consumer_phone_prospection": True,
    "current_contract_exception": "Abonnés appelés au sujet de leur abonnement en cours",
    "recording_information": True,
    "recording_objection": True,
}


def test_the_fiche_form_labels_and_saves_the_facts(dpo_client):
    treatment = make_treatment(legal_basis="consent")
    line = add_line(treatment, "professional_life", description="Grilles d'évaluation")
    url = f"/registre/{treatment.reference}/modifier/"
    response = dpo_client.get(url)
    text = page_text(response)
    for label in (
        "Recueil et preuve du consentement",
        "Prospection téléphonique de consommateurs",
        "Appels dans le cadre d'un contrat en cours",
        "Information avant l'enregistrement des appels",
        "Opposition à l'enregistrement possible",
        "Nature des données",
    ):
        assert label in text, label
    data = FormData.from_response(response)
    data["consent_proof"] = FACTS["consent_proof"]
    data["current_contract_exception"] = FACTS["current_contract_exception"]
    for name in ("consumer_phone_prospection", "recording_information", "recording_objection"):
        data[name] = "on"
    data.fill_row("data_lines", 1, nature="recording_analysis")
    assert dpo_client.post(url, data.post_data()).status_code == 302
    saved = Treatment.objects.get(pk=treatment.pk)
    assert {name: getattr(saved, name) for name in FACTS} == FACTS
    assert DataCategoryLine.objects.get(pk=line.pk).nature == "recording_analysis"
    assert saved.history.first().consent_proof == FACTS["consent_proof"]  # kept in the fiche's history
    assert DataCategoryLine.history.filter(id=line.pk).first().nature == "recording_analysis"


def test_the_fiche_page_shows_the_facts(manager_client):
    treatment = make_treatment(legal_basis="consent", **FACTS)
    add_line(treatment, "personal_life", description="Enregistrement vocal", is_call_recording=True)
    add_line(treatment, "professional_life", description="Grilles", nature="recording_analysis")
    text = page_text(manager_client.get(treatment.get_absolute_url()))
    assert "Recueil et preuve du consentement" in text and FACTS["consent_proof"] in text
    assert "Prospection téléphonique de consommateurs" in text and FACTS["current_contract_exception"] in text
    assert "Oui, l'appel continue sans enregistrement" in text
    assert "Document d'analyse des enregistrements (grille d'évaluation)" in text


def test_the_admin_edits_the_facts(client, superuser):
    client.force_login(superuser)
    treatment = make_treatment()
    content = client.get(f"/admin/register/treatment/{treatment.pk}/change/").content.decode()
    for name in FACTS:
        assert f'name="{name}"' in content, name
    assert 'name="data_lines-0-nature"' in content


def test_the_ods_export_carries_the_facts_and_the_import_reads_them_back():
    treatment = make_treatment(legal_basis="consent", **FACTS)
    add_line(treatment, "professional_life", description="Grilles", nature="recording_analysis")
    content = build_register_ods(RegisterScope(status="all"))[2]
    [fiche] = plan_import(content).fiches
    assert {name: getattr(fiche.treatment, name) for name in FACTS} == FACTS
    assert [line.nature for line in fiche.lines["data_lines"]] == ["", "recording_analysis"]


def test_the_ods_import_refuses_a_yes_no_fact_answered_otherwise():
    make_treatment(consumer_phone_prospection=True)
    content = build_register_ods(RegisterScope(status="all"))[2]
    plan = plan_import(_rewritten(content, "<text:p>Oui</text:p>", "<text:p>Souvent</text:p>"))
    assert any("« Souvent » : répondez Oui ou Non." in str(issue) for issue in plan.errors)
