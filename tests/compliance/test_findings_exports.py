"""The findings page's PDF and ODS: the filtered findings, their counts, the score and its
formula; named by what the filters keep; each download in the audit trail."""

import re

import pytest
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from compliance.exports import build_findings_ods, build_findings_pdf
from compliance.findings import FindingsScope, collect
from register.choices import LegalBasis
from register.models import Treatment
from tests.conftest import make_treatment
from tests.pdfs import pdf_text
from tests.register.samples.odf_cells import read_sheets

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiches():
    blocking = make_treatment(name="Prospection Osiris", legal_basis=LegalBasis.LEGITIMATE_INTERESTS)
    Treatment.objects.filter(pk=blocking.pk).update(legal_basis_detail="")
    late = make_treatment(name="Paie", next_review_date="2020-01-01", dpia_status="not_required")
    return {"blocking": blocking, "late": late}


def texts(sheet):
    return [" | ".join(cell.text for cell in row if cell.text) for row in sheet]


def test_ods_has_a_row_per_finding_and_a_sheet_of_fiche_scores(fiches):
    filename, mimetype, content = build_findings_ods(collect(FindingsScope()), generated_by="Claire")
    assert mimetype == "application/vnd.oasis.opendocument.spreadsheet"
    assert re.fullmatch(r"constats-complet-\d{4}-\d{2}-\d{2}\.ods", filename)
    sheets = read_sheets(content)
    findings = texts(sheets["Constats"])
    assert any("Bloquant" in row and "L'intérêt légitime poursuivi n'est pas précisé." in row for row in findings)
    assert any("À corriger" in row and "Revue en retard" in row for row in findings)
    assert any(row.startswith("Score d'une fiche = moyenne") for row in findings)
    scores = texts(sheets["Scores des fiches"])
    assert any(row.startswith(f"{fiches['late'].reference} | Paie | ") for row in scores)


def test_pdf_shows_the_filtered_findings_the_register_score_and_its_formula(fiches):
    report = collect(FindingsScope(severity="blocking"))
    filename, mimetype, content = build_findings_pdf(report, generated_by="Claire")
    assert mimetype == "application/pdf"
    assert re.fullmatch(r"constats-blocking-\d{4}-\d{2}-\d{2}\.pdf", filename)
    text = pdf_text(content)
    assert "L'intérêt légitime poursuivi n'est pas précisé." in text
    assert "Revue en retard depuis" not in text
    assert "Gravité « Bloquant »" in text  # what the filters keep
    assert f"Score de conformité du registre {report.register_score} / 100" in text
    assert "note des constats = 100 − 30 par constat bloquant" in text


def test_the_download_takes_the_page_filters_and_enters_the_audit_trail(auditor_client, fiches):
    response = auditor_client.get(
        reverse("compliance:findings_export", args=["ods"]), {"rule": "review_is_not_overdue"}
    )
    assert response.status_code == 200
    assert 'filename="constats-review_is_not_overdue-' in response["Content-Disposition"]
    rows = texts(read_sheets(response.content)["Constats"])
    assert any("Revue en retard" in row for row in rows)
    assert not any("intérêt légitime" in row for row in rows)
    [entry] = AuditEntry.objects.filter(action=AuditAction.DOWNLOAD)
    assert entry.username == "auditor"
    assert entry.details["document"] == "constats de conformité"
    assert entry.details["scope"] == "règle « Revue en retard »"


def test_an_export_with_a_refused_filter_says_why_and_logs_nothing(auditor_client, fiches):
    response = auditor_client.get(reverse("compliance:findings_export", args=["pdf"]), {"severity": "grave"})
    assert response.status_code == 400
    assert "Gravité inconnue : « grave »." in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditAction.DOWNLOAD).exists()
