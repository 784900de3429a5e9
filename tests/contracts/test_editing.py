"""Creating and editing a contract: all or nothing, never over someone else's save, the document checked."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contracts import documents
from contracts.models import Contract, SubProcessor
from register.choices import OrganisationKind
from tests.conftest import make_organisation, page_text
from tests.contracts.conftest import make_contract

pytestmark = pytest.mark.django_db


def formsets(transfers=0, subs=0):
    return {
        "transfer-TOTAL_FORMS": transfers,
        "transfer-INITIAL_FORMS": 0,
        "sub-TOTAL_FORMS": subs,
        "sub-INITIAL_FORMS": 0,
    }


def contract_data(organisation, **fields):
    data = {
        "direction": "processor",
        "organisation": organisation.pk,
        "title": "Hébergement ComPlus",
        "start_date": "15/01/2020",
        "end_date": "14/01/2027",
        "next_review_date": "04/01/2027",
        "clause_a": "on",
        "clause_b": "on",
        **formsets(subs=1),
        "sub-0-name": "Sauvegardes du Nord",
        "sub-0-authorisation": "none",
    }
    data.update(fields)
    return data


def test_the_dpo_records_a_contract_with_its_document_and_sees_its_findings(dpo_client):
    provider = make_organisation("Hexanet", kind=OrganisationKind.PROCESSOR)
    upload = SimpleUploadedFile("contrat.pdf", b"%PDF-1.7 contrat signe", content_type="application/pdf")

    response = dpo_client.post(reverse("contracts:create"), {**contract_data(provider), "upload": upload})

    contract = Contract.objects.get()
    assert response.status_code == 302 and response["Location"] == contract.get_absolute_url()
    assert (contract.start_date, contract.end_date) == (date(2020, 1, 15), date(2027, 1, 14))
    assert [clause.value for clause in contract.unchecked_clauses] == ["c", "d", "e", "f", "g", "h"]
    assert SubProcessor.objects.get().name == "Sauvegardes du Nord"
    page = page_text(dpo_client.get(contract.get_absolute_url()))
    assert "Clause non vérifiée dans le contrat : h) Informations et audits (art. 28(3)(h))." in page
    assert "Sous-traitant ultérieur « Sauvegardes du Nord » engagé sans autorisation" in page
    download = dpo_client.get(reverse("contracts:document", args=[contract.number]))
    assert b"".join(download.streaming_content) == b"%PDF-1.7 contrat signe"
    assert download["Content-Disposition"] == 'attachment; filename="contrat.pdf"'


def test_a_document_whose_content_is_not_its_extension_is_refused_and_nothing_written(dpo_client):
    provider = make_organisation("Hexanet", kind=OrganisationKind.PROCESSOR)
    upload = SimpleUploadedFile("contrat.pdf", b"MZ\x90\x00 executable", content_type="application/pdf")

    response = dpo_client.post(reverse("contracts:create"), {**contract_data(provider), "upload": upload})

    assert response.status_code == 400
    assert "« contrat.pdf » n'est pas un fichier PDF" in page_text(response)
    assert not Contract.objects.exists() and not SubProcessor.objects.exists()


def test_a_document_over_the_cap_is_refused(dpo_client, monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 10)
    provider = make_organisation("Hexanet", kind=OrganisationKind.PROCESSOR)
    upload = SimpleUploadedFile("contrat.pdf", b"%PDF-1.7 " + b"x" * 20)

    response = dpo_client.post(reverse("contracts:create"), {**contract_data(provider), "upload": upload})

    assert response.status_code == 400
    assert "Le document dépasse 10 Mo : rien n'a été enregistré." in page_text(response)
    assert not Contract.objects.exists()


def test_an_end_before_the_start_is_refused_in_french(dpo_client):
    provider = make_organisation("Hexanet", kind=OrganisationKind.PROCESSOR)
    response = dpo_client.post(reverse("contracts:create"), contract_data(provider, end_date="01/01/2019"))
    assert response.status_code == 400
    assert "La date de fin ne peut pas précéder la date d'effet." in page_text(response)
    assert not Contract.objects.exists()


def test_a_save_over_someone_elses_is_refused(dpo_client):
    contract = make_contract(title="Avant")
    data = {
        **contract_data(contract.organisation, title="Le mien", loaded_version=contract.version),
        **formsets(),
    }
    Contract.objects.filter(pk=contract.pk).update(version=contract.version + 1)  # someone saved meanwhile

    response = dpo_client.post(reverse("contracts:edit", args=[contract.number]), data)

    assert response.status_code == 409
    assert "Quelqu'un a enregistré ce contrat depuis que vous avez ouvert la page" in page_text(response)
    assert Contract.objects.get().title == "Avant"


def test_an_edit_raises_the_version_and_keeps_the_history(dpo_client):
    contract = make_contract(title="Avant")
    data = {**contract_data(contract.organisation, title="Après", loaded_version=contract.version), **formsets()}

    response = dpo_client.post(reverse("contracts:edit", args=[contract.number]), data)

    assert response.status_code == 302
    saved = Contract.objects.get()
    assert (saved.title, saved.version) == ("Après", 2)
    assert [record.title for record in saved.history.order_by("history_date")][-1] == "Après"


def test_the_list_searches_ignoring_accents_and_shows_the_status(manager_client):
    make_contract(title="Hébergement ComPlus", clause_h=False)
    make_contract(title="Routage des SMS")
    page = page_text(manager_client.get(reverse("contracts:list") + "?q=hebergement"))
    assert "Hébergement ComPlus" in page and "Routage des SMS" not in page
    assert "En vigueur, 1 clause(s) de l'art. 28(3) à vérifier" in page


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_runs_a_fixed_number_of_queries(manager_client, django_assert_num_queries, count):
    for _ in range(count):
        make_contract()
    with django_assert_num_queries(9):
        assert manager_client.get(reverse("contracts:list")).status_code == 200


def test_a_contract_page_runs_the_same_queries_for_one_or_many_lines(manager_client):
    counts = []
    for size in (1, 6):
        contract = make_contract()
        for number in range(size):
            SubProcessor.objects.create(contract=contract, name=f"Sous-traitant {number}", authorisation="general")
        with CaptureQueriesContext(connection) as queries:
            assert manager_client.get(contract.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
