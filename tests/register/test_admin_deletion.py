"""Deleting in the admin: lines go only through their fiche, catalog rows in use stay."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from register.models import (
    Contact,
    Country,
    DataCategory,
    DataCategoryLine,
    Organisation,
    SubPurpose,
    Transfer,
    TransferSafeguard,
    Treatment,
)
from tests.conftest import make_organisation, make_treatment
from tests.register.test_roles import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_dpo_cannot_empty_a_fiche_with_the_bulk_delete_of_lines(dpo_client):
    treatment = make_treatment()
    line = treatment.data_lines.get()
    changelist = reverse("admin:register_datacategoryline_changelist")

    confirm = {"action": "delete_selected", "_selected_action": [line.pk], "post": "yes"}
    assert dpo_client.post(changelist, confirm).status_code == 403
    assert (
        dpo_client.post(reverse("admin:register_datacategoryline_delete", args=[line.pk]), {"post": "yes"}).status_code
        == 403
    )

    assert DataCategoryLine.objects.filter(pk=line.pk).exists()
    assert b"delete_selected" not in dpo_client.get(changelist).content


@pytest.mark.parametrize("who", ["dpo_client", "superuser_client"])
def test_a_line_cannot_be_changed_or_added_on_its_own_page(request, who):
    http = request.getfixturevalue(who)
    treatment = make_treatment()
    line = treatment.sub_purposes.get()
    change = reverse("admin:register_subpurpose_change", args=[line.pk])

    page = http.get(change)
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert http.post(change, {"treatment": treatment.pk, "description": "Autre", "position": 1}).status_code == 403
    assert http.get(reverse("admin:register_subpurpose_add")).status_code == 403
    assert SubPurpose.objects.get(pk=line.pk).description == "Sous-finalité"


def test_dpo_deletes_a_line_through_the_fiche_which_bumps_its_version_and_history(dpo_client):
    treatment = make_treatment()
    line = treatment.data_lines.get()
    url = reverse("admin:register_treatment_change", args=[treatment.pk])
    data = admin_form_data(dpo_client, url)
    assert data["data_lines-0-id"] == line.pk
    data["data_lines-0-DELETE"] = "on"

    response = dpo_client.post(url, data)

    assert response.status_code == 302
    treatment.refresh_from_db()
    assert treatment.version == 2 and not treatment.data_lines.exists()
    assert treatment.history.count() == 2
    assert DataCategoryLine.history.filter(id=line.pk, history_type="-").exists()


def test_a_category_used_by_a_fiche_is_not_deleted_and_the_admin_says_which_fiche(dpo_client):
    treatment = make_treatment()
    identity = DataCategory.objects.get(code="identity")
    url = reverse("admin:register_datacategory_delete", args=[identity.pk])

    response = dpo_client.post(url, {"post": "yes"}, follow=True)

    assert DataCategory.objects.filter(pk=identity.pk).exists()
    assert response.redirect_chain[-1][0] == reverse("admin:register_datacategory_change", args=[identity.pk])
    assert messages_of(response) == [
        f"Rien n'a été supprimé : « {identity.label} » sert dans la fiche {treatment.reference}. "
        "Modifiez d'abord cette fiche."
    ]


def test_a_bulk_delete_of_catalog_rows_is_refused_whole_when_one_is_in_use(dpo_client):
    first, second = make_treatment(), make_treatment()
    identity = DataCategory.objects.get(code="identity")
    unused = DataCategory.objects.create(code="unused", label="Inutilisée")
    changelist = reverse("admin:register_datacategory_changelist")
    selection = {"action": "delete_selected", "_selected_action": [identity.pk, unused.pk], "post": "yes"}

    response = dpo_client.post(changelist, selection, follow=True)

    assert DataCategory.objects.filter(pk__in=[identity.pk, unused.pk]).count() == 2
    assert messages_of(response) == [
        f"Rien n'a été supprimé : « {identity.label} » sert dans 2 fiches ({first.reference}, {second.reference}). "
        "Modifiez d'abord ces fiches."
    ]


def test_an_unused_catalog_row_is_deleted_after_confirmation(dpo_client):
    unused = DataCategory.objects.create(code="unused", label="Inutilisée")
    changelist = reverse("admin:register_datacategory_changelist")
    selection = {"action": "delete_selected", "_selected_action": [unused.pk]}

    confirmation = dpo_client.post(changelist, selection)
    assert confirmation.status_code == 200 and DataCategory.objects.filter(pk=unused.pk).exists()
    assert dpo_client.post(changelist, {**selection, "post": "yes"}).status_code == 302
    assert not DataCategory.objects.filter(pk=unused.pk).exists()


def test_a_country_or_safeguard_of_a_transfer_is_not_deleted(dpo_client):
    treatment = make_treatment(lines=False)
    country = Country.objects.create(code="ZZ", name="Zedland")
    safeguard = TransferSafeguard.objects.first()
    Transfer.objects.create(treatment=treatment, recipient="Hébergeur", country=country, safeguard=safeguard)

    dpo_client.post(reverse("admin:register_country_delete", args=[country.pk]), {"post": "yes"})
    dpo_client.post(reverse("admin:register_transfersafeguard_delete", args=[safeguard.pk]), {"post": "yes"})

    assert Country.objects.filter(pk=country.pk).exists()
    assert TransferSafeguard.objects.filter(pk=safeguard.pk).exists()


def test_an_organisation_named_only_as_joint_controller_is_not_deleted(dpo_client):
    # A many-to-many link is not protected by the database: the deletion would drop it silently.
    treatment = make_treatment()
    partner = make_organisation("Partenaire")
    treatment.joint_controllers.add(partner)

    response = dpo_client.post(
        reverse("admin:register_organisation_delete", args=[partner.pk]), {"post": "yes"}, follow=True
    )

    assert Organisation.objects.filter(pk=partner.pk).exists()
    assert list(treatment.joint_controllers.all()) == [partner]
    assert treatment.reference in messages_of(response)[0]


def test_an_organisation_no_fiche_uses_is_deleted_with_its_contacts(dpo_client):
    stranger = make_organisation("Inconnue")
    Contact.objects.create(organisation=stranger, role="dpo", name="Mme DPO")

    response = dpo_client.post(reverse("admin:register_organisation_delete", args=[stranger.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=stranger.pk).exists()
    assert not Contact.objects.filter(name="Mme DPO").exists()


def test_dpo_still_cannot_delete_a_fiche_in_the_admin(dpo_client):
    treatment = make_treatment()
    url = reverse("admin:register_treatment_delete", args=[treatment.pk])
    assert dpo_client.post(url, {"post": "yes"}).status_code == 403
    assert Treatment.objects.filter(pk=treatment.pk).exists()


def test_a_superuser_deletes_fiches_in_bulk_with_their_lines(superuser_client):
    first, second = make_treatment(), make_treatment()
    changelist = reverse("admin:register_treatment_changelist")
    selection = {"action": "delete_selected", "_selected_action": [first.pk, second.pk]}

    assert superuser_client.post(changelist, selection).status_code == 200  # the confirmation page
    assert superuser_client.post(changelist, {**selection, "post": "yes"}).status_code == 302

    assert not Treatment.objects.filter(pk__in=[first.pk, second.pk]).exists()
    assert not DataCategoryLine.objects.filter(treatment_id__in=[first.pk, second.pk]).exists()
