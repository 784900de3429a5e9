"""« Dupliquer »: a draft copy of a fiche with every line and actor."""

import datetime

import pytest

from register.models import DataCategoryLine, SubPurpose, Treatment
from tests.conftest import make_organisation, page_html
from tests.register.actions import url

pytestmark = pytest.mark.django_db


def test_duplicate_makes_a_draft_copy_with_every_line_and_actor_then_opens_it(dpo_client, dpo_user, treatment):
    partner = make_organisation("Atlas Saisie")
    treatment.processors.add(partner)
    treatment.status = "in_force"
    treatment.next_review_date = datetime.date(2026, 1, 1)
    treatment.save()
    SubPurpose.objects.create(treatment=treatment, description="Deuxième", position=2)

    response = dpo_client.post(url("duplicate", treatment))

    copy = Treatment.objects.exclude(pk=treatment.pk).get()
    assert response.status_code == 302 and response["Location"] == url("edit", copy)
    assert copy.name == "Copie de Études de marché Osiris" and copy.reference == "T-002"
    assert copy.status == "draft" and copy.version == 1 and copy.next_review_date is None
    assert (copy.controller, copy.main_purpose, copy.legal_basis) == (
        treatment.controller,
        treatment.main_purpose,
        treatment.legal_basis,
    )
    assert list(copy.processors.all()) == [partner]
    assert [s.description for s in copy.sub_purposes.all()] == ["Sous-finalité", "Deuxième"]
    for related in ("data_lines", "data_subject_lines", "recipients", "security_measures"):
        assert getattr(copy, related).count() == getattr(treatment, related).count() >= 1
    assert DataCategoryLine.history.filter(treatment_id=copy.pk).get().history_user == dpo_user
    assert treatment.data_lines.count() == 1  # the original keeps its own lines
    assert "créée sous la référence T-002" in page_html(dpo_client.get(response["Location"]))
