"""Random cell contents never crash the importer nor leave a partial write."""

import functools
import os

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from register.choices import LegalBasis, TreatmentRole
from register.imports.apply import apply_plan
from register.imports.odf_reader import OdsError
from register.imports.plan import ImportDefaults, plan_import
from register.models import Contact, DataCategoryLine, Organisation, Treatment
from tests.register.samples.cnil_template import CnilWorkbook, filled_fiche

pytestmark = pytest.mark.django_db

FICHE_LABELS = [
    "Nom du traitement",
    "N° / RÉF",
    "Date de création du traitement",
    "Mise à jour du traitement",
    "Responsable du traitement",
    "Délégué à la protection des données",
    "Société du DPO (si celui-ci est externe)",
    "Représentant",
    "Responsable(s) conjoint(s)",
    "Finalité principale",
    "Sous-finalité 2",
    "État civil, identité, données d'identification, images…",
    "Données concernant la santé",
    "Catégorie de personnes 2",
    "Destinataire 2",
    "Mesure de sécurité 2",
    "Organisme destinataire 1",
    "Acteurs",
    "Catégories de données personnelles concernées",
]
TRICKY = [
    "",
    "05/06/20",
    "31/02/2024",
    "2024-02-30",
    "=1+1",
    "@SUM(A1)",
    "Privacy shield",
    "durée du contrat",
    "6 mois",
    "variable",
    "Sélectionnez un élément dans cette liste déroulante ►",
    "N/A",
    "Salariés",
    "Maroc",
    "Clauses contractuelles types (CCT)",
    "x" * 600,
    "Obligation légale",
    "Sous-traitant",
    "pas un@courriel",
]
xml_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80)
cell_values = st.one_of(xml_text, st.sampled_from(TRICKY), st.dates(), st.integers(-10, 10**12))
edits = st.lists(
    st.tuples(st.sampled_from(FICHE_LABELS), st.integers(1, 9), cell_values, st.booleans()), min_size=1, max_size=8
)
defaults = st.builds(
    ImportDefaults,
    role=st.sampled_from(["", *TreatmentRole.values]),
    legal_basis=st.sampled_from(["", *LegalBasis.values]),
)
SETTINGS = settings(
    max_examples=int(os.environ.get("IMPORT_PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@functools.cache
def base_file():
    workbook = CnilWorkbook()
    filled_fiche(workbook, "Paie", reference="PAIE-01", name="Gestion de la paie", purpose="Payer")
    return workbook.to_bytes()


def database_state():
    return (
        sorted(Treatment.objects.values_list("reference", "version")),
        Organisation.objects.count(),
        Contact.objects.count(),
        DataCategoryLine.objects.count(),
    )


def import_checked(data, import_defaults):
    """Import as the confirm view does; assert all or nothing."""
    before = database_state()
    try:
        plan = plan_import(data, import_defaults)
    except OdsError as error:
        event("file refused")
        assert str(error)  # a French message, and nothing written
        assert database_state() == before
        return
    if plan.errors:
        event("errors reported")
        assert all(str(issue) for issue in plan.errors)
        assert database_state() == before
        return
    event("imported")
    created, updated = apply_plan(plan)
    references, *_rest = database_state()
    assert len(references) == len(before[0]) + created
    assert created + updated == len(plan.fiches)


@SETTINGS
@given(edits=edits, import_defaults=defaults)
def test_random_cell_contents_never_crash_nor_half_write(edits, import_defaults):
    workbook = CnilWorkbook(base_file())
    sheet = workbook.sheet("Paie")
    for label, column, value, with_comment in edits:
        sheet.fill(label, {column: value}, comment="note" if with_comment else None)
    import_checked(workbook.to_bytes(), import_defaults)


@SETTINGS
@given(position=st.integers(0, 40_000), garbage=st.binary(min_size=1, max_size=64))
def test_damaged_bytes_are_refused_cleanly(position, garbage):
    data = bytearray(base_file())
    position %= len(data)
    data[position : position + len(garbage)] = garbage
    import_checked(bytes(data), ImportDefaults(role=TreatmentRole.CONTROLLER, legal_basis=LegalBasis.CONTRACT))
