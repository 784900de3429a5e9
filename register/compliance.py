"""Compliance checks: what in a fiche breaks the GDPR or CNIL guidance.

A registry of check functions. Each takes a Treatment (with its lines prefetched, see
register.queries.treatments_with_lines) and yields Findings. The register's own checks are
below; other apps (processes, incidents) add theirs with `register_check` from their
AppConfig.ready(), so `register` never imports them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import LegalBasis, RetentionStart, TreatmentStatus

# CNIL reference retention periods, in days (reference section 6).
CALL_RECORDING_MAX_DAYS = 6 * 30  # call recordings: 6 months from recording
PROSPECT_MAX_DAYS = 3 * 365  # prospect data: 3 years from collection or last contact

ERROR, WARNING = "error", "warning"

_CHECKS = []


@dataclass(frozen=True)
class Finding:
    severity: str  # ERROR: breaks a rule; WARNING: to look at
    message: str
    article: str = ""


def register_check(check):
    """Add a check function (treatment -> iterable of Finding); usable as a decorator."""
    if check not in _CHECKS:
        _CHECKS.append(check)
    return check


def findings_for(treatment):
    return [finding for check in _CHECKS for finding in check(treatment)]


@register_check
def sensitive_data_needs_an_exception(treatment):
    for line in treatment.data_lines.all():
        if line.category.is_sensitive and not line.art9_exception:
            yield Finding(
                ERROR,
                _("Donnée sensible « %(category)s » sans exception de l'article 9(2).") % {"category": line.category},
                "art. 9(2)",
            )


@register_check
def legitimate_interest_is_stated(treatment):
    if treatment.legal_basis == LegalBasis.LEGITIMATE_INTERESTS and not treatment.legal_basis_detail.strip():
        yield Finding(ERROR, _("L'intérêt légitime poursuivi n'est pas précisé."), "art. 6(1)(f), art. 13(1)(d)")


@register_check
def call_recordings_kept_at_most_six_months(treatment):
    for line in treatment.data_lines.all():
        is_recording = (
            line.retention_start == RetentionStart.END_OF_CALL or "enregistrement" in line.description.lower()
        )
        if is_recording and line.retention_days is not None and line.retention_days > CALL_RECORDING_MAX_DAYS:
            yield Finding(
                ERROR,
                _("Enregistrements d'appels conservés %(retention)s : la CNIL recommande 6 mois au plus.")
                % {"retention": line.retention_text},
                _("CNIL, enregistrement des appels"),
            )


@register_check
def prospect_data_kept_at_most_three_years(treatment):
    if not any(line.category.code == "prospects" for line in treatment.data_subject_lines.all()):
        return
    for line in treatment.data_lines.all():
        if line.retention_days is not None and line.retention_days > PROSPECT_MAX_DAYS:
            yield Finding(
                WARNING,
                _("Données de prospects conservées %(retention)s : la référence CNIL est de 3 ans.")
                % {"retention": line.retention_text},
                "art. 5(1)(e)",
            )


@register_check
def transfers_have_a_safeguard_for_their_country(treatment):
    for transfer in treatment.transfers.all():
        if transfer.safeguard.code == "adequacy" and not transfer.country.has_adequacy_decision:
            yield Finding(
                ERROR,
                _("Transfert vers %(country)s fondé sur une décision d'adéquation qui n'existe pas.")
                % {"country": transfer.country},
                "art. 45, art. 46",
            )


@register_check
def review_is_not_overdue(treatment):
    if treatment.status == TreatmentStatus.IN_FORCE and treatment.is_review_overdue:
        yield Finding(
            WARNING,
            _("Revue en retard depuis le %(date)s.") % {"date": treatment.next_review_date.strftime("%d/%m/%Y")},
            "art. 5(2), art. 30",
        )
