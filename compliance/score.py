"""The compliance score of a fiche and of the register: one formula, shown to the user as it is.

A fiche's score is the mean of two percentages:
- its completeness (register.compliance.completeness_for: the share of the content art. 30
  requires that the fiche gives);
- its findings mark: 100, less 30 per blocking finding, 10 per finding to correct and 2 per
  piece of advice, never below 0. Missing content is counted by the completeness only, so a
  missing item of severity « conseil » costs nothing here; a blocking one (no legal basis)
  costs on both sides, as it should.
The register's score is the mean of its fiches' scores, rounded (halves up); with no fiche it has none.

The findings page, the fiche page's panel, their PDF and `check_register --format json`
all call these functions and print `FORMULA`, so the figure and its explanation never part.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from register.compliance import Severity, completeness_for, findings_for

# Points a finding takes off the findings mark, by severity.
WEIGHTS = {Severity.BLOCKING: 30, Severity.WARNING: 10, Severity.ADVICE: 2}

FORMULA = _(
    "Score d'une fiche = moyenne de sa complétude (%) et de la note de ses constats ; note des constats "
    "= 100 − 30 par constat bloquant − 10 par constat à corriger − 2 par conseil, au minimum 0 (le contenu "
    "manquant n'est compté que dans la complétude). Score du registre = moyenne des scores des fiches."
)


@dataclass(frozen=True)
class Score:
    value: int  # 0–100
    completeness: int  # percent
    findings_mark: int  # 0–100
    blocking: int = 0
    warning: int = 0
    advice: int = 0


def fiche_score(findings, completeness_percent):
    """The score of a fiche with `findings` (those of findings_for) and its completeness percent."""
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[Severity(finding.severity)] += 1
    mark = max(0, 100 - sum(WEIGHTS[severity] * count for severity, count in counts.items()))
    return Score(
        value=(completeness_percent + mark + 1) // 2,  # halves rounded up, as people do
        completeness=completeness_percent,
        findings_mark=mark,
        blocking=counts[Severity.BLOCKING],
        warning=counts[Severity.WARNING],
        advice=counts[Severity.ADVICE],
    )


def score_for(treatment, on=None):
    """The score of `treatment` (its lines prefetched) judged on the day `on`."""
    return fiche_score(findings_for(treatment, on), completeness_for(treatment, on).percent)


def register_score(scores):
    """The mean of the fiches' scores, rounded; None for a register without fiches."""
    scores = list(scores)
    if not scores:
        return None
    return int(sum(score.value for score in scores) / len(scores) + 0.5)  # halves rounded up
