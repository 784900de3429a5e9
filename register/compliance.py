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

Tests add a check for one block with `with compliance.registered(check, subject=...)`.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
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

    def applies_to(self, subject):
        return isinstance(subject, self.subject) and (self.applies is None or self.applies(subject))

    def run(self, subject, on):
        return [
            finding if finding.subject is not None else _with_subject(finding, subject)
            for finding in self.function(subject, on)
        ]


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: list  # the requirement findings, in the order the checks were registered

    @property
    def missing_items(self):
        return [finding.requirement for finding in self.missing]


_registry = []


def register_check(function=None, *, subject, requirement="", applies=None):
    """Add `function(subject, on) -> iterable of Finding` for subjects of class `subject`.

    Usable as a decorator (`@register_check(subject=Treatment)`); registering the same
    function twice keeps one.
    """

    def add(function):
        if not any(check.function is function for check in _registry):
            _registry.append(Check(function, subject, requirement, applies))
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


def _with_subject(finding, subject):
    return Finding(**{**finding.__dict__, "subject": subject})


def _with_requirement(finding, requirement):
    return Finding(**{**finding.__dict__, "requirement": requirement})
