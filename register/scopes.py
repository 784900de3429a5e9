"""Which fiches a page or an export covers: one scope object shared by both.

The list page's query string (`?q=…&role=processor&client=3&date=2025-01-31`) and the
`export_register` command's options build the same `RegisterScope` through one bound
form (`filter_form.RegisterFilterForm(params).scope`), so a filtered list can be
bookmarked and exported as it is shown. The scope filters, names itself (`describe()`,
the exports' « Périmètre ») and builds its own URL (`url()`, `query_string()`).

`scope.treatments()` returns fiches with every line prefetched, in a fixed number of
queries. With `as_of` set, they are the fiches as they stood at the end of that day
(Europe/Paris), rebuilt from the history tables: unsaved `Treatment` instances whose line
caches hold the lines of that day, so templates and exports read them like live ones.
"""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import ALL_STATUSES, DpiaStatus, TreatmentRole, TreatmentStatus
from .compliance import Severity, findings_for
from .history.asof import end_of_day, rebuild
from .history.fiches import FICHES
from .models import DataCategoryLine, Organisation, Treatment, review_overdue_condition
from .queries import prefetch_fiche_extras, treatments_with_lines
from .retention_bands import LABELS as RETENTION_BANDS
from .retention_bands import has_line_in_band
from .search import search_condition

SORTS = {
    "reference": "reference",
    "-reference": "-reference",
    "name": "name",
    "-name": "-name",
    "created": "created_at",
    "-created": "-created_at",
    "updated": "updated_at",
    "-updated": "-updated_at",
    "status": "status",
    "-status": "-status",
    "role": "role",
    "-role": "-role",
    "controller": "controller__name",
    "-controller": "-controller__name",
}


@dataclass
class RegisterScope:
    q: str = ""
    role: str = ""
    status: str = ""  # "" = default list (archived hidden); "all"; or one TreatmentStatus
    client: Organisation | None = None
    sensitive: bool | None = None
    overdue: bool = False
    reference: str = ""
    as_of: date | None = None
    compliance: str = ""  # "" = any; a compliance.Severity: the fiche's most serious finding; or NO_FINDINGS
    dpia: str = ""  # "" = any; a DpiaStatus
    retention: str = ""  # "" = any; a retention band (retention_bands.LABELS): a data line kept that long
    sort: str = "reference"
    errors: list = field(default_factory=list)

    def to_params(self):
        """The query string pairs that rebuild this scope (for links and exports)."""
        params = {
            "q": self.q,
            "role": self.role,
            "status": self.status,
            "client": str(self.client.pk) if self.client else "",
            "sensitive": {True: "yes", False: "no"}.get(self.sensitive, ""),
            "overdue": "1" if self.overdue else "",
            "reference": self.reference,
            "date": self.as_of.isoformat() if self.as_of else "",
            "compliance": self.compliance,
            "dpia": self.dpia,
            "retention": self.retention,
            "sort": "" if self.sort == "reference" else self.sort,
        }
        return {key: value for key, value in params.items() if value}

    def query_string(self, **changes):
        """This scope's query string, with `changes` (e.g. sort="-name") applied."""
        params = {**self.to_params(), **changes}
        if params.get("sort") == "reference":
            del params["sort"]
        return urlencode({key: value for key, value in params.items() if value})

    def url(self, **changes):
        """The list page showing this scope (see query_string)."""
        query_string = self.query_string(**changes)
        return reverse("register:list") + (f"?{query_string}" if query_string else "")

    @property
    def day(self):
        """The day the fiches are shown as of, and their findings judged on."""
        return self.as_of or timezone.localdate()

    @property
    def as_of_moment(self):
        """End of the chosen day, Paris time: the register as it stood that evening."""
        return None if self.as_of is None else end_of_day(self.as_of)

    def describe(self):
        """A French sentence naming the scope, for page headings and export covers."""
        parts = []
        if self.reference:
            parts.append(_("fiche %(reference)s") % {"reference": self.reference})
        if self.role:
            parts.append(str(TreatmentRole(self.role).label).lower())
        if self.client:
            if self.client.name[:1].lower() in "aeiouyhàâéèêëîïôöûü":  # French elision: « d'Osiris »
                parts.append(_("pour le compte d'%(client)s") % {"client": self.client.name})
            else:
                parts.append(_("pour le compte de %(client)s") % {"client": self.client.name})
        if self.status and self.status != ALL_STATUSES:
            parts.append(_("statut %(status)s") % {"status": str(TreatmentStatus(self.status).label).lower()})
        if self.sensitive is not None:
            parts.append(_("avec données sensibles") if self.sensitive else _("sans données sensibles"))
        if self.overdue:
            parts.append(_("revue en retard"))
        if self.q:
            parts.append(_("recherche « %(q)s »") % {"q": self.q})
        if self.compliance == NO_FINDINGS:
            parts.append(_("sans constat de conformité"))
        elif self.compliance:
            label = str(Severity(self.compliance).label).lower()
            parts.append(_("constat le plus grave : %(severity)s") % {"severity": label})
        if self.dpia:
            parts.append(_("AIPD : %(status)s") % {"status": str(DpiaStatus(self.dpia).label).lower()})
        if self.retention:
            label = str(RETENTION_BANDS[self.retention]).lower()
            parts.append(_("données conservées : %(band)s") % {"band": label})
        if self.as_of:
            parts.append(_("état au %(date)s") % {"date": self.as_of.strftime("%d/%m/%Y")})
        return ", ".join(parts) if parts else _("registre complet")

    # --- querying -----------------------------------------------------------------

    def _filter(self, queryset, *, moment=None):
        """`queryset` filtered by every criterion; with `moment`, a queryset of the history tables."""
        if self.reference:
            queryset = queryset.filter(reference=self.reference)
        if self.role:
            queryset = queryset.filter(role=self.role)
        if self.client:
            queryset = queryset.filter(controller=self.client)
        if self.status == "" and not self.q and not self.reference:
            queryset = queryset.exclude(status=TreatmentStatus.ARCHIVED)
        elif self.status not in ("", ALL_STATUSES):
            queryset = queryset.filter(status=self.status)
        if self.dpia:
            queryset = queryset.filter(dpia_status=self.dpia)
        if self.overdue:
            queryset = queryset.filter(review_overdue_condition(self.as_of or timezone.localdate()))
        if self.sensitive is not None:
            queryset = queryset.filter(self._sensitive_condition(moment))
        if self.retention:
            queryset = queryset.filter(has_line_in_band(self.retention, moment))
        if self.q:
            queryset = queryset.filter(search_condition(self.q, moment=moment))
        return queryset.order_by(SORTS[self.sort], "pk")

    def _sensitive_condition(self, moment):
        """Has a sensitive data line: live, or with `moment` among the lines of that day (history tables)."""
        if moment is None:
            lines = DataCategoryLine.objects.filter(treatment=OuterRef("pk"))
        else:  # a history row's pk is its history_id; the fiche's own id is `id`
            lines = DataCategoryLine.history.as_of(moment).filter(treatment_id=OuterRef("id"))
        sensitive = Exists(lines.filter(category__is_sensitive=True))
        return sensitive if self.sensitive else ~sensitive

    def filter_queryset(self, queryset):
        """Apply the live filters to a Treatment queryset (for the list page's rows)."""
        return self._filter(queryset)

    def treatments(self):
        """The fiches in scope with all their lines, live or as of the chosen date.

        As of a date, the fiches and their lines come from the history tables, catalog rows
        and organisations as they are now (they are reference data).
        """
        if self.as_of:
            treatments = prefetch_fiche_extras(rebuild(FICHES, self.as_of_moment, self.historical_treatments()))
        else:
            treatments = list(self._filter(treatments_with_lines()))
        if self.compliance:  # judged fiche by fiche: the checks are Python functions of the registry
            treatments = [t for t in treatments if compliance_level(t, self.day) == self.compliance]
        return treatments

    def fiche_versions(self):
        """(id, version) of the fiches in scope, live or as they stood on `as_of`, in one query.

        The compliance filter, judged in Python, is left out: a superset of the fiches the
        extract shows, for what must notice any change to them (register.exports.state)."""
        if self.as_of:
            rows = self._filter(Treatment.history.as_of(self.as_of_moment), moment=self.as_of_moment)
        else:
            rows = self._filter(Treatment.objects.all())
        return sorted(rows.values_list("id", "version"))

    def historical_treatments(self):
        """The fiches in scope as they stood on `as_of`, without their lines (one query).

        Every filter runs in SQL on the history tables, the lines' included (search,
        sensitive data), so a page rebuilds the lines of its own fiches only (see
        history.asof.rebuild) and memory does not grow with the register.
        """
        return list(self._filter(Treatment.history.as_of(self.as_of_moment), moment=self.as_of_moment))


# --- compliance, for the list's column and filter ------------------------------------

NO_FINDINGS = "none"


def judge(treatment, day):
    """The fiche's findings on `day`, most serious first, kept on it (`compliance_findings`) for the list."""
    if getattr(treatment, "compliance_findings", None) is None:
        treatment.compliance_findings = findings_for(treatment, day)
    return treatment.compliance_findings


def compliance_level(treatment, day):
    """The severity of the fiche's most serious finding on `day`, or NO_FINDINGS."""
    findings = judge(treatment, day)
    return findings[0].severity if findings else NO_FINDINGS
