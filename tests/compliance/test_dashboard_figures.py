"""The dashboard's figures on a small register whose answers are known (compliance/dashboard.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from compliance.dashboard import dashboard
from tests.compliance.dashboard_register import TODAY, small_register
from tests.incidents.conftest import make_breach

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_flagged_findings")]


def figures(chart):
    return {str(bar.label): bar.value for bar in chart.bars}


def links(chart):
    return {str(bar.label): bar.url for bar in chart.bars}


def test_fiches_are_counted_by_status_archived_ones_included():
    small_register()
    board = dashboard(today=TODAY)
    assert figures(board.status) == {"Brouillon": 2, "En vigueur": 1, "Archivé": 1}
    assert links(board.status) == {
        "Brouillon": "/registre/?status=draft",
        "En vigueur": "/registre/?status=in_force",
        "Archivé": "/registre/?status=archived",
    }


def test_fiches_are_counted_by_role_and_by_controller_without_the_archived():
    register = small_register()
    board = dashboard(today=TODAY)
    assert figures(board.role) == {"Responsable de traitement": 2, "Responsable conjoint": 0, "Sous-traitant": 1}
    assert links(board.role)["Sous-traitant"] == "/registre/?role=processor"
    assert figures(board.client) == {"CentreCall": 2, "Osiris": 1}
    assert links(board.client) == {
        "CentreCall": f"/registre/?client={register.own.pk}",
        "Osiris": f"/registre/?client={register.osiris.pk}",
    }


def test_findings_are_counted_by_severity_with_the_fiches_of_each_worst_finding():
    small_register()
    findings = dashboard(today=TODAY).findings
    assert figures(findings.chart) == {"Bloquant": 1, "À corriger": 2, "Conseil": 0}  # the archived fiche's not counted
    by_severity = {
        figure.severity.value: (figure.findings, figure.findings_url, figure.fiches, figure.fiches_url)
        for figure in findings.severities
    }
    assert by_severity == {
        "blocking": (1, "/conformite/constats/?severity=blocking", 1, "/registre/?compliance=blocking"),
        "warning": (2, "/conformite/constats/?severity=warning", 1, "/registre/?compliance=warning"),
        "advice": (0, "/conformite/constats/?severity=advice", 0, "/registre/?compliance=advice"),
    }
    assert links(findings.chart)["Bloquant"] == "/conformite/constats/?severity=blocking"
    assert findings.fiches_without_findings == 1
    assert findings.fiches_without_findings_url == "/registre/?compliance=none"
    # compliance.score: each fiche's completeness is 100 % here; marks 60, 90, 100.
    assert (findings.register_score, findings.fiche_count) == (round((80 + 95 + 100) / 3), 3)


def test_reviews_overdue_and_due_by_the_end_of_the_month():
    register = small_register()
    reviews = dashboard(today=TODAY).reviews
    assert reviews.overdue == 1  # the archived fiche's review no longer matters
    assert reviews.overdue_url == "/registre/?overdue=1"
    assert [fiche.name for fiche in reviews.due_this_month] == ["Recrutement"]
    assert reviews.month_end.isoformat() == "2026-06-30"
    assert register.drafts[1] in reviews.due_this_month


def test_data_lines_are_counted_by_retention_band():
    small_register()
    retention = dashboard(today=TODAY).retention
    # make_treatment gives each fiche a 6-month line; Osiris's fiche adds 2 years and « until the contract's end ».
    assert figures(retention) == {
        "6 mois au plus": 3,
        "De 6 mois à 1 an": 0,
        "De 1 à 3 ans": 1,
        "Plus de 3 ans": 0,
        "Sans durée : jusqu'à un événement": 1,
    }
    assert {str(bar.label): bar.note for bar in retention.bars}["6 mois au plus"] == "3 fiches"
    assert links(retention)["Plus de 3 ans"] == "/registre/?retention=beyond"
    assert links(retention)["Sans durée : jusqu'à un événement"] == "/registre/?retention=event"


def test_dpia_status_of_the_kept_fiches():
    small_register()
    dpia = dashboard(today=TODAY).dpia
    assert links(dpia)["Requise, à réaliser"] == "/registre/?dpia=required"
    assert figures(dpia) == {
        "Non évaluée": 0,
        "Non requise": 1,
        "Requise, à réaliser": 1,
        "En cours": 0,
        "Réalisée": 1,
    }


def test_open_incidents_and_breaches_soonest_deadline_first_the_late_one_marked():
    register = small_register()
    now = timezone.now()
    recent = make_breach(
        subject="Clé USB perdue", occurred_at=now - timedelta(hours=12), aware_at=now - timedelta(hours=10)
    )
    incidents = dashboard(today=TODAY, now=now).incidents
    assert figures(incidents.chart) == {"À qualifier": 1, "Violations de données": 2, "Pas une violation": 0}
    assert links(incidents.chart) == {
        "À qualifier": "/incidents/?status=open&breach=unknown",
        "Violations de données": "/incidents/?status=open&breach=yes",
        "Pas une violation": "/incidents/?status=open&breach=no",
    }
    assert incidents.open_count == 3 and incidents.open_url == "/incidents/?status=open"
    assert incidents.late == 1 and incidents.late_url == "/incidents/?status=open&overdue=on"
    assert [breach.pk for breach in incidents.breaches] == [register.incidents["late"].pk, recent.pk]
    assert [breach.dashboard_late for breach in incidents.breaches] == [True, False]


def test_an_empty_register_gives_zeros():
    board = dashboard(today=TODAY)
    assert set(figures(board.status).values()) == {0}
    assert board.client.bars == [] and board.incidents.breaches == []
    assert "<svg" in board.client.svg
