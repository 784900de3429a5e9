"""A fiche's risk assessment: the DPO's edit page (all or nothing, version lock), the
managers' read page, the register's risk map page and its PDF."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from compliance.models import FearedEvent, RiskAssessment
from tests.conftest import make_treatment, page_text

from .factories import assess

pytestmark = pytest.mark.django_db


def risk_post(version=0, **events):
    data = {"loaded_version": str(version)}
    for kind in ("access", "modification", "disappearance"):
        values = events.get(kind, {})
        for name in ("sources", "threats", "existing_measures", "planned_measures"):
            data[f"{kind}-{name}"] = values.get(name, "")
        for name in ("severity", "likelihood", "residual_severity", "residual_likelihood"):
            data[f"{kind}-{name}"] = str(values.get(name, ""))
    return data


def test_dpo_assesses_the_risks_of_a_fiche(dpo_client, dpo_user, treatment):
    url = reverse("compliance:risks_edit", args=[treatment.reference])
    data = risk_post(
        access={
            "sources": "Opérateur indélicat",
            "severity": 3,
            "likelihood": 3,
            "residual_severity": 3,
            "residual_likelihood": 1,
        }
    )
    response = dpo_client.post(url, data)
    assert response.status_code == 302
    assessment = RiskAssessment.objects.get(treatment=treatment)
    assert assessment.updated_by == dpo_user and assessment.version == 1
    access = assessment.feared_events.get(kind="access")
    assert (access.severity, access.likelihood, access.residual_severity, access.residual_likelihood) == (3, 3, 3, 1)
    assert assessment.feared_events.count() == 3
    page = page_text(dpo_client.get(response["Location"]))
    assert "Opérateur indélicat" in page and "3 – Importante" in page and "À éviter ou réduire absolument" in page


def test_editing_keeps_the_history_and_raises_the_version(dpo_client, treatment):
    assessment = assess(treatment, access=(2, 2, 1, 1))
    url = reverse("compliance:risks_edit", args=[treatment.reference])
    response = dpo_client.post(url, risk_post(1, access={"severity": 4, "likelihood": 2}))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.version == 2
    access = FearedEvent.objects.get(assessment=assessment, kind="access")
    assert access.severity == 4
    assert [record.severity for record in access.history.order_by("history_date")] == [2, 4]


def test_a_stale_edit_is_refused_with_nothing_written(dpo_client, treatment):
    assessment = assess(treatment, access=(2, 2, 1, 1))
    RiskAssessment.objects.filter(pk=assessment.pk).update(version=2)  # someone saved meanwhile
    response = dpo_client.post(
        reverse("compliance:risks_edit", args=[treatment.reference]),
        risk_post(1, access={"severity": 4, "likelihood": 4}),
    )
    assert response.status_code == 409
    assert "Quelqu'un a enregistré l'appréciation des risques" in page_text(response)
    assert FearedEvent.objects.get(assessment=assessment, kind="access").severity == 2


def test_a_first_save_over_another_first_save_is_refused(dpo_client, treatment):
    assess(treatment)
    response = dpo_client.post(reverse("compliance:risks_edit", args=[treatment.reference]), risk_post(0))
    assert response.status_code == 409


@pytest.mark.parametrize(
    "forged",
    [{"severity": 5, "likelihood": 1}, {"severity": "maximale", "likelihood": 1}, {"severity": 3}],
    ids=["out-of-scale", "not-a-number", "severity-without-likelihood"],
)
def test_forged_values_are_refused_with_nothing_written(dpo_client, treatment, forged):
    response = dpo_client.post(
        reverse("compliance:risks_edit", args=[treatment.reference]),
        risk_post(0, access={"sources": "x", "severity": 2, "likelihood": 2}, modification=forged),
    )
    assert response.status_code == 400
    assert "Rien n'a été enregistré" in page_text(response)
    assert not RiskAssessment.objects.exists() and not FearedEvent.objects.exists()


def test_manager_reads_the_risks_without_an_edit_link(manager_client, treatment):
    assess(treatment, access=(4, 4, 2, 2))
    page = page_text(manager_client.get(reverse("compliance:risks", args=[treatment.reference])))
    assert "Accès illégitime à des données" in page and "4 – Maximale" in page
    assert "Modifier" not in page


def test_the_register_page_shows_both_maps_and_the_assessed_fiches(manager_client, django_assert_num_queries):
    for _ in range(3):
        assess(make_treatment(lines=False), access=(4, 3, 2, 1))
    # session, user, permissions ×2, the two maps' aggregates, count, assessments and their feared events
    with django_assert_num_queries(9):
        response = manager_client.get(reverse("compliance:register_risks"))
    page = page_text(response)
    assert "Risques initiaux du registre" in page and "Risques résiduels du registre" in page
    assert page.count("À éviter ou réduire absolument → Acceptable") == 3


def test_the_register_risk_map_pdf_is_logged(manager_client, treatment):
    assess(treatment, access=(4, 3, 2, 1))
    response = manager_client.get(reverse("compliance:register_risks_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "carte-des-risques" in response["Content-Disposition"]
    entry = AuditEntry.objects.latest("pk")
    assert "carte des risques du registre" in entry.summary


def test_the_fiche_risks_page_runs_a_fixed_number_of_queries(manager_client, treatment, django_assert_num_queries):
    assess(treatment, access=(4, 3, 2, 1))
    # session, user, permissions ×2, the fiche, its assessment, its feared events
    with django_assert_num_queries(7):
        manager_client.get(reverse("compliance:risks", args=[treatment.reference]))
