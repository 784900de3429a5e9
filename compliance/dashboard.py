"""The dashboard's figures: what the DPO and the managers see first.

Every figure is counted in SQL (one aggregate query each), except the findings, which are
the findings page's (compliance.findings.collect: the registry's Python checks run on every
subject, each kind loaded with its lines in a fixed number of queries), and the open
incidents, loaded with what their deadlines need (Incident.objects.for_pages). So the page's query count does not
grow with the register. Each figure carries the URL of the list behind it, built by the
list's own scope where it has one (register.scopes.RegisterScope.url).

Except the statuses, figures are about the fiches kept up to date — archived ones left out,
as the register's list leaves them out by default, so that a figure and its list agree.
"""

import calendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from incidents.models import Incident
from register.choices import DpiaStatus, TreatmentRole, TreatmentStatus
from register.compliance import Severity
from register.models import DataCategoryLine, Organisation, Treatment
from register.retention_bands import LABELS as RETENTION_LABELS
from register.retention_bands import with_band
from register.scopes import NO_FINDINGS, RegisterScope, compliance_level

from .charts import Bar, Chart
from .findings import FindingsScope, collect

MAX_CLIENT_BARS = 12  # the largest controllers; the rest are summed in one row
STATUS_TONES = {TreatmentStatus.DRAFT: "draft", TreatmentStatus.IN_FORCE: "ok", TreatmentStatus.ARCHIVED: "neutral"}
DPIA_TONES = {
    DpiaStatus.NOT_ASSESSED: "neutral",
    DpiaStatus.NOT_REQUIRED: "ok",
    DpiaStatus.REQUIRED: "blocking",
    DpiaStatus.IN_PROGRESS: "warning",
    DpiaStatus.DONE: "ok",
}


def register_url(**filters):
    return RegisterScope(**filters).url()


def incidents_url(**filters):
    query = urlencode(filters)
    return reverse("incidents:list") + (f"?{query}" if query else "")


def kept_fiches():
    return Treatment.objects.exclude(status=TreatmentStatus.ARCHIVED)


def counted(queryset, key):
    """{value of `key`: number of rows} in one aggregate query."""
    return {row[key]: row["count"] for row in queryset.values(key).annotate(count=Count("pk")).order_by()}


def fiches(count):
    return ngettext("%(count)d fiche", "%(count)d fiches", count) % {"count": count}


# --- the fiches ---------------------------------------------------------------------------


def fiches_by_status():
    counts = counted(Treatment.objects.all(), "status")
    bars = [
        Bar(status.label, counts.get(status, 0), register_url(status=status), STATUS_TONES[status])
        for status in TreatmentStatus
    ]
    total = sum(bar.value for bar in bars)
    return Chart(
        "chart-status",
        _("Fiches par statut"),
        _("Les %(total)d fiches du registre, archivées comprises, par statut : %(parts)s.")
        % {"total": total, "parts": describe(bars)},
        bars,
        kind="stack",
        unit=_("Fiches"),
    )


def fiches_by_role():
    counts = counted(kept_fiches(), "role")
    bars = [Bar(role.label, counts.get(role, 0), register_url(role=role), f"role-{role}") for role in TreatmentRole]
    return Chart(
        "chart-role",
        _("Fiches par rôle de CentreCall"),
        _("Fiches non archivées selon que CentreCall est responsable ou sous-traitant : %(parts)s.")
        % {"parts": describe(bars)},
        bars,
        unit=_("Fiches"),
    )


def fiches_by_client():
    """Fiches by controller: CentreCall for its own, the client for those it processes for him."""
    rows = (
        kept_fiches()
        .values("controller", "controller__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "controller__name")
    )
    rows = list(rows)
    bars = [
        Bar(row["controller__name"], row["count"], register_url(client=Organisation(pk=row["controller"])))
        for row in rows
    ]
    if len(bars) > MAX_CLIENT_BARS:
        rest = bars[MAX_CLIENT_BARS - 1 :]
        label = ngettext("%(count)d autre organisation", "%(count)d autres organisations", len(rest)) % {
            "count": len(rest)
        }
        bars = [*bars[: MAX_CLIENT_BARS - 1], Bar(label, sum(bar.value for bar in rest), register_url())]
    return Chart(
        "chart-client",
        _("Fiches par responsable de traitement"),
        _(
            "Fiches non archivées par responsable : CentreCall pour ses propres traitements, le client pour ceux "
            "que CentreCall mène pour son compte. %(parts)s."
        )
        % {"parts": describe(bars)},
        bars,
        unit=_("Fiches"),
    )


def dpia_status():
    counts = counted(kept_fiches(), "dpia_status")
    bars = [
        Bar(status.label, counts.get(status, 0), register_url(dpia=status), DPIA_TONES[status]) for status in DpiaStatus
    ]
    return Chart(
        "chart-dpia",
        _("Analyses d'impact (AIPD, art. 35)"),
        _("Fiches non archivées selon l'état de leur analyse d'impact : %(parts)s.") % {"parts": describe(bars)},
        bars,
        unit=_("Fiches"),
    )


# --- findings (the registry's checks) ------------------------------------------------------


@dataclass(frozen=True)
class SeverityFigure:
    severity: Severity
    findings: int  # rows of that severity on the findings page (every subject, missing content as advice)
    findings_url: str  # the findings page filtered on it
    fiches: int  # kept fiches whose most serious finding has that severity
    fiches_url: str  # the register's list filtered on it


@dataclass
class Findings:
    chart: Chart
    severities: list  # SeverityFigure, most serious first
    fiches_without_findings: int
    fiches_without_findings_url: str
    register_score: int | None  # compliance.score, the findings page's figure
    fiche_count: int


def findings_url(**filters):
    return reverse("compliance:findings") + f"?{FindingsScope(**filters).query_string()}"


def findings_by_severity(today):
    """The findings page's counts per severity, and the kept fiches by their most serious finding.

    `collect` judges every subject the registry lists, fiches loaded with their lines (a fixed
    number of queries); the fiches' levels reuse those fiches, judged as the register's list does.
    """
    report = collect(FindingsScope(), today)
    levels = dict.fromkeys([*Severity, NO_FINDINGS], 0)
    for entry in report.fiche_scores:
        levels[compliance_level(entry.treatment, today)] += 1
    figures = [
        SeverityFigure(
            severity,
            report.counts[severity],
            findings_url(severity=severity),
            levels[severity],
            register_url(compliance=severity),
        )
        for severity in Severity
    ]
    bars = [
        Bar(figure.severity.label, figure.findings, figure.findings_url, figure.severity.value, fiches(figure.fiches))
        for figure in figures
    ]
    chart = Chart(
        "chart-findings",
        _("Constats de conformité par gravité"),
        _("Constats relevés sur le registre (fiches non archivées, opérations, formulaires, violations) : %(parts)s.")
        % {"parts": describe(bars)},
        bars,
        unit=_("Constats"),
    )
    return Findings(
        chart=chart,
        severities=figures,
        fiches_without_findings=levels[NO_FINDINGS],
        fiches_without_findings_url=register_url(compliance=NO_FINDINGS),
        register_score=report.register_score,
        fiche_count=len(report.fiche_scores),
    )


# --- reviews and retention ------------------------------------------------------------------


@dataclass
class Reviews:
    overdue: int
    overdue_url: str
    due_this_month: list  # fiches due from today to the month's end, by date
    month_end: date


def reviews(today):
    month_end = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    due = kept_fiches().filter(next_review_date__gte=today, next_review_date__lte=month_end)
    return Reviews(
        overdue=Treatment.objects.review_overdue(today).count(),
        overdue_url=register_url(overdue=True),
        due_this_month=list(due.select_related("controller").order_by("next_review_date", "reference")),
        month_end=month_end,
    )


def retention_bands():
    """Data lines of the kept fiches by length of retention, in one query."""
    rows = (
        with_band(DataCategoryLine.objects.exclude(treatment__status=TreatmentStatus.ARCHIVED))
        .values("band")
        .annotate(lines=Count("pk"), fiches=Count("treatment", distinct=True))
        .order_by()
    )
    found = {row["band"]: row for row in rows}
    tones = {"6m": "ok", "1y": "ok", "3y": "advice", "beyond": "warning", "event": "warning"}
    bars = [
        Bar(
            label,
            found.get(name, {}).get("lines", 0),
            register_url(retention=name),
            tones[name],
            fiches(found.get(name, {}).get("fiches", 0)),
        )
        for name, label in RETENTION_LABELS.items()
    ]
    return Chart(
        "chart-retention",
        _("Durées de conservation des données"),
        _("Lignes de données des fiches non archivées par durée de conservation : %(parts)s.")
        % {"parts": describe(bars)},
        bars,
        unit=_("Lignes de données"),
    )


# --- incidents and breaches -----------------------------------------------------------------


@dataclass
class Incidents:
    chart: Chart
    open_count: int
    open_url: str
    late: int
    late_url: str
    breaches: list = field(default_factory=list)  # the open breaches, soonest deadline first


def open_incidents(now):
    incidents = list(Incident.objects.open().for_pages())
    unqualified = [incident for incident in incidents if incident.is_breach is None]
    breaches = [incident for incident in incidents if incident.is_breach]
    not_breaches = [incident for incident in incidents if incident.is_breach is False]
    late = [incident for incident in breaches if incident.is_late_at(now)]
    bars = [
        Bar(_("À qualifier"), len(unqualified), incidents_url(status="open", breach="unknown"), "warning"),
        Bar(_("Violations de données"), len(breaches), incidents_url(status="open", breach="yes"), "blocking"),
        Bar(_("Pas une violation"), len(not_breaches), incidents_url(status="open", breach="no"), "neutral"),
    ]
    total = len(incidents)
    far = datetime.max.replace(tzinfo=UTC)  # a breach whose awareness is not recorded yet: last
    breaches.sort(key=lambda incident: (incident.notification_deadline or far, incident.number))
    for breach in breaches:
        breach.dashboard_late = breach.is_late_at(now)
        breach.dashboard_status = breach.notification_status(now)
    return Incidents(
        chart=Chart(
            "chart-incidents",
            _("Incidents non clos"),
            ngettext(
                "%(total)d incident non clos : %(parts)s.", "%(total)d incidents non clos : %(parts)s.", len(incidents)
            )
            % {"total": len(incidents), "parts": describe(bars)},
            bars,
            unit=_("Incidents"),
        ),
        open_count=total,
        open_url=incidents_url(status="open"),
        late=len(late),
        late_url=incidents_url(status="open", overdue="on"),
        breaches=breaches,
    )


# --- the page -------------------------------------------------------------------------------


def describe(bars):
    """« Brouillon : 3, En vigueur : 5 » — the figures in words, for a chart's desc."""
    return ", ".join(f"{bar.label} : {bar.value}" for bar in bars)


@dataclass
class Dashboard:
    today: date
    now: object
    status: Chart
    role: Chart
    client: Chart
    findings: Findings
    reviews: Reviews
    retention: Chart
    dpia: Chart
    incidents: Incidents


def dashboard(today=None, now=None):
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    return Dashboard(
        today=today,
        now=now,
        status=fiches_by_status(),
        role=fiches_by_role(),
        client=fiches_by_client(),
        findings=findings_by_severity(today),
        reviews=reviews(today),
        retention=retention_bands(),
        dpia=dpia_status(),
        incidents=open_incidents(now),
    )
