"""Creating and editing a fiche on /registre/nouveau/ and /registre/<référence>/modifier/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from register.choices import OrganisationKind
from register.models import DataCategory, DataCategoryLine, DataSubjectCategory, Treatment
from tests.conftest import make_organisation, make_treatment, page_text
from tests.register.fiche_form import FormData

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("register:create")


def category(code, model=DataCategory):
    return model.objects.get(code=code).pk


def edit_url(treatment):
    return reverse("register:edit", args=[treatment.reference])


@pytest.fixture
def centrecall(db):
    return make_organisation("CentreCall", kind=OrganisationKind.SELF)


def new_fiche_form(client, **values):
    """The create page's form with the fiche's own fields filled in."""
    data = FormData.from_response(client.get(CREATE_URL))
    defaults = {"name": "Gestion des candidatures", "main_purpose": "Recruter", "legal_basis": "contract"}
    for name, value in {**defaults, **values}.items():
        data[name] = value
    return data


def test_create_page_starts_with_centrecall_as_controller_and_one_empty_row_per_table(dpo_client, centrecall):
    response = dpo_client.get(CREATE_URL)
    assert response.status_code == 200
    data = FormData.from_response(response)
    assert data["controller"] == str(centrecall.pk)
    for prefix in ("sub_purposes", "data_lines", "data_subjects", "recipients", "transfers", "security_measures"):
        assert data.total(prefix) == 1 and data[f"{prefix}-INITIAL_FORMS"] == "0"
    assert "Ajouter une ligne" in page_text(response)


def test_dpo_creates_a_fiche_with_its_lines_in_the_order_shown(dpo_client, dpo_user, centrecall):
    data = new_fiche_form(dpo_client)
    data.fill_row("sub_purposes", 0, description="Trier les candidatures")
    data.add_row("sub_purposes", description="Organiser les entretiens")
    data.fill_row(
        "data_lines",
        0,
        category=category("identity"),
        description="Nom, prénom",
        retention_value=2,
        retention_unit="years",
    )
    data.add_row("data_lines", category=category("professional_life"), description="CV", retention_value=2)
    data.add_row(
        "data_lines",
        category=category("connection"),
        description="Journaux",
        retention_value=6,
        retention_start="other",
    )
    data.fill_row("data_lines", 2, retention_start_other="la dernière connexion")
    data.fill_row("data_subjects", 0, category=category("candidates", DataSubjectCategory))

    response = dpo_client.post(CREATE_URL, data.post_data())

    treatment = Treatment.objects.get(name="Gestion des candidatures")
    assert response.status_code == 302 and response["Location"] == treatment.get_absolute_url()
    assert treatment.reference == "T-001" and treatment.status == "draft" and treatment.controller == centrecall
    assert [s.description for s in treatment.sub_purposes.all()] == [
        "Trier les candidatures",
        "Organiser les entretiens",
    ]
    lines = list(treatment.data_lines.all())
    assert [(line.position, line.description) for line in lines] == [(1, "Nom, prénom"), (2, "CV"), (3, "Journaux")]
    assert lines[0].retention_text == "2 ans à compter de la collecte"
    assert lines[2].retention_text == "6 mois à compter de la dernière connexion"
    assert treatment.data_subject_lines.get().category.code == "candidates"
    assert not treatment.recipients.exists() and not treatment.transfers.exists()  # empty rows are ignored
    assert treatment.history.get().history_user == dpo_user
    detail = dpo_client.get(response["Location"]).content.decode()
    assert "Fiche T-001 créée en brouillon" in detail


def test_reference_typed_on_create_is_kept(dpo_client, centrecall):
    data = new_fiche_form(dpo_client, reference="RH-2025-04")
    assert dpo_client.post(CREATE_URL, data.post_data()).status_code == 302
    assert Treatment.objects.filter(reference="RH-2025-04").exists()


def test_duplicate_reference_is_a_french_error_next_to_the_field(dpo_client, centrecall):
    make_treatment(reference="RH-1", name="Paie")
    data = new_fiche_form(dpo_client, reference="RH-1")
    response = dpo_client.post(CREATE_URL, data.post_data())
    assert response.status_code == 400
    content = page_text(response)
    assert "La référence « RH-1 » est déjà celle de la fiche « Paie »." in content
    assert "La fiche n'a pas été enregistrée : 1 erreur." in content
    assert Treatment.objects.count() == 1


@pytest.mark.parametrize("reference", ["nouveau", "RH/2025"])
def test_reference_that_cannot_be_an_address_is_refused(dpo_client, centrecall, reference):
    data = new_fiche_form(dpo_client, reference=reference)
    response = dpo_client.post(CREATE_URL, data.post_data())
    assert response.status_code == 400
    assert "ne peut pas servir de référence" in page_text(response)
    assert not Treatment.objects.exists()


def test_sensitive_line_without_art_9_2_exception_is_refused_then_accepted_with_one(dpo_client, centrecall):
    data = new_fiche_form(dpo_client)
    data.fill_row("data_lines", 0, category=category("health"), description="Allergies signalées", retention_value=1)

    refused = dpo_client.post(CREATE_URL, data.post_data())

    assert refused.status_code == 400
    content = page_text(refused)
    assert (
        "est une donnée sensible (art. 9(1)) : son traitement est interdit sauf exception de l'article 9(2)" in content
    )
    assert "Allergies signalées" in content  # the user's input is kept
    assert not Treatment.objects.exists() and not DataCategoryLine.objects.exists()

    retry = FormData.from_response(refused)
    retry.fill_row("data_lines", 0, art9_exception="a")
    assert dpo_client.post(CREATE_URL, retry.post_data()).status_code == 302
    line = DataCategoryLine.objects.get()
    assert (line.category.code, line.art9_exception) == ("health", "a")


def test_exception_is_dropped_for_ordinary_data(dpo_client, centrecall):
    data = new_fiche_form(dpo_client)
    data.fill_row("data_lines", 0, category=category("identity"), description="Nom", retention_value=1)
    data.fill_row("data_lines", 0, art9_exception="a")
    assert dpo_client.post(CREATE_URL, data.post_data()).status_code == 302
    assert DataCategoryLine.objects.get().art9_exception == ""


def test_invalid_edit_keeps_the_input_writes_nothing_and_shows_french_messages(dpo_client, treatment):
    data = FormData.from_response(dpo_client.get(edit_url(treatment)))
    data["name"] = "Nouveau nom tapé"
    data.fill_row("data_lines", 0, retention_value=0)
    data.add_row("sub_purposes", description="Sous-finalité tapée")

    response = dpo_client.post(edit_url(treatment), data.post_data())

    assert response.status_code == 400
    content = page_text(response)
    assert "La fiche n'a pas été enregistrée : 1 erreur." in content
    assert "La durée de conservation doit être positive." in content
    markup = response.content.decode()
    assert 'value="Nouveau nom tapé"' in markup and 'value="Sous-finalité tapée"' in markup
    treatment.refresh_from_db()
    assert treatment.name == "Études de marché Osiris" and treatment.version == 1
    assert treatment.sub_purposes.count() == 1


def test_required_fields_are_reported_in_french(dpo_client, centrecall):
    data = new_fiche_form(dpo_client, name="", main_purpose="")
    data.fill_row("recipients", 0, name="Sans catégorie")
    content = page_text(dpo_client.post(CREATE_URL, data.post_data()))
    assert "La fiche n'a pas été enregistrée : 3 erreurs." in content
    assert content.count("Ce champ est obligatoire.") == 3


def test_transfer_inside_the_eu_is_refused_next_to_the_country(dpo_client, centrecall):
    from register.models import Country, TransferSafeguard

    data = new_fiche_form(dpo_client)
    safeguard = TransferSafeguard.objects.get(code="scc").pk
    data.fill_row("transfers", 0, recipient="Hébergeur", country=Country.objects.get(code="DE").pk, safeguard=safeguard)
    response = dpo_client.post(CREATE_URL, data.post_data())
    assert response.status_code == 400
    assert "Allemagne est dans l'UE ou l'EEE : ce n'est pas un transfert hors UE" in page_text(response)


def test_adequacy_decision_is_refused_for_a_country_without_one(dpo_client, centrecall):
    from register.models import Country, TransferSafeguard

    data = new_fiche_form(dpo_client)
    adequacy = TransferSafeguard.objects.get(code="adequacy").pk
    data.fill_row("transfers", 0, recipient="Plateau", country=Country.objects.get(code="MA").pk, safeguard=adequacy)
    response = dpo_client.post(CREATE_URL, data.post_data())
    assert response.status_code == 400
    assert "Maroc ne bénéficie pas d'une décision d'adéquation (art. 45)" in page_text(response)
    data.fill_row("transfers", 0, country=Country.objects.get(code="CH").pk)
    assert dpo_client.post(CREATE_URL, data.post_data()).status_code == 302


def test_legitimate_interest_must_be_stated(dpo_client, centrecall):
    data = new_fiche_form(dpo_client, legal_basis="legitimate_interests")
    response = dpo_client.post(CREATE_URL, data.post_data())
    assert response.status_code == 400
    assert "Précisez l'intérêt légitime poursuivi" in page_text(response)


def test_review_date_is_taken_in_the_french_format(dpo_client, treatment):
    data = FormData.from_response(dpo_client.get(edit_url(treatment)))
    data["next_review_date"] = "05/06/26"  # 1926 or 2026? Never guessed.
    response = dpo_client.post(edit_url(treatment), data.post_data())
    assert response.status_code == 400
    assert "Saisissez la date au format JJ/MM/AAAA" in page_text(response)
    data["next_review_date"] = "05/06/2026"
    assert dpo_client.post(edit_url(treatment), data.post_data()).status_code == 302
    treatment.refresh_from_db()
    assert treatment.next_review_date.isoformat() == "2026-06-05"


def test_edit_changes_deletes_and_appends_lines_in_the_order_shown(dpo_client, dpo_user, treatment):
    DataCategoryLine.objects.create(
        treatment=treatment,
        category_id=category("personal_life"),
        description="Réponses",
        retention_value=6,
        position=2,
    )
    first, second = treatment.data_lines.all()
    data = FormData.from_response(dpo_client.get(edit_url(treatment)))
    data.delete_row("data_lines", 0)
    data.add_row("data_lines", category=category("connection"), description="Adresse IP", retention_value=1)
    data.add_row("data_lines", category=category("location"), description="Ville", retention_value=1)
    data["name"] = "Études Osiris 2026"

    response = dpo_client.post(edit_url(treatment), data.post_data())

    assert response.status_code == 302
    treatment.refresh_from_db()
    assert treatment.name == "Études Osiris 2026" and treatment.version == 2
    lines = [(line.description, line.position) for line in treatment.data_lines.all()]
    assert lines == [("Réponses", 2), ("Adresse IP", 3), ("Ville", 4)]
    deleted = DataCategoryLine.history.get(id=first.pk, history_type="-")
    assert deleted.history_user == dpo_user
    assert DataCategoryLine.history.filter(id=second.pk).count() == 1  # untouched, not rewritten


def test_editing_only_a_line_raises_the_version_and_the_update_date(dpo_client, treatment):
    before = treatment.updated_at
    data = FormData.from_response(dpo_client.get(edit_url(treatment)))
    data.fill_row("security_measures", 0, description="Comptes nominatifs et mots de passe robustes")
    assert dpo_client.post(edit_url(treatment), data.post_data()).status_code == 302
    treatment.refresh_from_db()
    assert treatment.version == 2 and treatment.updated_at > before
    assert treatment.security_measures.first().description == "Comptes nominatifs et mots de passe robustes"


def test_saving_an_unchanged_fiche_writes_nothing(dpo_client, treatment):
    data = FormData.from_response(dpo_client.get(edit_url(treatment)))
    response = dpo_client.post(edit_url(treatment), data.post_data(), follow=True)
    assert "Aucune modification" in page_text(response)
    treatment.refresh_from_db()
    assert treatment.version == 1 and treatment.history.count() == 1


def test_changing_the_reference_moves_the_fiche(dpo_client, treatment):
    data = FormData.from_response(dpo_client.get(edit_url(treatment)))
    data["reference"] = "OSIRIS-2026"
    response = dpo_client.post(edit_url(treatment), data.post_data())
    assert response["Location"] == reverse("register:detail", args=["OSIRIS-2026"])


def test_edit_form_shows_the_fiche_as_saved(dpo_client, treatment):
    content = dpo_client.get(edit_url(treatment)).content.decode()
    assert 'value="Études de marché Osiris"' in content
    assert "Nom, prénom" in content and "Comptes nominatifs" in content
    assert 'placeholder="JJ/MM/AAAA"' in content and 'type="date"' not in content
    assert "Consentement explicite (art. 9(2)(a))" in content  # the exception select, French labels


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_edit_page_runs_the_same_number_of_queries_whatever_the_number_of_lines(dpo_client):
    small = make_treatment()
    large = make_treatment()
    for position in range(2, 12):
        DataCategoryLine.objects.create(
            treatment=large, category_id=category("identity"), description=f"Ligne {position}", retention_value=1
        )
    assert _queries(dpo_client, edit_url(small)) == _queries(dpo_client, edit_url(large)) <= 30


def test_reference_taken_between_validation_and_save_is_a_field_error(dpo_client, centrecall):
    from register.editing import FicheRefused, save_fiche
    from register.forms import FicheForm

    data = new_fiche_form(dpo_client, reference="RH-9")
    fiche = FicheForm(data.query_dict(), instance=Treatment())
    assert fiche.is_valid()
    make_treatment(reference="RH-9", name="Arrivée entre-temps", lines=False)

    with pytest.raises(FicheRefused):
        save_fiche(fiche)

    assert fiche.main.errors["reference"] == [
        "La référence « RH-9 » est déjà celle de la fiche « Arrivée entre-temps »."
    ]
    assert Treatment.objects.count() == 1


def test_saving_a_fiche_runs_the_same_number_of_queries_whatever_the_number_of_unchanged_lines(dpo_client):
    def count_save(treatment):
        data = FormData.from_response(dpo_client.get(edit_url(treatment)))
        data["notes"] = "Revu"
        with CaptureQueriesContext(connection) as queries:
            assert dpo_client.post(edit_url(treatment), data.post_data()).status_code == 302
        return len(queries)

    small, large = make_treatment(), make_treatment()
    for position in range(2, 12):
        DataCategoryLine.objects.create(
            treatment=large, category_id=category("identity"), description=f"Ligne {position}", retention_value=1
        )
    assert count_save(small) == count_save(large)
