"""The identification result as PDF, « Compléter la fiche », the compliance finding and the demo."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEntry
from processes.checks_forms import personal_fields_are_declared
from processes.identification_exports import build_identification_pdf
from processes.models import CollectionForm, FormField
from register import compliance
from register.models import DataCategory, DataCategoryLine, Treatment
from tests.conftest import page_text
from tests.pdfs import pdf_text
from tests.processes.identification_factories import make_collection_form

pytestmark = pytest.mark.django_db


def _decide(form, label, code, *, confirmed=True):
    FormField.objects.filter(form=form, label=label).update(
        is_personal=True,
        identification="indirect",
        data_category=DataCategory.objects.get(code=code),
        justification=f"Justification de {label}",
        confirmed=confirmed,
    )


def test_the_pdf_holds_the_result_table_and_the_download_is_recorded(dpo_client, treatment):
    form = make_collection_form(treatment=treatment, fields=[("Nom", "DESMARC"), ("Question 1", "OUI")])
    _decide(form, "Nom", "identity")
    _, mimetype, content = build_identification_pdf(form)
    text = pdf_text(content)
    assert mimetype == "application/pdf"
    for phrase in ("Identification des données personnelles — Questionnaire Osiris", "Nom", "Oui (indirecte)"):
        assert phrase in text
    assert "État civil, identité, données d'identification" in text
    assert "Justification de Nom" in text and "À décider" in text
    response = dpo_client.get(reverse("processes:form_pdf", args=[form.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "identification-questionnaire-osiris-" in response["Content-Disposition"]
    entry = AuditEntry.objects.get(action="download")
    assert entry.details["format"] == "pdf" and entry.details["filename"].startswith("identification-")
    assert entry.details["document"] == "identification du formulaire « Questionnaire Osiris »"


def test_complete_the_fiche_adds_the_missing_categories_and_raises_its_version(dpo_client, treatment):
    # The fiche declares identity (conftest's make_treatment); the answers are personal life.
    form = make_collection_form(treatment=treatment)
    _decide(form, "Nom", "identity")
    _decide(form, "Question 1 – Possédez-vous un smartphone ?", "personal_life")
    _decide(form, "Question 2 – Quels réseaux sociaux avez-vous l'habitude de fréquenter ?", "personal_life")
    _decide(form, "Question 3 – À quelle fréquence utilisez-vous ce réseau ?", "personal_life", confirmed=False)
    url = reverse("processes:form_complete", args=[form.pk])
    page = page_text(dpo_client.get(url))
    assert "Vie personnelle" in page and "Question 3" not in page  # only confirmed fields
    before = Treatment.objects.get(pk=treatment.pk).version
    response = dpo_client.post(url, {"treatment_version": before})
    assert response.status_code == 302
    line = DataCategoryLine.objects.get(treatment=treatment, category__code="personal_life")
    assert line.description.startswith("Question 1 – Possédez-vous un smartphone ?, Question 2")
    assert "« Questionnaire Osiris »" in line.description
    assert line.retention_value is None and line.retention_start_other == "à préciser par le DPO"
    line.full_clean()  # the fiche's editor accepts the line as it was added
    assert Treatment.objects.get(pk=treatment.pk).version == before + 1
    assert DataCategoryLine.objects.filter(treatment=treatment).count() == 2
    assert not list(personal_fields_are_declared(form, None))


def test_complete_the_fiche_on_a_stale_page_writes_nothing(dpo_client, treatment):
    form = make_collection_form(treatment=treatment, fields=[("Question 1", "OUI")])
    _decide(form, "Question 1", "personal_life")
    response = dpo_client.post(
        reverse("processes:form_complete", args=[form.pk]), {"treatment_version": treatment.version - 1}
    )
    assert response.status_code == 409
    assert "rien n'a été ajouté" in page_text(response)
    assert DataCategoryLine.objects.filter(treatment=treatment).count() == 1


def test_findings_for_an_undeclared_category_and_for_a_form_without_fiche(treatment):
    form = make_collection_form(treatment=treatment, fields=[("Nom", "DESMARC"), ("Question 1", "OUI")])
    _decide(form, "Nom", "identity")
    assert compliance.findings_for(form) == []
    _decide(form, "Question 1", "personal_life")
    (finding,) = compliance.findings_for(form)
    assert finding.severity == compliance.Severity.WARNING and finding.article == "art. 30(1)(c)"
    assert "« Question 1 »" in finding.message and "Vie personnelle" in finding.message
    assert treatment.reference in finding.message
    CollectionForm.objects.filter(pk=form.pk).update(treatment=None)
    form.refresh_from_db()
    (finding,) = compliance.findings_for(form)
    assert "n'est rattaché à aucune fiche" in finding.message


def test_demo_osiris_questionnaire_is_identified_justified_and_confirmed():
    call_command("load_demo", password="demo-pass-123")
    call_command("load_demo", password="demo-pass-123")  # idempotent
    form = CollectionForm.objects.get()
    assert form.treatment.reference == "T-001"
    fields = list(form.fields.select_related("data_category"))
    assert [field.example for field in fields[:4]] == [
        "DESMARC",
        "CORINNE",
        "2, place de l'Eglise – 37100 Tours",
        "desmarc.corinne@orange.fr",
    ]
    assert all(field.confirmed and field.is_personal and field.channel == "phone" for field in fields)
    assert [(field.identification, field.data_category.code) for field in fields] == [("direct", "identity")] * 4 + [
        ("indirect", "personal_life")
    ] * 4
    assert all("répondant identifié" in field.justification for field in fields[4:])
    assert compliance.findings_for(form) == []  # T-001 declares identity and personal life
