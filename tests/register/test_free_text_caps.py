"""Free text is capped at a length a fiche can hold, through every door: no input stores megabytes."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from register.choices import LegalBasis, OrganisationKind, TreatmentRole
from register.models import DataCategoryLine, Treatment
from register.models.text import FREE_TEXT_MAX_LENGTH
from tests.conftest import make_organisation, make_treatment, page_html
from tests.register.fiche_form import FormData
from tests.register.samples.cnil_template import CnilWorkbook, filled_fiche

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * (FREE_TEXT_MAX_LENGTH + 1)
CAP_MESSAGE = f"au plus {FREE_TEXT_MAX_LENGTH} caractères (actuellement {FREE_TEXT_MAX_LENGTH + 1})"


def test_the_model_refuses_a_purpose_over_the_cap():
    treatment = make_treatment(reference="T-001")
    treatment.main_purpose = TOO_LONG
    with pytest.raises(ValidationError) as error:
        treatment.full_clean()
    assert "main_purpose" in error.value.message_dict


def test_the_form_refuses_an_oversized_purpose_and_writes_nothing(dpo_client):
    make_organisation("CentreCall", kind=OrganisationKind.SELF)
    data = FormData.from_response(dpo_client.get(reverse("register:create")))
    for name, value in {"name": "Recrutement", "main_purpose": TOO_LONG, "legal_basis": "contract"}.items():
        data[name] = value

    response = dpo_client.post(reverse("register:create"), data.post_data())

    assert response.status_code == 400
    assert CAP_MESSAGE in page_html(response)
    assert not Treatment.objects.exists()


def test_the_import_refuses_an_oversized_cell_naming_it_and_writes_nothing(dpo_client):
    existing = make_treatment(reference="T-001", name="Fiche existante")
    lines_before = DataCategoryLine.objects.count()
    workbook = CnilWorkbook()
    sheet = filled_fiche(workbook, "Paie", reference="PAIE-01", name="Gestion de la paie", purpose=TOO_LONG)
    row = sheet.row_of("Finalité principale")
    upload = SimpleUploadedFile("registre.ods", workbook.to_bytes(), "application/vnd.oasis.opendocument.spreadsheet")
    defaults = {"default_role": TreatmentRole.CONTROLLER, "default_legal_basis": LegalBasis.CONTRACT}

    response = dpo_client.post(reverse("register:import"), {"file": upload, **defaults})

    assert response.status_code == 400
    page = page_html(response)
    assert f"Onglet « Paie », ligne {row + 1}, colonne B (Finalité principale) : finalité principale :" in page
    assert CAP_MESSAGE in page
    assert list(Treatment.objects.values_list("pk", flat=True)) == [existing.pk]
    assert DataCategoryLine.objects.count() == lines_before
