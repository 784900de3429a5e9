"""The findings of the whole register: every subject the registry knows how to list, judged
once, filtered as the page's query string says.

`FindingsScope` is what the filters keep (built by forms.FindingsFilterForm from a query
string or the `check_register` options); `collect(scope)` lists each kind's subjects through
register.compliance.subject_sources() — each source loads its subjects with their lines in
a fixed number of queries — runs the registry's checks on them in Python and returns a
`FindingsReport`: the rows kept, the count per severity before the severity filter (so the
page can say how many blocking findings the other filters leave) and the score of each fiche.

A subject's rows are its findings (register.compliance.findings_for) and the content it
lacks (completeness_for), the latter as pieces of advice: on this page the DPO sees
everything the fiche page lists under « Constats » and « Il manque ».
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext as _

from register.choices import TreatmentRole
from register.compliance import Severity, completeness_for, findings_for, rule_label, subject_sources
from register.models import Organisation
from register.search import fold

from .score import fiche_score, register_score

FICHE_KIND = "fiche"


@dataclass
class FindingsScope:
    severity: str = ""  # a Severity value
    rule: str = ""  # a registered check's rule
    client: Organisation | None = None  # the client controller the subject is done for
    role: str = ""  # a TreatmentRole value
    kind: str = ""  # a subject source's kind: fiche, operation, form, breach…
    q: str = ""  # words searched in the subject, the message, the fix and the reference
    errors: list = field(default_factory=list)

    def to_params(self):
        """The query string pairs that rebuild this scope (for links and exports)."""
        return {key: value for key, value in self._params().items() if value}

    def _params(self):
        return {
            "severity": self.severity,
            "rule": self.rule,
            "client": str(self.client.pk) if self.client else "",
            "role": self.role,
            "kind": self.kind,
            "q": self.q,
        }

    def query_string(self, **changes):
        """This scope's query string with `changes` applied, its keys always in the same order."""
        params = {**self._params(), **changes}
        return urlencode({key: value for key, value in params.items() if value})

    def describe(self):
        """A French phrase naming what the filters keep, for the page and the documents."""
        parts = []
        if self.severity:
            parts.append(_("gravité « %(severity)s »") % {"severity": Severity(self.severity).label})
        if self.rule:
            parts.append(_("règle « %(rule)s »") % {"rule": rule_label(self.rule)})
        if self.client:
            parts.append(_("client %(client)s") % {"client": self.client.name})
        if self.role:
            parts.append(str(TreatmentRole(self.role).label).lower())
        if self.kind:
            label = next((source.label for source in subject_sources() if source.kind == self.kind), self.kind)
            parts.append(_("sujets : %(kind)s") % {"kind": str(label).lower()})
        if self.q:
            parts.append(_("recherche « %(q)s »") % {"q": self.q})
        return ", ".join(parts) if parts else _("tous les constats du registre")

    def keeps_subject(self, source, subject):
        """The subject filters: kind aside, which the caller applies to the rows."""
        if self.client is not None:
            client = source.client_of(subject)
            if client is None or client.pk != self.client.pk:
                return False
        return not self.role or source.role_of(subject) == self.role

    def keeps_row(self, row):
        if self.kind and row.kind != self.kind:
            return False
        if self.rule and row.finding.rule != self.rule:
            return False
        return not self.q or all(word in row.searched_text for word in fold(self.q).split())


@dataclass(frozen=True)
class FindingRow:
    finding: object  # register.compliance.Finding
    kind: str
    kind_label: str
    reference: str
    subject_url: str

    @property
    def searched_text(self):
        finding = self.finding
        return fold(" ".join((self.reference, finding.subject_label, str(finding.message), str(finding.fix))))

    @property
    def rule_label(self):
        return rule_label(self.finding.rule)


@dataclass(frozen=True)
class FicheScore:
    treatment: object
    score: object  # score.Score


@dataclass
class FindingsReport:
    scope: FindingsScope
    day: object
    rows: list  # FindingRow, most serious first
    counts: dict  # Severity -> number of rows the other filters keep
    fiche_scores: list  # FicheScore of every fiche the client and role filters keep

    @property
    def register_score(self):
        return register_score(entry.score for entry in self.fiche_scores)

    @property
    def has_blocking(self):
        return any(row.finding.is_blocking for row in self.rows)

    @property
    def count_list(self):
        """(severity, label, number) in order of gravity, for the page's counters."""
        return [(severity, severity.label, self.counts.get(severity, 0)) for severity in Severity]


def subject_findings(subject, on):
    """The subject's findings and its missing content, and its completeness."""
    completeness = completeness_for(subject, on)
    findings = findings_for(subject, on)
    missing = [finding for finding in completeness.missing if finding.severity == Severity.ADVICE]
    return findings, missing, completeness


def collect(scope, on=None):
    """Judge every subject the registry lists and keep what `scope` asks for."""
    on = on or timezone.localdate()
    rows, fiche_scores = [], []
    for source in subject_sources():
        if scope.kind and source.kind != scope.kind and source.kind != FICHE_KIND:
            continue  # fiches are always judged: the register's score is theirs
        for subject in source.subjects():
            if not scope.keeps_subject(source, subject):
                continue
            findings, missing, completeness = subject_findings(subject, on)
            if source.kind == FICHE_KIND:
                fiche_scores.append(FicheScore(subject, fiche_score(findings, completeness.percent)))
            reference, url = source.reference_of(subject), source.url_of(subject)
            rows.extend(
                FindingRow(finding, source.kind, source.label, reference, url) for finding in [*findings, *missing]
            )
    rows = [row for row in rows if scope.keeps_row(row)]
    counts = dict.fromkeys(Severity, 0)
    for row in rows:
        counts[Severity(row.finding.severity)] += 1
    if scope.severity:
        rows = [row for row in rows if row.finding.severity == scope.severity]
    rows.sort(key=lambda row: Severity(row.finding.severity).rank)  # stable: subjects keep their order
    return FindingsReport(scope, on, rows, counts, fiche_scores)
