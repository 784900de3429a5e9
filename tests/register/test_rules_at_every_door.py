"""A rule of the register refuses the same thing with the same message through every door:
the fiche form, the admin, the import (which validates with the models' clean())."""

import pytest
from django.urls import reverse

from register.choices import LegalBasis, OrganisationKind, TreatmentStatus
from register.exports.ods import build_register_ods
from register.imports.plan import plan_import
from register.models import Country, Organisation, Transfer, TransferSafeguard, Treatment
from register.scopes import RegisterScope
from tests.conftest import make_organisation, make_treatment
from tests.register.fiche_form import FormData

pytestmark = pytest.mark.django_db

LEGITIMATE_INTEREST = (
    "Précisez l'intérêt légitime poursuivi : il doit figurer dans l'information des personnes (art. 13(1)(d))."
)


def test_a_fiche_breaking_form_rules_no_longer_re_imports_without_errors():
    # Regression: the import validated with clean() only, so rules the form alone knew were skipped.
    client = make_organisation("Osiris")
    fiche = make_treatment(controller=client, legal_basis=LegalBasis.LEGITIMATE_INTERESTS, legal_basis_detail="")
    fiche.joint_controllers.add(client)
    exported = build_register_ods(RegisterScope(status="all"))[2]
    messages = [issue.message for issue in plan_import(exported).errors]
    assert f"justification de la base légale : {LEGITIMATE_INTEREST}" in messages
    assert "responsables conjoints : Osiris est déjà le responsable de traitement de cette fiche." in messages


def test_the_model_refuses_a_stated_legitimate_interest_left_blank():
    fiche = make_treatment(legal_basis=LegalBasis.LEGITIMATE_INTERESTS, legal_basis_detail="  ")
    with pytest.raises(Exception) as error:
        fiche.full_clean()
    assert error.value.message_dict["legal_basis_detail"] == [LEGITIMATE_INTEREST]


def test_the_model_refuses_an_adequacy_decision_a_country_lacks():
    transfer = Transfer(
        treatment=make_treatment(),
        recipient="Plateau",
        country=Country.objects.get(code="MA"),
        safeguard=TransferSafeguard.objects.get(code=TransferSafeguard.ADEQUACY),
    )
    with pytest.raises(Exception) as error:
        transfer.full_clean()
    assert "Maroc ne bénéficie pas d'une décision d'adéquation (art. 45)" in error.value.message_dict["safeguard"][0]


def test_the_register_keeper_is_never_its_own_joint_controller_or_processor():
    ourselves = make_organisation("CentreCall", kind=OrganisationKind.SELF)
    client = make_organisation("Osiris")
    errors = Treatment.actor_errors(client, [ourselves], [ourselves, make_organisation("Atlas")])
    assert list(errors) == ["joint_controllers", "processors"]
    assert errors["processors"] == [
        "CentreCall tient ce registre : son rôle dans la fiche est donné par le champ « Rôle de CentreCall », "
        "elle ne figure pas parmi les autres acteurs."
    ]


def test_the_fiche_form_does_not_offer_the_register_keeper_as_another_actor(dpo_client):
    ourselves = make_organisation("CentreCall", kind=OrganisationKind.SELF)
    client = make_organisation("Osiris")
    form = dpo_client.get(reverse("register:create")).context["form"]
    for name in ("joint_controllers", "processors"):
        offered = list(form.fields[name].queryset)
        assert client in offered and ourselves not in offered
    assert ourselves in form.fields["controller"].queryset


def test_only_one_organisation_keeps_the_register():
    make_organisation("CentreCall", kind=OrganisationKind.SELF)
    second = Organisation(name="Autre", kind=OrganisationKind.SELF)
    with pytest.raises(Exception) as error:
        second.full_clean()
    assert "Une seule organisation tient le registre" in str(error.value)
    assert Organisation.objects.own().name == "CentreCall"


def test_the_admin_refuses_the_controller_as_its_own_joint_controller(client, superuser):
    client.force_login(superuser)
    osiris = make_organisation("Osiris")
    fiche = make_treatment(controller=osiris, lines=False, status=TreatmentStatus.DRAFT)
    url = reverse("admin:register_treatment_change", args=[fiche.pk])
    data = FormData.from_response(client.get(url), form_id="treatment_form")
    data["joint_controllers"] = [str(osiris.pk)]
    response = client.post(url, data.post_data())
    assert response.status_code == 200
    assert "Osiris est déjà le responsable de traitement de cette fiche." in response.content.decode()
    assert not fiche.joint_controllers.exists()
