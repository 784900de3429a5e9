"""The market-study process of the demo (processes/demo.py): its operations table in the
page, the PDF and the ODS, OP-01 exactly as the case's table; idempotent; no finding."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from processes.demo import NAME
from processes.exports import build_operations_ods, build_operations_pdf, build_process_pdf
from processes.models import Actor, EmissionRule, Event, Operation, Process
from register import compliance
from tests.pdfs import pdf_text

from .documents import html_table, ods_rows

pytestmark = pytest.mark.django_db

HEADINGS = [
    "Description de l'opération",
    "Référence",
    "Finalité de l'opération",
    "Catégories de données personnelles concernées",
    "Catégories de personnes concernées",
    "Destinataires",
]
# The case's table (section « Opérations »), to the letter but for « Prospects »: the case
# writes « Prospect », the cell names the CNIL catalog's category, « Prospects », as the fiche does.
OP_01 = [
    "Enregistrement d'un appel téléphonique",
    "OP-01",
    "Preuve de l'appel",
    "Vie personnelle",
    "Prospects",
    "Client et service interne de CentreCall",
]


@pytest.fixture
def demo_process(db):
    call_command("load_demo", password="Registre-Demo-2026")
    return Process.objects.get(name=NAME)


def _counts():
    return {model.__name__: model.objects.count() for model in (Process, Actor, Event, Operation, EmissionRule)}


def test_the_demo_process_is_osiris_market_study_with_its_fiches_and_actors(demo_process):
    assert demo_process.client.name == "Osiris"
    assert sorted(demo_process.treatments.values_list("reference", flat=True)) == ["T-001", "T-002"]
    assert list(demo_process.actors.values_list("name", flat=True)) == [
        "Gestionnaire d'appels",
        "Téléopérateur",
        "Personne interrogée",
        "Entreprise cliente",
    ]


def test_the_demo_flow_asks_consent_and_goes_on_unrecorded_after_a_refusal(demo_process):
    consent = demo_process.operations.get(description__startswith="Demander l'accord")
    rules = {rule.label: rule.target for rule in consent.rules.all()}
    assert str(rules["Acceptation"]) == "Enregistrement accepté"
    assert str(rules["Refus"]) == "Enregistrement refusé"
    record = demo_process.operations.get(reference="OP-01")
    assert [str(event) for event in record.triggers.all()] == ["Enregistrement accepté"]
    enter = demo_process.operations.get(reference="OP-02")
    assert enter.join == "any" and "Enregistrement refusé" in [str(event) for event in enter.triggers.all()]
    descriptions = list(demo_process.operations.values_list("description", flat=True))
    assert descriptions[0] == "Planifier les appels de la semaine" and descriptions[-1].startswith("Purger")


def test_the_demo_operations_table_page_starts_with_op_01_as_in_the_case(client, demo_process):
    client.force_login(User.objects.get(username="manager"))  # the demo's manager account
    headings, rows = html_table(client.get(reverse("processes:operations", args=[demo_process.pk])).content.decode())
    assert headings[:6] == HEADINGS
    assert rows[0][:6] == OP_01
    assert [row[1] for row in rows] == ["OP-01", "OP-02", "OP-03", "OP-04"]
    assert rows[0][6] == "T-002 — Enregistrement des appels des études de marché"


def test_the_demo_ods_has_op_01_as_in_the_case(demo_process):
    rows = ods_rows(build_operations_ods(demo_process)[2])
    header = rows.index([*HEADINGS, "Fiche du registre"])
    assert rows[header + 1][:6] == OP_01
    assert [row[1] for row in rows[header + 1 :]] == ["OP-01", "OP-02", "OP-03", "OP-04"]


def test_the_demo_pdfs_have_op_01_as_in_the_case(demo_process):
    for build in (build_operations_pdf, build_process_pdf):
        text = pdf_text(build(demo_process)[2])
        assert " ".join(OP_01) in text, build.__name__
        assert "OP-04" in text


def test_the_demo_operations_raise_no_finding(demo_process):
    for operation in demo_process.operations.all():
        assert compliance.findings_for(operation) == [], operation


def test_loading_the_demo_twice_keeps_one_process(demo_process):
    first = _counts()
    call_command("load_demo", password="Registre-Demo-2026")
    assert _counts() == first
    assert first["Operation"] == 7 and first["Actor"] == 4
