"""Export, import into an empty register, export again: both files carry the same content."""

from datetime import date

import pytest

from contracts.models import Contract
from processes.models import Process
from register.choices import (
    Art9Exception,
    ContactRole,
    DataSource,
    DpiaStatus,
    LegalBasis,
    OrganisationKind,
    RetentionEnd,
    RetentionStart,
    TreatmentRole,
    TreatmentStatus,
)
from register.demo import load_demo
from register.exports.ods import build_register_ods
from register.imports.apply import apply_plan
from register.imports.plan import plan_import
from register.models import (
    Contact,
    Country,
    DataCategory,
    DataCategoryLine,
    DataSubjectCategory,
    DataSubjectLine,
    Department,
    Organisation,
    Recipient,
    RecipientCategory,
    SecurityMeasure,
    SecurityMeasureCategory,
    Site,
    SubPurpose,
    Transfer,
    TransferSafeguard,
    Treatment,
)
from register.scopes import RegisterScope
from tests.register.samples.odf_cells import read_sheets

pytestmark = pytest.mark.django_db


def export_all():
    return build_register_ods(RegisterScope(status="all"), generated_by="Sophie Lambert")[2]


def empty_the_register():
    """Everything but the catalogs the migrations seed: the state of a new installation (the
    demo's processes go first: a process keeps its client organisation, PROTECT)."""
    Process.objects.all().delete()
    Contract.objects.all().delete()  # a contract keeps its organisation too (PROTECT)
    Treatment.objects.all().delete()
    for model in (Contact, Site, Department, Organisation):
        model.objects.all().delete()


def content(data):
    """Every sheet's cells (text, type, date), without the generation time."""
    sheets = read_sheets(data)
    return {
        name: [
            [(cell.text, cell.value_type, cell.date_value) for cell in row]
            for row in rows
            if not (row and row[0].text == "Généré le")
        ]
        for name, rows in sheets.items()
    }


def round_trip():
    first = export_all()
    empty_the_register()
    plan = plan_import(first)
    assert plan.errors == []
    apply_plan(plan)
    return first, export_all()


def test_the_demo_register_comes_back_identical():
    load_demo()
    Treatment.objects.filter(reference="T-004").update(status=TreatmentStatus.ARCHIVED)
    first, second = round_trip()
    assert content(second) == content(first)
    assert Treatment.objects.count() == 7
    assert Treatment.objects.get(reference="T-004").status == TreatmentStatus.ARCHIVED
    assert Organisation.objects.get(name="CentreCall").kind == OrganisationKind.SELF
    assert set(Treatment.objects.get(reference="T-007").processors.values_list("name", flat=True)) == {
        "SMS Connect",
        "Atlas Saisie",
    }


def test_every_field_the_layout_carries_comes_back():
    centrecall = Organisation.objects.create(name="CentreCall", kind=OrganisationKind.SELF, siren="512345678")
    client = Organisation.objects.create(
        name="Client Ltd", kind=OrganisationKind.CLIENT, city="Genève", country="Suisse"
    )
    partner = Organisation.objects.create(name="Partenaire", kind=OrganisationKind.PARTNER, email="p@partner.example")
    hosting = Organisation.objects.create(name="Hébergeur", kind=OrganisationKind.PROCESSOR, country="Maroc")
    Contact.objects.create(organisation=client, role=ContactRole.DPO, name="Jean Dupont", company="DPO & Co")
    Contact.objects.create(organisation=client, role=ContactRole.EU_REPRESENTATIVE, name="Rep EU", city="Lyon")
    Contact.objects.create(organisation=centrecall, role=ContactRole.LEGAL_REPRESENTATIVE, name="Marc Delorme")
    treatment = Treatment.objects.create(
        reference="CL-2024.01",
        name="=Suivi des réclamations",
        role=TreatmentRole.JOINT_CONTROLLER,
        controller=client,
        software="+CRM",
        main_purpose="Traiter les réclamations\n  avec deux lignes\tet une tabulation",
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        legal_basis_detail="@intérêt légitime ; « guillemets » & esperluette",
        status=TreatmentStatus.IN_FORCE,
        dpia_status=DpiaStatus.IN_PROGRESS,
        data_subjects_other="Témoins",
        next_review_date=date(2027, 1, 31),
        notes="-note",
    )
    treatment.joint_controllers.set([partner])
    treatment.processors.set([hosting])
    SubPurpose.objects.create(treatment=treatment, position=1, description="Qualifier la réclamation")
    SubPurpose.objects.create(treatment=treatment, position=2, description="Répondre")
    health = DataCategory.objects.get(code="health")
    DataCategoryLine.objects.create(
        treatment=treatment,
        category=health,
        description="Certificat médical joint",
        retention_value=2,
        retention_unit="years",
        retention_start=RetentionStart.OTHER,
        retention_start_other="la clôture du dossier, hors contentieux",
        retention_end=RetentionEnd.INTERMEDIATE_ARCHIVE,
        retention_remark="puis archivage",
        source=DataSource.THIRD_PARTY,
        art9_exception=Art9Exception.LEGAL_CLAIMS,
    )
    DataCategoryLine.objects.create(
        treatment=treatment,
        category=DataCategory.objects.get(code="identity"),
        description="Nom",
        retention_value=None,
        retention_start=RetentionStart.END_OF_CONTRACT,
    )
    DataSubjectLine.objects.create(treatment=treatment, category=DataSubjectCategory.objects.get(code="customers"))
    Recipient.objects.create(
        treatment=treatment,
        category=RecipientCategory.objects.get(code="partners"),
        name="Service client du partenaire",
        organisation=partner,
    )
    Transfer.objects.create(
        treatment=treatment,
        recipient="Hébergeur",
        country=Country.objects.get(code="MA"),
        safeguard=TransferSafeguard.objects.get(code="scc"),
        document_reference="https://example.org/cct.pdf",
    )
    SecurityMeasure.objects.create(
        treatment=treatment,
        category=SecurityMeasureCategory.objects.get(code="encryption"),
        description="TLS 1.3",
    )
    first, second = round_trip()
    assert content(second) == content(first)
    back = Treatment.objects.get(reference="CL-2024.01")
    assert back.name == "=Suivi des réclamations" and back.software == "+CRM" and back.notes == "-note"
    assert back.main_purpose == "Traiter les réclamations\n  avec deux lignes\tet une tabulation"
    assert (back.role, back.dpia_status, back.next_review_date) == (
        TreatmentRole.JOINT_CONTROLLER,
        DpiaStatus.IN_PROGRESS,
        date(2027, 1, 31),
    )
    line = back.data_lines.get(category__code="health")
    assert (line.retention_start, line.retention_start_other, line.retention_remark) == (
        RetentionStart.OTHER,
        "la clôture du dossier, hors contentieux",
        "puis archivage",
    )
    assert (line.art9_exception, line.source, line.retention_end) == (
        Art9Exception.LEGAL_CLAIMS,
        DataSource.THIRD_PARTY,
        RetentionEnd.INTERMEDIATE_ARCHIVE,
    )
    assert back.controller.dpo.company == "DPO & Co"
    assert back.recipients.get().organisation.name == "Partenaire"
    assert back.transfers.get().country.code == "MA"
