"""What a cell's text means: catalog rows and choice values found by their labels.

Each lookup accepts the CNIL template's label, the app's own label, its short form
(before the parenthesis) and the code, compared through `register.cnil.matching.key()`. Catalogs
are read once per import (a handful of queries), whatever the number of fiches.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..choices import (
    Art9Exception,
    DataNature,
    DataSource,
    DpiaStatus,
    LegalBasis,
    RetentionEnd,
    TreatmentRole,
    TreatmentStatus,
)
from ..cnil import lists, matching
from ..models import (
    Country,
    DataCategory,
    DataSubjectCategory,
    RecipientCategory,
    SecurityMeasureCategory,
    TransferSafeguard,
)

NEAR_MATCH = gettext_noop("« %(text)s » lu comme « %(label)s », la valeur la plus proche de la liste : vérifiez.")
# Common ways of writing a choice, beside its label and code.
CHOICE_ALIASES = {
    LegalBasis.CONSENT: ["Consentement", "6(1)(a)", "art. 6(1)(a)", "6.1.a"],
    LegalBasis.CONTRACT: ["Contrat", "Exécution d'un contrat", "Exécution du contrat", "6(1)(b)", "6.1.b"],
    LegalBasis.LEGAL_OBLIGATION: ["Obligation légale", "Obligation légale du responsable", "6(1)(c)", "6.1.c"],
    LegalBasis.VITAL_INTERESTS: ["Intérêts vitaux", "Sauvegarde des intérêts vitaux", "6(1)(d)", "6.1.d"],
    LegalBasis.PUBLIC_TASK: ["Mission d'intérêt public", "Mission de service public", "6(1)(e)", "6.1.e"],
    LegalBasis.LEGITIMATE_INTERESTS: ["Intérêt légitime", "Intérêts légitimes", "6(1)(f)", "6.1.f"],
    TreatmentRole.CONTROLLER: ["Responsable", "Responsable du traitement", "Responsable de traitement"],
    TreatmentRole.JOINT_CONTROLLER: ["Responsables conjoints", "Coresponsable", "Responsable conjoint de traitement"],
    TreatmentRole.PROCESSOR: ["Sous-traitant", "Sous-traitance"],
    TreatmentStatus.ARCHIVED: ["Archivée"],
    DpiaStatus.NOT_REQUIRED: ["Non nécessaire"],
}
CHOICES = {
    "role": TreatmentRole,
    "legal_basis": LegalBasis,
    "status": TreatmentStatus,
    "dpia": DpiaStatus,
    "retention_end": RetentionEnd,
    "source": DataSource,
    "art9": Art9Exception,
    "nature": DataNature,
}


def _choice_table(choices):
    entries = []
    with translation.override("fr"):
        for value, label in choices.choices:
            texts = [value, *matching.label_variants(str(label)), *CHOICE_ALIASES.get(value, [])]
            if choices is Art9Exception:
                texts += [f"9(2)({value})", f"art. 9(2)({value})", str(label).split(") ", 1)[-1]]
            entries.append((value, texts))
    return matching.ListLookup(entries)


def _catalog_table(rows, labels, aliases=None):
    entries = []
    for row in rows:
        texts = [row.code, *matching.label_variants(row.label)]
        if row.code in labels:
            texts += matching.label_variants(labels[row.code])
        texts += (aliases or {}).get(row.code, [])
        entries.append((row, texts))
    return matching.ListLookup(entries)


class Catalogs:
    """Lookups from text to catalog rows and choice values, loaded once."""

    def __init__(self):
        self.data_categories = _catalog_table(
            DataCategory.objects.all(), lists.DATA_CATEGORY_LABELS, lists.DATA_CATEGORY_ALIASES
        )
        self.data_subjects = _catalog_table(DataSubjectCategory.objects.all(), lists.DATA_SUBJECT_LABELS)
        self.recipients = _catalog_table(RecipientCategory.objects.all(), lists.RECIPIENT_LABELS)
        self.security_measures = _catalog_table(SecurityMeasureCategory.objects.all(), lists.SECURITY_MEASURE_LABELS)
        self.safeguards = _catalog_table(
            TransferSafeguard.objects.all(), lists.SAFEGUARD_LABELS, lists.SAFEGUARD_ALIASES
        )
        countries = list(Country.objects.all())
        self.countries = matching.ListLookup(
            (
                country,
                [country.code, *matching.label_variants(country.name), *lists.COUNTRY_ALIASES.get(country.code, [])],
            )
            for country in countries
        )
        self.choices = {name: _choice_table(choices) for name, choices in CHOICES.items()}

    def choice(self, name, text, where, register):
        return self.find(self.choices[name], text, where, register)

    @staticmethod
    def find(table, text, where, register):
        """The list value `text` names, exactly or nearly (with a warning at `where`), or None."""
        value, near = table.find(text)
        if near is not None:
            register.warn(where, _(NEAR_MATCH) % {"text": text, "label": near})
        return value

    @staticmethod
    def expected(name, limit=12):
        """The accepted labels of a choice list, for error messages."""
        with translation.override("fr"):
            labels = [str(label) for label in CHOICES[name].labels]
        return " ; ".join(labels[:limit])
