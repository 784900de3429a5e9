"""Reading a register in the CNIL template's layout: the app's export or a hand-filled copy.

The reader finds its way by labels, never by fixed coordinates: a fiche sheet is any
sheet whose label column holds "Nom du traitement" and "Finalité principale" (a DPO
copies the template's sheet 3 and names it as they like); rows and columns may be
shifted, sections may have more or fewer rows, and a label may repeat (one row per data
line). Column positions within a section come from its header row ("Description",
"Durée de conservation"…), with the template's positions as the fallback. Cells holding
a formula (the template's links to the CNIL site) and the template's placeholders
("Sélectionnez un élément…") are not values.
"""

import re

from django.utils.translation import gettext as _

from ..cnil import layout as cnil
from ..cnil import matching
from .dates import DateError
from .drafts import FicheDraft, LineDraft, Party, RegisterDraft, Where
from .lines import read_data_row, read_line_row
from .odf_reader import read_workbook, value_text
from .overview import read_overview

TEXT, DATE, CHOICE, YES_NO = "text", "date", "choice", "yes_no"
YES_NO_ANSWERS = {matching.key(cnil.YES): True, matching.key(cnil.NO): False}
# Languages whose convention writes a date day first, as the CNIL's French template declares.
DAY_FIRST_LANGUAGES = ("fr",)
FIELDS = matching.lookup_table(
    [
        (("name", TEXT), [cnil.NAME]),
        (("reference", TEXT), [cnil.REFERENCE, "Référence", "N°", "Réf", "N° / Référence"]),
        (("created", DATE), [cnil.CREATED, "Date de création de la fiche", "Date de création"]),
        (("updated", DATE), [cnil.UPDATED, "Dernière mise à jour de la fiche", "Dernière mise à jour"]),
        (("software", TEXT), [cnil.SOFTWARE, "Logiciel", "Application"]),
        (("role", CHOICE), [cnil.ROLE, "Rôle"]),
        (
            ("legal_basis", CHOICE),
            [*matching.label_variants(cnil.LEGAL_BASIS), "Base juridique", "Fondement juridique"],
        ),
        (("legal_basis_detail", TEXT), [cnil.LEGAL_BASIS_DETAIL, "Intérêt légitime poursuivi"]),
        (("consent_proof", TEXT), [cnil.CONSENT_PROOF, "Preuve du consentement"]),
        (("consumer_phone_prospection", YES_NO), [cnil.PHONE_PROSPECTION]),
        (("current_contract_exception", TEXT), [cnil.CONTRACT_EXCEPTION]),
        (("recording_information", YES_NO), [cnil.RECORDING_INFORMATION]),
        (("recording_objection", YES_NO), [cnil.RECORDING_OBJECTION]),
        (("status", CHOICE), [cnil.STATUS, "Statut"]),
        (("dpia_status", CHOICE), [*matching.label_variants(cnil.DPIA), "AIPD"]),
        (("next_review_date", DATE), [cnil.NEXT_REVIEW, "Date de prochaine revue"]),
        (("notes", TEXT), [cnil.NOTES, "Commentaires"]),
        (("main_purpose", TEXT), [cnil.MAIN_PURPOSE]),
        (("data_subjects_other", TEXT), [cnil.SUBJECTS_OTHER]),
        (("dpo_company", TEXT), [cnil.DPO_COMPANY, "Société du DPO"]),
    ]
)
CHOICE_NAMES = {"role": "role", "legal_basis": "legal_basis", "status": "status", "dpia_status": "dpia"}
ACTORS = matching.lookup_table(
    [
        ("controller", [cnil.CONTROLLER, "Responsable de traitement"]),
        ("dpo", [cnil.DPO, "DPO", "Délégué à la protection des données (DPO)"]),
        ("representative", [cnil.REPRESENTATIVE, "Représentant dans l'UE"]),
        ("joint_controllers", [cnil.JOINT_CONTROLLERS, "Responsables conjoints", "Responsable conjoint"]),
        ("processors", [cnil.PROCESSORS, "Sous-traitants", "Sous-traitant"]),
    ]
)
SECTIONS = matching.lookup_table(
    [
        ("description", [cnil.DESCRIPTION]),
        ("actors", [cnil.ACTORS]),
        ("purposes", [cnil.PURPOSES, "Finalités du traitement", "Finalités"]),
        ("data", [cnil.DATA, "Catégories de données personnelles", "Données personnelles concernées"]),
        ("sensitive", [cnil.SENSITIVE, "Données sensibles concernées"]),
        ("subjects", [cnil.SUBJECTS, "Personnes concernées"]),
        ("recipients", [cnil.RECIPIENTS]),
        ("security", [cnil.SECURITY]),
        ("transfers", [cnil.TRANSFERS, "Transferts hors Union européenne", "Transferts de données hors UE"]),
    ]
)
_DATA_COLUMNS = [
    ("description", [cnil.DESCRIPTION_COLUMN, "Description des données"]),
    ("retention", [cnil.RETENTION_COLUMN, "Durée"]),
    ("retention_end", [cnil.RETENTION_END_COLUMN]),
    ("remark", [cnil.RETENTION_REMARK_COLUMN, "Remarque"]),
    ("source", [cnil.SOURCE_COLUMN, "Source"]),
    ("art9", [cnil.ART9_COLUMN, "Exception art. 9", "Exception"]),
    ("call_recording", [cnil.CALL_RECORDING_COLUMN, "Enregistrement d'appel"]),
    ("nature", [cnil.NATURE_COLUMN, "Nature"]),
]
COLUMNS = {
    "actors": matching.lookup_table(
        [(name, [label]) for name, label in zip(cnil.ACTOR_FIELDS, cnil.ACTOR_COLUMNS, strict=True)]
        + [("email", ["Courriel", "E-mail", "Mél"])]
    ),
    "data": matching.lookup_table(_DATA_COLUMNS),
    "sensitive": matching.lookup_table(_DATA_COLUMNS),
    "subjects": matching.lookup_table(
        [("category", [cnil.DESCRIPTION_COLUMN, "Catégorie"]), ("detail", ["Précisions"])]
    ),
    "recipients": matching.lookup_table(
        [
            ("category", [cnil.RECIPIENT_TYPE_COLUMN, "Catégorie"]),
            ("detail", [cnil.DETAIL_COLUMN]),
            ("organisation", [cnil.RECIPIENT_ORGANISATION_COLUMN]),
        ]
    ),
    "security": matching.lookup_table(
        [("category", [cnil.SECURITY_TYPE_COLUMN, "Catégorie"]), ("detail", [cnil.DETAIL_COLUMN, "Description"])]
    ),
    "transfers": matching.lookup_table(
        [
            (name, [label])
            for name, label in zip(
                ("recipient", "country", "safeguard", "document"), cnil.TRANSFER_COLUMNS, strict=True
            )
        ]
        + [("safeguard", ["Garanties"]), ("document", ["Lien vers la documentation", "Documentation"])]
    ),
}
# The template's positions, relative to the label column, when a header is missing.
DEFAULT_OFFSETS = {
    "actors": {name: offset for offset, name in enumerate(cnil.ACTOR_FIELDS, start=1)},
    "data": {"description": 1},
    "sensitive": {"description": 1},
    "subjects": {"category": 1, "detail": 4},
    "recipients": {"category": 1, "detail": 4},
    "security": {"category": 1, "detail": 4},
    "transfers": {"recipient": 1, "country": 2, "safeguard": 3, "document": 5},
}
LINE_SECTIONS = ("subjects", "recipients", "security", "transfers")
TITLE_PREFIXES = ("modeledefichederegistre", "exempledefichederegistre", "fichederegistre")
FICHE_KEYS = set(FIELDS) | set(ACTORS) | set(SECTIONS)


def read_register(data, catalogs):
    """A RegisterDraft from the bytes of an .ods file; OdsError if it cannot be read."""
    workbook = read_workbook(data)
    register = RegisterDraft(day_first=workbook.language in DAY_FIRST_LANGUAGES)
    overview_rows = []
    for sheet in workbook.sheets:
        label_column = _fiche_label_column(sheet)
        if label_column is not None:
            fiche = FicheReader(sheet, label_column, catalogs, register).read()
            if fiche is not None:
                register.fiches.append(fiche)
        else:
            overview_rows += read_overview(sheet, catalogs, register)
    references = {matching.key(fiche.reference) for fiche in register.fiches if fiche.reference}
    names = {matching.key(fiche.name) for fiche in register.fiches}
    for fiche in overview_rows:  # rows of the list that have no fiche sheet of their own
        if fiche.reference and matching.key(fiche.reference) in references:
            continue
        if not fiche.reference and matching.key(fiche.name) in names:
            continue
        register.fiches.append(fiche)
    return register


def _fiche_label_column(sheet):
    """The column holding a fiche's labels, or None when the sheet is not a fiche."""
    counts = {}
    for cells in sheet.rows.values():
        for column, cell in cells.items():
            if matching.key(cell.text) in ("nomdutraitement", "finaliteprincipale"):
                counts.setdefault(column, set()).add(matching.key(cell.text))
    candidates = [column for column, found in counts.items() if len(found) == 2]
    if not candidates:
        return None
    # The overview's header row has both labels too, but side by side, not in one column.
    return min(candidates)


class FicheReader:
    def __init__(self, sheet, label_column, catalogs, register):
        self.sheet, self.label_column, self.catalogs, self.register = sheet, label_column, catalogs, register
        self.fiche = FicheDraft(sheet.name)
        self.section = "description"
        self.columns = {}  # section -> {column name -> column index}
        self.headers = {}  # section -> column names found in its header row
        self.is_cnil_example = "exempledefiche" in matching.key(sheet.name)

    def where(self, row, column=None, label=""):
        return Where(self.sheet.name, row, column, label)

    def read(self):
        for row in sorted(self.sheet.rows):
            self.read_row(row, self.sheet.rows[row])
        fiche = self.fiche
        if self.is_cnil_example or matching.key(fiche.reference) == matching.key("1 - Exemple"):
            self.register.warn(Where(self.sheet.name), _("exemple de la CNIL, ignoré."))
            return None
        if fiche.is_blank():
            self.register.warn(Where(self.sheet.name), _("fiche vide (modèle non rempli), ignorée."))
            return None
        return fiche

    def values_right(self, cells):
        return {
            column: text for column, cell in cells.items() if column > self.label_column and (text := value_text(cell))
        }

    def read_row(self, row, cells):
        label_cell = cells.get(self.label_column)
        label = "" if label_cell is None or label_cell.has_formula else label_cell.text.strip()
        label_key = matching.key(label)
        values = self.values_right(cells)
        if label_key in SECTIONS:
            self.section = SECTIONS[label_key]
            self.columns[self.section], self.headers[self.section] = self.header_columns(cells)
        elif label_key in FIELDS:
            self.read_field(row, cells, label, *FIELDS[label_key])
        elif label_key in ACTORS:
            self.read_actor(row, cells, label, ACTORS[label_key])
        elif label_key.startswith(TITLE_PREFIXES) or not (values or label_key):
            self.is_cnil_example |= label_key.startswith("exempledefichederegistre")
        elif self.section == "purposes" and re.fullmatch(r"sousfinalite\d*", label_key):
            if values:
                column, text = min(values.items())
                self.fiche.sub_purposes.append(LineDraft({"description": text}, self.where(row, column, label)))
        elif self.section in ("data", "sensitive"):
            read_data_row(self, row, cells, label)
        elif self.section in LINE_SECTIONS:
            if values:
                read_line_row(self, row, cells, label)
        elif values:
            self.register.warn(self.where(row, self.label_column, label), _("ligne au libellé inconnu, ignorée."))

    def header_columns(self, cells):
        """({column name: index}, names read from the header) for the current section."""
        table = COLUMNS.get(self.section, {})
        found = {}
        for column, cell in sorted(cells.items()):
            if column > self.label_column and (name := table.get(matching.key(cell.text))) and name not in found:
                found[name] = column
        from_header = set(found)
        for name, offset in DEFAULT_OFFSETS.get(self.section, {}).items():
            column = self.label_column + offset
            if name not in found and column not in found.values():
                found[name] = column
        return found, from_header

    def column(self, name):
        return self.columns.get(self.section, {}).get(name)

    def read_field(self, row, cells, label, name, kind):
        values = self.values_right(cells)
        column, text = min(values.items()) if values else (self.label_column + 1, "")
        where = self.where(row, column, label)
        fiche = self.fiche
        if name == "dpo_company":
            if fiche.dpo is not None:
                fiche.dpo.company = text
            elif text:
                fiche.dpo = Party(company=text, where=where)
            return
        fiche.where[name] = where
        if kind == DATE:
            try:
                value = self.register.read_date(cells.get(column), where)
            except DateError as error:
                self.register.error(where, error)
                return
            if name in ("created", "updated"):
                setattr(fiche, name, value)
            else:
                fiche.values[name] = value
        elif kind == CHOICE:
            if text:
                value = self.catalogs.choice(CHOICE_NAMES[name], text, where, self.register)
                if value is None:
                    self.register.error(
                        where,
                        _("valeur « %(text)s » inconnue ; valeurs acceptées : %(expected)s.")
                        % {"text": text, "expected": self.catalogs.expected(CHOICE_NAMES[name])},
                    )
                else:
                    fiche.values[name] = value
        elif kind == YES_NO:
            if text and matching.key(text) not in YES_NO_ANSWERS:
                self.register.error(where, _("« %(text)s » : répondez Oui ou Non.") % {"text": text})
            elif text:
                fiche.values[name] = YES_NO_ANSWERS[matching.key(text)]
        else:
            fiche.values[name] = text

    def read_actor(self, row, cells, label, name):
        if self.section != "actors":
            self.section = "actors"
            self.columns["actors"], self.headers["actors"] = self.header_columns({})
        values = {field: value_text(cells.get(self.column(field))) for field in cnil.ACTOR_FIELDS}
        where = self.where(row, self.column("name"), label)
        if name == "controller":
            self.fiche.where["controller"] = where
        if not any(values.values()):
            return
        if not values["name"]:
            self.register.error(where, _("le nom est manquant alors que la ligne est remplie."))
            return
        party = Party(**values, where=where)
        if name in ("joint_controllers", "processors"):
            getattr(self.fiche, name).append(party)
        else:
            if name == "dpo" and self.fiche.dpo is not None:
                party.company = self.fiche.dpo.company
            setattr(self.fiche, name, party)
