"""What the import read from a file, before it touches the database.

Every value keeps where it came from (sheet, row, column), so that an error names the
cell a DPO has to correct: « Onglet « Paie », ligne 6, colonne B (Date de création du
traitement) : … ».
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .dates import is_typed_as_text, parse_cell_date
from .odf_reader import column_letter


@dataclass(frozen=True)
class Where:
    sheet: str = ""
    row: int | None = None  # 0-based
    column: int | None = None  # 0-based
    label: str = ""

    def __str__(self):
        parts = [_("Onglet « %(sheet)s »") % {"sheet": self.sheet}] if self.sheet else [_("Fichier")]
        if self.row is not None:
            parts.append(_("ligne %(row)s") % {"row": self.row + 1})
        if self.column is not None:
            parts.append(_("colonne %(column)s") % {"column": column_letter(self.column)})
        text = ", ".join(parts)
        return f"{text} ({self.label})" if self.label else text


@dataclass(frozen=True)
class Issue:
    where: Where
    message: str

    def __str__(self):
        return f"{self.where} : {self.message}"


@dataclass
class Party:
    """An organisation or a person as the file writes it (actor rows, overview blocks)."""

    name: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    company: str = ""
    siren: str = ""
    where: Where = field(default_factory=Where)

    def details(self):
        return {
            name: getattr(self, name)
            for name in ("address", "postcode", "city", "country", "phone", "email")
            if getattr(self, name)
        }


@dataclass
class LineDraft:
    """One line of a fiche table: the model's field values and where they were read."""

    fields: dict
    where: Where
    note: str = ""  # how a free text was understood, shown in the preview


@dataclass
class FicheDraft:
    sheet: str
    values: dict = field(default_factory=dict)  # Treatment field -> value
    where: dict = field(default_factory=dict)  # Treatment field -> Where
    created: date | None = None
    updated: date | None = None
    controller: Party | None = None
    dpo: Party | None = None
    representative: Party | None = None
    joint_controllers: list = field(default_factory=list)
    processors: list = field(default_factory=list)
    sub_purposes: list = field(default_factory=list)
    data_lines: list = field(default_factory=list)
    data_subject_lines: list = field(default_factory=list)
    recipients: list = field(default_factory=list)  # fields carry "organisation_name"
    transfers: list = field(default_factory=list)
    security_measures: list = field(default_factory=list)
    overview_only: bool = False

    @property
    def reference(self):
        return self.values.get("reference", "")

    @property
    def name(self):
        return self.values.get("name", "")

    def is_blank(self):
        return not (
            self.name
            or self.values.get("main_purpose")
            or self.sub_purposes
            or self.data_lines
            or self.data_subject_lines
            or self.recipients
            or self.transfers
            or self.security_measures
        )

    def where_of(self, name):
        return self.where.get(name) or Where(self.sheet)


@dataclass
class RegisterDraft:
    day_first: bool = False  # the workbook declares the French date convention
    organisation: Party | None = None
    contacts: dict = field(default_factory=dict)  # ContactRole -> Party
    fiches: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    dates_read: list = field(default_factory=list)  # Issue per date typed as text: how it was read

    def read_date(self, cell, where):
        """The date of a cell (None when empty; DateError when it is none); a date typed
        as text is written out for the preview (« 05/06/2020 » → 5 juin 2020)."""
        value = parse_cell_date(cell, day_first=self.day_first)
        if value is not None and is_typed_as_text(cell):
            self.dates_read.append(
                Issue(where, _("« %(text)s » lu comme le %(date)s.") % {"text": cell.text, "date": long_date(value)})
            )
        return value

    def error(self, where, message):
        self.errors.append(Issue(where, str(message)))

    def warn(self, where, message):
        self.warnings.append(Issue(where, str(message)))


def long_date(value):
    """« 5 juin 2020 »: the day, the month in words and the year, which no reader can swap."""
    return date_format(value, "j F Y")
