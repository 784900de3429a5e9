"""The register of processing activities (GDPR art. 30) and its catalogs."""

from .catalogs import (
    Catalog,
    Country,
    DataCategory,
    DataSubjectCategory,
    RecipientCategory,
    SecurityMeasureCategory,
    TransferSafeguard,
)
from .lines import (
    LINE_MODELS,
    DataCategoryLine,
    DataSubjectLine,
    Recipient,
    SecurityMeasure,
    SubPurpose,
    Transfer,
    TreatmentLine,
)
from .organisations import Address, Contact, Department, Organisation, Site, siren_validator
from .treatments import (
    REFERENCE_PREFIX,
    RESERVED_REFERENCES,
    REVIEW_INTERVAL_MONTHS,
    Treatment,
    TreatmentQuerySet,
    add_months,
    french_contractions,
    validate_reference_not_reserved,
)

__all__ = [
    "LINE_MODELS",
    "REFERENCE_PREFIX",
    "RESERVED_REFERENCES",
    "REVIEW_INTERVAL_MONTHS",
    "Address",
    "Catalog",
    "Contact",
    "Country",
    "DataCategory",
    "DataCategoryLine",
    "DataSubjectCategory",
    "DataSubjectLine",
    "Department",
    "Organisation",
    "Recipient",
    "RecipientCategory",
    "SecurityMeasure",
    "SecurityMeasureCategory",
    "Site",
    "SubPurpose",
    "Transfer",
    "TransferSafeguard",
    "Treatment",
    "TreatmentLine",
    "TreatmentQuerySet",
    "add_months",
    "french_contractions",
    "siren_validator",
    "validate_reference_not_reserved",
]
