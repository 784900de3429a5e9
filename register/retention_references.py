"""The CNIL's reference retention periods (reference section 6), as one table.

Each row says which data lines it is about — by the line's own nature (a call recording,
a data category) or by the people the fiche concerns (prospects, applicants) — the longest
period the CNIL accepts, and the events that period counts from. `reference_for(line,
treatment)` gives the first row matching a line: rows about the line itself come before
rows about the fiche's people, so a call recording on a prospect fiche is judged as a
recording (6 months), not as prospect data (3 years).

The check that compares a line with its row is register.checks.retention.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from .choices import DataNature, RetentionStart, RetentionUnit
from .compliance import Severity

DAYS_PER_UNIT = {RetentionUnit.DAYS: 1, RetentionUnit.MONTHS: 30, RetentionUnit.YEARS: 365}
FROM_COLLECTION_OR_RECORDING = (RetentionStart.COLLECTION, RetentionStart.END_OF_CALL)
FROM_COLLECTION_OR_LAST_CONTACT = (RetentionStart.COLLECTION, RetentionStart.LAST_CONTACT)


@dataclass(frozen=True)
class RetentionReference:
    code: str
    what: str  # the data as the finding names it, participle agreed: « enregistrements d'appels conservés »
    value: int
    unit: str  # RetentionUnit
    starts: tuple  # the RetentionStart events the CNIL period counts from
    source: str  # the CNIL guidance it comes from
    severity: str = Severity.WARNING
    nature: str = ""  # DataNature the line declares
    call_recording: bool = False  # the line is marked as call recordings
    category: str = ""  # DataCategory code of the line
    subject: str = ""  # DataSubjectCategory code among the fiche's people

    @property
    def max_days(self):
        return self.value * DAYS_PER_UNIT[self.unit]

    @property
    def limit_text(self):
        if self.value == 1:
            unit = {
                RetentionUnit.YEARS: pgettext("retention unit, singular", "an"),
                RetentionUnit.MONTHS: pgettext("retention unit, singular", "mois"),
                RetentionUnit.DAYS: pgettext("retention unit, singular", "jour"),
            }[self.unit]
        else:
            unit = RetentionUnit(self.unit).label
        return f"{self.value} {unit}"

    def matches(self, line, subject_codes):
        if self.call_recording:
            return line.is_call_recording
        if self.nature:
            return line.nature == self.nature
        if self.category:
            return line.category.code == self.category
        return self.subject in subject_codes


RECORDINGS = _("CNIL, enregistrement des appels sur le lieu de travail")
REFERENCES = (
    # What the line itself is.
    RetentionReference(
        "call_recordings",
        _("enregistrements d'appels conservés"),
        6,
        RetentionUnit.MONTHS,
        FROM_COLLECTION_OR_RECORDING,
        RECORDINGS,
        Severity.BLOCKING,
        call_recording=True,
    ),
    RetentionReference(
        "recording_analysis",
        _("documents d'analyse des enregistrements conservés"),
        1,
        RetentionUnit.YEARS,
        FROM_COLLECTION_OR_RECORDING,
        RECORDINGS,
        nature=DataNature.RECORDING_ANALYSIS,
    ),
    RetentionReference(
        "video",
        _("images de vidéosurveillance conservées"),
        1,
        RetentionUnit.MONTHS,
        (RetentionStart.COLLECTION,),
        _("CNIL, vidéoprotection sur le lieu de travail"),
        Severity.BLOCKING,
        nature=DataNature.VIDEO,
    ),
    RetentionReference(
        "payroll",
        _("données de paie conservées"),
        5,
        RetentionUnit.YEARS,
        (RetentionStart.COLLECTION,),
        _("CNIL, référentiel gestion du personnel"),
        nature=DataNature.PAYROLL,
    ),
    RetentionReference(
        "accounting",
        _("pièces comptables conservées"),
        10,
        RetentionUnit.YEARS,
        (RetentionStart.COLLECTION,),
        _("code de commerce, art. L. 123-22"),
        nature=DataNature.ACCOUNTING,
    ),
    RetentionReference(
        "connection_logs",
        _("journaux de connexion conservés"),
        1,
        RetentionUnit.YEARS,
        FROM_COLLECTION_OR_RECORDING,  # a call's log (number, date, length) counts from the call
        _("CNIL, recommandation sur la journalisation"),
        category="connection",
    ),
    # Whom the fiche concerns.
    RetentionReference(
        "applicants",
        _("données de candidats non retenus conservées"),
        2,
        RetentionUnit.YEARS,
        (RetentionStart.COLLECTION, RetentionStart.LAST_CONTACT),
        _("CNIL, référentiel recrutement"),
        subject="candidates",
    ),
    RetentionReference(
        "prospects",
        _("données de prospects conservées"),
        3,
        RetentionUnit.YEARS,
        FROM_COLLECTION_OR_LAST_CONTACT,
        _("CNIL, référentiel gestion commerciale"),
        subject="prospects",
    ),
)


def reference_for(line, subject_codes):
    """The CNIL reference a data line is judged by, or None; `subject_codes` are the codes of
    the fiche's data subject categories."""
    return next((reference for reference in REFERENCES if reference.matches(line, subject_codes)), None)
