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


@dataclass
class Section:
    """One heading of the page, named like the CNIL fiche."""

    anchor: str
    title: str
    fields: tuple
    formset: object = None
    main: object = None

    @property
    def error_count(self):
        count = sum(len(self.main.errors.get(name, ())) for name in self.fields) if self.main.is_bound else 0
        if self.formset is not None and self.formset.is_bound:
            count += self.formset.error_count
        return count


class FicheForm:
    def __init__(self, data=None, *, instance):
        self.instance = instance
        self.main = TreatmentForm(data, instance=instance)
        self.formsets = {prefix: formset(data, instance=instance, prefix=prefix) for prefix, formset in FORMSETS}
        self.sections = [
            Section("description", _("Description"), ("name", "reference", "software", "role", "dpia_status")),
            Section("acteurs", _("Acteurs"), ("controller", "joint_controllers", "processors")),
            Section(
                "finalites",
                _("Finalités et base légale"),
                ("main_purpose", "legal_basis", "legal_basis_detail"),
                self.formsets["sub_purposes"],
            ),
            Section("donnees", _("Données personnelles"), (), self.formsets["data_lines"]),
            Section("personnes", _("Personnes concernées"), ("data_subjects_other",), self.formsets["data_subjects"]),
            Section("destinataires", _("Destinataires"), (), self.formsets["recipients"]),
            Section("transferts", _("Transferts hors de l'Union européenne"), (), self.formsets["transfers"]),
            Section("securite", _("Mesures de sécurité"), (), self.formsets["security_measures"]),
            Section("revue", _("Revue et notes"), ("next_review_date", "notes")),
        ]
        for section in self.sections:
            section.main = self.main

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
