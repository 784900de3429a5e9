import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from register.choices import TreatmentRole
from register.models import (
    Country,
    DataCategory,
    DataCategoryLine,
    Organisation,
    Transfer,
    TransferSafeguard,
    Treatment,
    add_months,
)
from tests.conftest import make_organisation, make_treatment

pytestmark = pytest.mark.django_db


def test_reference_is_generated_in_sequence():
    first = make_treatment(lines=False)
    second = make_treatment(lines=False)
    assert (first.reference, second.reference) == ("T-001", "T-002")


def test_reference_generation_follows_the_highest_number_and_ignores_other_schemes():
    make_treatment(reference="T-041", lines=False)
    make_treatment(reference="RH-7", lines=False)
    assert make_treatment(lines=False).reference == "T-042"


def test_reference_is_editable_but_unique():
    make_treatment(reference="OSIRIS-1", lines=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_treatment(reference="OSIRIS-1", lines=False)


def test_reference_with_spaces_is_refused_by_validation():
    treatment = make_treatment(lines=False)
    treatment.reference = "T 1"
    with pytest.raises(ValidationError) as error:
        treatment.full_clean()
    assert "reference" in error.value.message_dict


def _line(category_code, **fields):
    treatment = make_treatment(lines=False)
    fields.setdefault("retention_value", 6)
    return DataCategoryLine(
        treatment=treatment, category=DataCategory.objects.get(code=category_code), description="x", **fields
    )


def test_retention_must_be_positive():
    line = _line("identity", retention_value=0)
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert error.value.message_dict["retention_value"] == ["La durée de conservation doit être positive."]


def test_retention_may_be_open_ended_only_until_the_end_of_the_contract():
    _line("identity", retention_value=None, retention_start="end_of_contract").full_clean()
    with pytest.raises(ValidationError) as error:
        _line("identity", retention_value=None, retention_start="collection").full_clean()
    assert "retention_value" in error.value.message_dict


@pytest.mark.parametrize("code", ["health", "criminal", "trade_union"])
def test_sensitive_data_needs_an_art_9_2_exception(code):
    line = _line(code)
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    message = error.value.message_dict["art9_exception"][0]
    assert "donnée sensible" in message and "article 9(2)" in message


def test_sensitive_data_with_an_exception_is_accepted():
    _line("health", art9_exception="b").full_clean()


def test_ordinary_data_needs_no_exception():
    _line("identity").full_clean()


def test_retention_reads_as_a_sentence():
    assert _line(
        "identity", retention_value=6, retention_unit="months", retention_start="end_of_call"
    ).retention_text == ("6 mois à compter de l'enregistrement de l'appel")
    assert (
        _line("identity", retention_value=1, retention_unit="years").retention_text == "1 an à compter de la collecte"
    )
    assert _line("identity", retention_value=None, retention_start="end_of_contract").retention_text == (
        "Jusqu'à la fin du contrat"
    )


def test_a_transfer_inside_the_eu_is_refused():
    treatment = make_treatment(lines=False)
    transfer = Transfer(
        treatment=treatment,
        recipient="Filiale",
        country=Country.objects.get(code="DE"),
        safeguard=TransferSafeguard.objects.get(code="scc"),
    )
    with pytest.raises(ValidationError) as error:
        transfer.full_clean()
    assert "pas un transfert hors UE" in error.value.message_dict["country"][0]


def test_completeness_names_what_is_missing():
    bare = make_treatment(lines=False, legal_basis="legitimate_interests")
    missing = [str(item) for item in bare.missing_items()]
    assert "intérêt légitime poursuivi (art. 6(1)(f))" in missing
    assert "catégories de données (art. 30(1)(c))" in missing
    assert bare.completeness < 50
    full = make_treatment(dpia_status="not_required")
    assert full.missing_items() == [] and full.completeness == 100


def test_mark_reviewed_sets_next_review_twelve_months_later():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    treatment = make_treatment(lines=False)
    treatment.mark_reviewed(datetime(2026, 2, 28, 10, tzinfo=ZoneInfo("Europe/Paris")))
    assert treatment.next_review_date.isoformat() == "2027-02-28"
    assert add_months(datetime(2024, 1, 31).date(), 1).isoformat() == "2024-02-29"


def test_history_keeps_who_changed_a_fiche_and_its_lines(dpo_user):
    treatment = make_treatment()
    treatment._history_user = dpo_user
    treatment.name = "Nouveau nom"
    treatment.save()
    record = treatment.history.first()
    assert record.name == "Nouveau nom" and record.history_user == dpo_user
    assert record.history_type == "~"
    assert DataCategoryLine.history.filter(treatment_id=treatment.pk, history_type="+").count() == 1


def test_register_as_it_stood_on_a_past_date():
    treatment = make_treatment(name="Ancien nom")
    before = treatment.history.first().history_date
    treatment.name = "Nouveau nom"
    treatment.save()
    assert Treatment.history.as_of(before).get(pk=treatment.pk).name == "Ancien nom"


def test_retention_sentence_follows_french_contractions():
    assert _line(
        "identity", retention_value=3, retention_unit="years", retention_start="last_contact"
    ).retention_text == ("3 ans à compter du dernier contact")
    assert _line("identity", retention_value=None, retention_start="end_of_contract").retention_text == (
        "Jusqu'à la fin du contrat"
    )


@pytest.mark.parametrize("reference", ["nouveau", "import", "Import"])
def test_references_that_are_page_addresses_are_refused(reference):
    treatment = make_treatment(lines=False)
    treatment.reference = reference
    with pytest.raises(ValidationError) as error:
        treatment.full_clean()
    assert "adresse d'une page du registre" in error.value.message_dict["reference"][0]


def test_retention_sentence_reads_in_english_with_a_singular_unit():
    from django.utils import translation

    line = _line("identity", retention_value=1, retention_unit="months")
    with translation.override("en"):
        assert line.retention_text == "1 month from data collection"
    assert line.retention_text == "1 mois à compter de la collecte"


def test_processor_clients_are_the_controllers_of_processor_fiches():
    osiris, verdier, artemis = make_organisation("Osiris"), make_organisation("Verdier"), make_organisation("Artemis")
    own = make_organisation("CentreCall")
    make_treatment(controller=verdier, role=TreatmentRole.PROCESSOR, lines=False)
    study = make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, lines=False)
    make_treatment(controller=osiris, role=TreatmentRole.PROCESSOR, lines=False)
    make_treatment(controller=artemis, role=TreatmentRole.JOINT_CONTROLLER, lines=False)
    payroll = make_treatment(controller=own, role=TreatmentRole.CONTROLLER, lines=False)
    assert list(Organisation.objects.processor_clients()) == [osiris, verdier]
    assert list(Organisation.objects.processor_clients([study, payroll])) == [osiris]


def test_every_write_takes_the_next_version_from_the_stored_one(organisation):
    treatment = make_treatment(controller=organisation)
    stale = Treatment.objects.get(pk=treatment.pk)
    Treatment.objects.filter(pk=treatment.pk).raise_version()  # e.g. a line saved in the admin

    assert stale.raise_version() and stale.version == 3  # not 2: the stored version had moved on
    assert not treatment.raise_version(expected=1)  # an edit from version 1 is refused
    assert treatment.version == 1 and Treatment.objects.get(pk=treatment.pk).version == 3
    assert treatment.raise_version(expected=3) and treatment.version == 4
    assert Treatment.objects.get(pk=treatment.pk).version == 4
