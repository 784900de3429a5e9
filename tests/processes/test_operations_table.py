"""The operations table at /processus/<pk>/operations/, its PDF and ODS, and the process PDF."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from processes.exports import build_operations_ods, build_operations_pdf, build_process_pdf
from register.models import DataCategory, DataSubjectCategory, RecipientCategory
from tests.conftest import make_treatment
from tests.pdfs import embedded_fonts, pdf_text

from .documents import html_table, ods_rows
from .factories import add_event, add_operation, add_rule, make_process

pytestmark = pytest.mark.django_db

ODS = "application/vnd.oasis.opendocument.spreadsheet"
HEADINGS = [
    "Description de l'opération",
    "Référence",
    "Finalité de l'opération",
    "Catégories de données personnelles concernées",
    "Catégories de personnes concernées",
    "Destinataires",
]


@pytest.fixture
def process():
    """Three operations, the middle one not on personal data: the table has two rows."""
    process = make_process(actors=("Gestionnaire d'appels", "Téléopérateur", "Personne interrogée"))
    fiche = make_treatment(reference="T-050", name="Études de marché")
    process.treatments.add(fiche)
    plan = add_operation(process, "Planifier les appels", personal=False)
    record = add_operation(
        process,
        "Enregistrement d'un appel téléphonique",
        treatment=fiche,
        recipients_detail="Client et service interne de CentreCall",
    )
    record.data_categories.set(DataCategory.objects.filter(code="identity"))
    record.data_subjects.set(DataSubjectCategory.objects.filter(code="prospects"))
    record.recipients.set(RecipientCategory.objects.filter(code="internal_service"))
    enter = add_operation(process, "Saisir les réponses", purpose="Recueillir les réponses", treatment=fiche)
    enter.recipients.set(RecipientCategory.objects.filter(code="internal_service"))
    add_rule(plan, "Planning établi", event=add_event(process, "Appels planifiés"))
    return process


def test_the_table_has_the_dpos_columns_in_order_and_one_row_per_personal_operation(manager_client, process):
    response = manager_client.get(reverse("processes:operations", args=[process.pk]))
    assert response.status_code == 200
    headings, rows = html_table(response.content.decode())
    assert headings == [*HEADINGS, "Fiche du registre"]
    assert [row[:6] for row in rows] == [
        [
            "Enregistrement d'un appel téléphonique",
            "OP-01",
            "Preuve de l'appel",
            "État civil, identité, données d'identification",
            "Prospects",
            "Client et service interne de CentreCall",
        ],
        # No wording of its own: the recipients' categories; no category: a dash.
        ["Saisir les réponses", "OP-02", "Recueillir les réponses", "—", "—", "Service interne"],
    ]
    assert rows[0][6] == "T-050 — Études de marché"


def test_each_row_links_to_its_fiche_and_is_anchored(manager_client, process):
    html = manager_client.get(reverse("processes:operations", args=[process.pk])).content.decode()
    record = process.operations.get(reference="OP-01")
    assert f'id="operation-{record.pk}"' in html
    assert f'href="{record.treatment.get_absolute_url()}"' in html


def test_the_page_shows_a_row_s_mismatch_with_its_fiche(manager_client, process):
    record = process.operations.get(reference="OP-01")
    record.recipients.add(RecipientCategory.objects.get(code="processors"))
    html = manager_client.get(reverse("processes:operations", args=[process.pk])).content.decode()
    assert "destinataires que la fiche T-050 ne déclare pas : Sous-traitants" in html


def test_a_process_without_personal_operations_says_so(manager_client):
    process = make_process()
    add_operation(process, "Planifier", personal=False)
    response = manager_client.get(reverse("processes:operations", args=[process.pk]))
    assert "Aucune opération sur des données personnelles." in response.content.decode()


def test_an_unknown_process_is_not_found(manager_client):
    assert manager_client.get(reverse("processes:operations", args=[999999])).status_code == 404


def test_the_ods_has_the_same_columns_and_rows(process):
    filename, mimetype, content = build_operations_ods(process, generated_by="Sophie Lambert")
    assert mimetype == "application/vnd.oasis.opendocument.spreadsheet"
    assert filename.startswith("processus-etude-de-marche-operations-") and filename.endswith(".ods")
    rows = ods_rows(content)
    header = rows.index([*HEADINGS, "Fiche du registre"])
    assert rows[header + 1][:2] == ["Enregistrement d'un appel téléphonique", "OP-01"]
    assert rows[header + 2][:2] == ["Saisir les réponses", "OP-02"]
    assert len(rows) == header + 3


def test_the_pdf_has_the_columns_and_rows_in_the_vendored_font(process, tmp_path):
    filename, mimetype, content = build_operations_pdf(process)
    assert mimetype == "application/pdf" and filename.endswith(".pdf")
    text = pdf_text(content)
    for heading in HEADINGS:
        assert heading in text
    assert "Enregistrement d'un appel téléphonique OP-01 Preuve de l'appel" in text
    assert "Planifier les appels" not in text
    assert all(name.startswith("Source-Sans-3") and embedded for name, embedded in embedded_fonts(content, tmp_path))


def test_the_process_pdf_has_header_actors_diagram_and_table_in_order(process, tmp_path):
    process.client = make_treatment().controller
    process.save()
    filename, _mimetype, content = build_process_pdf(process)
    assert filename.startswith("processus-etude-de-marche-") and "operations" not in filename
    text = pdf_text(content)
    order = [
        "Étude de marché",
        f"Client {process.client.name}",
        "Fiches du registre T-050 — Études de marché",
        "Statut Brouillon",
        "Acteurs",
        "Diagramme MOT",
        "Appels planifiés",  # an event, drawn only in the diagram
        "Tableau des opérations sur des données personnelles",
        "Enregistrement d'un appel téléphonique OP-01",
    ]
    squashed = "".join(text.split())
    positions = [squashed.find("".join(phrase.split())) for phrase in order]
    assert -1 not in positions and positions == sorted(positions), list(zip(order, positions, strict=True))
    assert all(name.startswith("Source-Sans-3") and embedded for name, embedded in embedded_fonts(content, tmp_path))


@pytest.mark.parametrize(
    ("name", "kwargs", "export_format", "mimetype"),
    [
        ("processes:operations_export", {"export_format": "pdf"}, "pdf", "application/pdf"),
        ("processes:operations_export", {"export_format": "ods"}, "ods", ODS),
        ("processes:pdf", {}, "pdf", "application/pdf"),
    ],
)
def test_downloads_are_attachments_recorded_in_the_audit_trail(
    manager_client, process, name, kwargs, export_format, mimetype
):
    response = manager_client.get(reverse(name, kwargs={"pk": process.pk, **kwargs}))
    assert response.status_code == 200 and response["Content-Type"] == mimetype
    assert response["Content-Disposition"].startswith("attachment; filename=")
    entry = AuditEntry.objects.get(action="download")
    assert entry.details["format"] == export_format
    assert entry.details["filename"] in response["Content-Disposition"]
    assert process.name in entry.details["document"]


def test_an_unknown_export_format_is_not_found(manager_client, process):
    assert manager_client.get(f"/processus/{process.pk}/operations.csv").status_code == 404


def _twelve_operation_process(count):
    process = make_process(actors=("A", "B", "C", "D"))
    fiche = make_treatment()
    for number in range(count):
        actor = process.actors.all()[number % 4]
        operation = add_operation(process, f"Opération {number}", actor=actor, treatment=fiche)
        operation.data_categories.set(DataCategory.objects.filter(code__in=["identity", "health"]))
        operation.data_subjects.set(DataSubjectCategory.objects.filter(code="prospects"))
        operation.recipients.set(RecipientCategory.objects.filter(code="internal_service"))
    return process


@pytest.mark.parametrize("count", [1, 12])
def test_the_table_page_runs_the_same_queries_for_1_or_12_operations(manager_client, django_assert_num_queries, count):
    process = _twelve_operation_process(count)
    # session, user, 2 × permissions, process with its client, operations, their 3 catalogs,
    # their fiches and the fiches' 3 line tables (for the mismatch check)
    with django_assert_num_queries(13):
        response = manager_client.get(reverse("processes:operations", args=[process.pk]))
    assert response.content.decode().count('<tr id="operation-') == count


@pytest.mark.parametrize("count", [1, 12])
def test_the_process_pdf_runs_the_same_queries_for_1_or_12_operations(django_assert_num_queries, count):
    process = _twelve_operation_process(count)
    # the register keeper, the table (8, as on the page), actors, fiches, the diagram (5)
    with django_assert_num_queries(16):
        build_process_pdf(process)
