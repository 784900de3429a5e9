"""The dashboard page: its figures, the links to the lists behind them, its charts' text alternatives."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from register.models import Treatment
from tests.compliance.dashboard_register import small_register
from tests.conftest import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_flagged_findings")]
URL = reverse("compliance:dashboard")


def link_to(html, href):
    """The text of the link to `href` (its figure and, hidden, what it counts)."""
    found = re.search(rf'<a class="figure-link" href="{re.escape(href)}">(.*?)</a>', html)
    assert found, f"no figure links to {href}"
    return re.sub(r"<[^>]+>", "", found.group(1))


def test_each_figure_links_to_the_list_it_counts(dpo_client):
    register = small_register()
    html = dpo_client.get(URL).content.decode().replace("&amp;", "&")
    assert link_to(html, "/registre/?status=draft") == "2 — Brouillon"
    assert link_to(html, "/registre/?role=processor") == "1 — Sous-traitant"
    assert link_to(html, f"/registre/?client={register.osiris.pk}") == "1 — Osiris"
    assert link_to(html, "/registre/?compliance=blocking").startswith("1 — fiches au constat le plus grave")
    assert link_to(html, "/conformite/constats/?severity=warning") == "2 — constats « à corriger »"
    assert link_to(html, "/incidents/?status=open&breach=unknown") == "1 — À qualifier"
    assert 'href="/registre/?overdue=1"' in html
    assert 'href="/incidents/?status=open&overdue=on"' in html


def test_every_chart_has_a_title_a_desc_and_a_table_beside_it(manager_client):
    small_register()
    html = manager_client.get(URL).content.decode()
    charts = re.findall(r'<svg class="chart[^>]*aria-labelledby="([\w-]+)-title \1-desc"', html)
    assert charts == [
        "chart-findings",
        "chart-incidents",
        "chart-status",
        "chart-role",
        "chart-client",
        "chart-retention",
        "chart-dpia",
    ]
    for chart in charts:
        assert f'<title id="{chart}-title">' in html and f'<desc id="{chart}-desc">' in html
        assert '<table class="table table-sm chart-table mt-2 mb-' in html and f'id="{chart}-table"' in html


def test_breach_deadlines_are_shown_in_paris_time_and_the_late_one_said_late(dpo_client):
    small_register()  # the late breach: aware on 02/03/2026 at 09:00 Paris time
    text = page_text(dpo_client.get(URL))
    assert "05/03/2026 09:00" in text  # + 72 h, local time (UTC 08:00)
    assert "Délai dépassé" in text
    assert "Non notifiée, délai dépassé depuis le 05/03/2026 09:00" in text


def test_reviews_due_by_the_end_of_the_month_are_listed(dpo_client):
    register = small_register()
    due = register.drafts[1]
    Treatment.objects.filter(pk=due.pk).update(next_review_date=timezone.localdate())  # due today: this month
    html = dpo_client.get(URL).content.decode()
    assert f'href="{due.get_absolute_url()}">{due.reference} — Recrutement</a>' in html


def test_the_page_prints_with_its_own_stylesheet(auditor_client):
    html = auditor_client.get(URL).content.decode()
    assert "/static/css/dashboard.css" in html
    assert "@media print" in Path(finders.find("css/dashboard.css")).read_text(encoding="utf-8")
