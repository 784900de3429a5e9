"""The whole fiche page: the treatment form and its line formsets, checked and saved together."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .lines import (
    DataCategoryLineFormSet,
    DataSubjectLineFormSet,
    RecipientFormSet,
    SecurityMeasureFormSet,
    SubPurposeFormSet,
    TransferFormSet,
)
from .treatment import TreatmentForm

# Formset prefixes, in the order of the CNIL fiche.
FORMSETS = (
    ("sub_purposes", SubPurposeFormSet),
    ("data_lines", DataCategoryLineFormSet),
    ("data_subjects", DataSubjectLineFormSet),
    ("recipients", RecipientFormSet),
    ("transfers", TransferFormSet),
    ("security_measures", SecurityMeasureFormSet),
)


LINE_ROW = "register/form/_line_row.html"


@dataclass
class Field:
    """A field of the fiche in its section, `width` twelfths of the row wide (Bootstrap grid)."""

    name: str
    width: int = 12
    css: str = ""
    row_ends: bool = False  # the next item starts a new row
    bound: object = None  # the BoundField, set when the page is built

    is_formset = False


@dataclass
class Lines:
    """A table of lines (formset) in its section, with its row layout."""

    prefix: str
    heading: str = ""
    row_template: str = LINE_ROW
    cards: bool = False
    formset: object = None  # set when the page is built

    is_formset = True


@dataclass
class Section:
    """One heading of the page, named like the CNIL fiche: its introduction, then its fields and
    tables in the order the page shows them. The page (treatment_form.html) only walks through
    this list, so a field is placed here and nowhere else."""

    anchor: str
    title: str
    items: tuple
    intro: str = ""
    main: object = None

    @property
    def fields(self):
        return tuple(item.name for item in self.items if not item.is_formset)

    @property
    def formsets(self):
        return [item.formset for item in self.items if item.is_formset]

    @property
    def error_count(self):
        count = sum(len(self.main.errors.get(name, ())) for name in self.fields) if self.main.is_bound else 0
        return count + sum(formset.error_count for formset in self.formsets if formset.is_bound)


def fiche_sections():
    """The sections of the fiche form, in the order of the CNIL fiche."""
    return [
        Section(
            "description",
            _("Description"),
            (
                Field("name", 8),
                Field("reference", 4),
                Field("software", 4),
                Field("role", 4),
                Field("dpia_status", 4),
                Field("created_at", 4),
            ),
        ),
        Section(
            "acteurs",
            _("Acteurs"),
            (
                Field("controller", 6, row_ends=True),
                Field("joint_controllers", 6, css="org-choices"),
                Field("processors", 6, css="org-choices"),
            ),
        ),
        Section(
            "finalites",
            _("Finalités et base légale"),
            (
                Field("main_purpose"),
                Lines("sub_purposes", heading=_("Sous-finalités")),
                Field("legal_basis", 5),
                Field("legal_basis_detail", 7),
                Field("consent_proof"),
                Field("consumer_phone_prospection", 5),
                Field("current_contract_exception", 7),
            ),
        ),
        Section(
            "donnees",
            _("Données personnelles"),
            (
                Lines("data_lines", row_template="register/form/_data_line_row.html", cards=True),
                Field("recording_information", 6),
                Field("recording_objection", 6),
            ),
            intro=_(
                "Une ligne par catégorie de données, chacune avec sa durée de conservation (art. 30(1)(c) et (f)). "
                "Les données sensibles (art. 9 et 10) se saisissent ici aussi : choisissez la catégorie, puis "
                "l'exception de l'article 9(2) qui autorise leur traitement."
            ),
        ),
        Section("personnes", _("Personnes concernées"), (Lines("data_subjects"), Field("data_subjects_other"))),
        Section(
            "destinataires",
            _("Destinataires"),
            (Lines("recipients"),),
            intro=_("Services internes, sous-traitants, partenaires… qui reçoivent les données (art. 30(1)(d))."),
        ),
        Section(
            "transferts",
            _("Transferts hors de l'Union européenne"),
            (Lines("transfers"),),
            intro=_(
                "Seulement vers un pays hors UE/EEE ou une organisation internationale, avec la garantie utilisée "
                "(chapitre V, art. 44 à 49)."
            ),
        ),
        Section(
            "securite",
            _("Mesures de sécurité"),
            (Lines("security_measures"),),
            intro=_("Mesures techniques et organisationnelles, par catégorie (art. 32)."),
        ),
        Section("revue", _("Revue et notes"), (Field("next_review_date", 4, row_ends=True), Field("notes"))),
    ]


class FicheForm:
    def __init__(self, data=None, *, instance):
        self.instance = instance
        self.main = TreatmentForm(data, instance=instance)
        self.formsets = {prefix: formset(data, instance=instance, prefix=prefix) for prefix, formset in FORMSETS}
        self.sections = fiche_sections()
        for section in self.sections:
            section.main = self.main
            for item in section.items:
                if item.is_formset:
                    item.formset = self.formsets[item.prefix]
                else:
                    item.bound = self.main[item.name]

    def __getitem__(self, prefix):
        return self.formsets[prefix]

    @property
    def is_bound(self):
        return self.main.is_bound

    def is_valid(self):
        results = [self.main.is_valid()] + [formset.is_valid() for formset in self.formsets.values()]
        return all(results)

    def has_changed(self):
        main_changed = [name for name in self.main.changed_data if name != "loaded_version"]
        return bool(main_changed) or any(formset.has_changed() for formset in self.formsets.values())

    @property
    def error_count(self):
        if not self.is_bound:
            return 0
        general = len(self.main.non_field_errors()) + len(self.main.errors.get("loaded_version", ()))
        return general + sum(section.error_count for section in self.sections)

    @property
    def loaded_version(self):
        """The version the user's page was built from, or None when the form lacks it."""
        try:
            return int(self.main.data.get(self.main.add_prefix("loaded_version"), ""))
        except ValueError:
            return None
