"""The compliance finding about operations: an operation on personal data names only what
its fiche declares, and has a fiche. The model stores a mismatch; the check reports it."""

import pytest
from django.urls import reverse

from processes.operations_table import operation_url
from register import compliance
from register.compliance import Severity
from register.models import DataCategory, DataSubjectCategory, RecipientCategory
from tests.conftest import make_treatment

from .factories import add_operation, make_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def operation():
    """An operation naming exactly what its fiche declares (make_treatment: identity,
    prospects, internal service)."""
    process = make_process()
    fiche = make_treatment(reference="T-060")
    operation = add_operation(process, "Enregistrement d'un appel téléphonique", treatment=fiche)
    operation.data_categories.set(DataCategory.objects.filter(code="identity"))
    operation.data_subjects.set(DataSubjectCategory.objects.filter(code="prospects"))
    operation.recipients.set(RecipientCategory.objects.filter(code="internal_service"))
    return operation


def test_an_operation_consistent_with_its_fiche_raises_nothing(operation):
    assert compliance.findings_for(operation) == []


def test_a_data_category_the_fiche_does_not_declare_is_stored_and_found(operation):
    operation.data_categories.add(DataCategory.objects.get(code="health"))
    assert operation.data_categories.filter(code="health").exists()  # the model accepts it
    [finding] = compliance.findings_for(operation)
    assert finding.severity == Severity.WARNING and finding.severity_label == "À corriger"
    assert finding.message == (
        "L'opération OP-01 porte sur des catégories de données que la fiche T-060 ne déclare pas : Données de santé."
    )
    assert finding.article == "art. 30(1)(c)"
    assert finding.fix == "Déclarez-les sur la fiche T-060, ou retirez-les de l'opération."
    assert finding.url == operation_url(operation) and finding.url.endswith(f"#operation-{operation.pk}")
    assert finding.subject == operation


def test_undeclared_data_subjects_and_recipients_give_one_finding_each(operation):
    operation.data_subjects.add(DataSubjectCategory.objects.get(code="employees"))
    operation.recipients.add(*RecipientCategory.objects.filter(code__in=["processors", "partners"]))
    messages = {finding.article: finding.message for finding in compliance.findings_for(operation)}
    assert messages == {
        "art. 30(1)(c)": "L'opération OP-01 concerne des catégories de personnes que la fiche T-060 "
        "ne déclare pas : Salariés.",
        "art. 30(1)(d)": "L'opération OP-01 transmet des données à des destinataires que la fiche T-060 "
        "ne déclare pas : Sous-traitants, Partenaires institutionnels ou commerciaux.",
    }


def test_an_operation_on_personal_data_without_fiche_is_found(operation):
    operation.treatment = None
    operation.save()
    [finding] = compliance.findings_for(operation)
    assert finding.message == (
        "L'opération OP-01 porte sur des données personnelles mais n'est rattachée à aucune fiche."
    )
    assert finding.severity == Severity.WARNING


def test_an_operation_not_on_personal_data_needs_no_fiche():
    process = make_process()
    operation = add_operation(process, "Planifier les appels", personal=False)
    assert compliance.findings_for(operation) == []


def test_the_finding_leads_to_the_operation_s_row(operation):
    try:
        page = reverse("processes:detail", args=[operation.process_id])
    except Exception:  # the process page is not installed yet: the operations table
        page = reverse("processes:operations", args=[operation.process_id])
    assert operation_url(operation) == f"{page}#operation-{operation.pk}"
