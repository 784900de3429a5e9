"""The compliance registry: findings about any subject of the register, and completeness.

A check is a function `check(subject, on)` yielding `Finding`s about one subject (a fiche,
an operation, a breach, the register as a whole) as it stands on the day `on`. Each app
adds its checks from its `AppConfig.ready()` with `register_check(subject=Model)`, so
`register` never imports the apps that build on it; the register's own checks live in
`register.checks`.

A check registered with a `requirement` label is one item of the subject's required
content (for a fiche: what art. 30 asks the register to say). The completeness indicator
is the share of applicable requirement checks that find nothing; the others yield one
finding each, which the fiche lists under « Il manque ». A requirement finding of severity
« conseil » stays in that list; a more serious one is also a finding of its own.

Each check is a rule with a stable identifier, `rule` (the function's name unless given),
which `Check.run` stamps on every finding it yields: the findings page filters on it and
`check_register` prints it. Its French `label` names it in the page's filter: given with
`label=`, else the completeness item it counts, else the first sentence of its docstring.

The findings page of the whole register lists the subjects of each kind through
`register_subjects(kind, label, subjects, ...)`, which each app calls from its `ready()`
with a function returning its subjects prefetched for their checks (a fixed number of
queries); `subject_sources()` gives them in the order they were registered.

Tests add a check for one block with `with compliance.registered(check, subject=...)`.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, replace

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    """How much a finding matters, most serious first."""

    BLOCKING = "blocking", _("Bloquant")  # the fiche breaks a rule: not to be put in force as it is
    WARNING = "warning", _("À corriger")
    ADVICE = "advice", _("Conseil")

    @property
    def rank(self):
        return list(Severity).index(self)


@dataclass(frozen=True)
class Finding:
    """One thing wrong or missing about a subject, said in French for the DPO."""

    severity: Severity
    message: str  # names the field or the line it is about
    article: str = ""  # the GDPR article or CNIL guidance it comes from
    fix: str = ""  # what to do about it
    url: str = ""  # where to fix it: the edit form, anchored on the field or line
    subject: object = None
    requirement: str = ""  # for a completeness item: what is missing, e.g. « destinataires (art. 30(1)(d)) »
    rule: str = ""  # the identifier of the check that found it, stamped by Check.run

    @property
    def severity_label(self):
        return Severity(self.severity).label

    @property
    def is_blocking(self):
        return self.severity == Severity.BLOCKING

    @property
    def subject_label(self):
        return str(self.subject) if self.subject is not None else ""

    def __str__(self):
        return f"{self.subject_label} : {self.message}" if self.subject is not None else str(self.message)


@dataclass(frozen=True)
class Check:
    function: object
    subject: type
    requirement: str = ""  # set for the items counted by the completeness indicator
    applies: object = None  # subject -> bool; None: to every subject of its kind
    rule: str = ""  # stable identifier, e.g. "review_is_not_overdue"; the function's name by default
    label: str = ""  # French name of the rule, for the findings page's filter

    def __post_init__(self):
        if not self.rule:
            object.__setattr__(self, "rule", self.function.__name__)
        if not self.label:
            object.__setattr__(self, "label", _default_label(self))

    def applies_to(self, subject):
        return isinstance(subject, self.subject) and (self.applies is None or self.applies(subject))

    def run(self, subject, on):
        return [
            replace(finding, subject=subject if finding.subject is None else finding.subject, rule=self.rule)
            for finding in self.function(subject, on)
        ]


def _default_label(check):
    """A completeness item's label says what is missing; any other check names itself in French
    (`label=`): the findings page's filter lists these labels, and docstrings are English."""
    if check.requirement:
        return format_lazy(_("Contenu requis : {}"), check.requirement)
    raise ImproperlyConfigured(f"Compliance rule {check.rule!r} needs a French label= (or a requirement=).")


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: list  # the requirement findings, in the order the checks were registered

    @property
    def missing_items(self):
        return [finding.requirement for finding in self.missing]


_registry = []


def register_check(function=None, *, subject, requirement="", applies=None, rule="", label=""):
    """Add `function(subject, on) -> iterable of Finding` for subjects of class `subject`.

    Usable as a decorator (`@register_check(subject=Treatment)`); registering the same
    function twice keeps one. `rule` (default: the function's name) must be unique: two
    checks under one identifier would mix in the findings page's filter, so it is refused.
    """

    def add(function):
        if any(check.function is function for check in _registry):
            return function
        check = Check(function, subject, requirement, applies, rule, label)
        if any(other.rule == check.rule for other in _registry):
            raise ImproperlyConfigured(
                f"Compliance rule {check.rule!r} is already registered: give the check another name or rule=."
            )
        _registry.append(check)
        return function

    return add(function) if function is not None else add


def unregister_check(function):
    _registry[:] = [check for check in _registry if check.function is not function]


@contextmanager
def registered(function, **options):
    """The check is registered inside the block only (for tests)."""
    register_check(function, **options)
    try:
        yield function
    finally:
        unregister_check(function)


def rules():
    """(rule, label) of every registered check, in the order they were registered."""
    return [(check.rule, check.label) for check in _registry]


def rule_label(rule):
    return next((check.label for check in _registry if check.rule == rule), rule)


def checks_for(subject, *, requirements=None):
    return [
        check
        for check in _registry
        if check.applies_to(subject) and (requirements is None or bool(check.requirement) == requirements)
    ]


def findings_for(subject, on=None):
    """Every finding about `subject` on the day `on` (today by default), most serious first.

    Missing content of severity « conseil » is left to `completeness_for`.
    """
    on = on or timezone.localdate()
    findings = [
        finding
        for check in checks_for(subject)
        for finding in check.run(subject, on)
        if not (check.requirement and finding.severity == Severity.ADVICE)
    ]
    return sorted(findings, key=lambda finding: Severity(finding.severity).rank)


def blocking_findings(subject, on=None):
    return [finding for finding in findings_for(subject, on) if finding.is_blocking]


def completeness_for(subject, on=None):
    """The share of the subject's required content present, and a finding per missing item."""
    on = on or timezone.localdate()
    requirements = checks_for(subject, requirements=True)
    missing = []
    for check in requirements:
        missing.extend(
            finding if finding.requirement else _with_requirement(finding, check.requirement)
            for finding in check.run(subject, on)[:1]
        )
    met = len(requirements) - len(missing)
    return Completeness(round(100 * met / len(requirements)) if requirements else 100, missing)


def _with_requirement(finding, requirement):
    return replace(finding, requirement=requirement)


# --- The subjects of the whole register, for the findings page --------------------------


@dataclass(frozen=True)
class SubjectSource:
    """How to list the subjects of one kind, and what the findings page's filters read of them."""

    kind: str  # in query strings: "fiche", "operation", "form", "breach"…
    label: str  # French, singular: « Fiche »
    subjects: Callable  # () -> iterable of subjects, prefetched for their checks (fixed number of queries)
    client: Callable = None  # subject -> the client Organisation it is done for, or None
    role: Callable = None  # subject -> a TreatmentRole value, or ""
    reference: Callable = None  # subject -> its short reference (« T-001 », « OP-03 »); default: str()
    url: Callable = None  # subject -> its page; default: get_absolute_url()

    def client_of(self, subject):
        return self.client(subject) if self.client else None

    def role_of(self, subject):
        return self.role(subject) if self.role else ""

    def reference_of(self, subject):
        return (self.reference(subject) if self.reference else "") or str(subject)

    def url_of(self, subject):
        if self.url:
            return self.url(subject)
        return subject.get_absolute_url() if hasattr(subject, "get_absolute_url") else ""


_sources = []


def register_subjects(kind, label, subjects, *, client=None, role=None, reference=None, url=None):
    """Let the findings page list the subjects of `kind`; registering a kind again replaces it."""
    _sources[:] = [source for source in _sources if source.kind != kind]
    _sources.append(SubjectSource(kind, label, subjects, client, role, reference, url))


def unregister_subjects(kind):
    _sources[:] = [source for source in _sources if source.kind != kind]


def subject_sources():
    return list(_sources)
