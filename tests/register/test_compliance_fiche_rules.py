"""Rules on a whole fiche: the NIR, recipients abroad, the kinds of security measures, fiches
left in draft, processor fiches naming their client and its basis (register/checks/rules.py)."""

from datetime import date, timedelta

import pytest

from register.compliance import Severity
from register.models import Country, Recipient, RecipientCategory, SecurityMeasure, Transfer, TransferSafeguard
from tests.conftest import make_organisation, make_treatment
from tests.register.findings import add_line, findings, messages

pytestmark = pytest.mark.django_db


def _recipient(treatment, organisation=None, category="partners", name="Centre de saisie"):
    return Recipient.objects.create(
        treatment=treatment,
        category=RecipientCategory.objects.get(code=category),
        name=name,
        organisation=organisation,
    )


def _transfer(treatment, country="MA"):
    Transfer.objects.create(
        treatment=treatment,
        recipient="Atlas Saisie",
        country=Country.objects.get(code=country),
        safeguard=TransferSafeguard.objects.get(code="scc"),
    )


# --- NIR ------------------------------------------------------------------------------------


def test_the_nir_on_a_customer_file_is_a_warning_naming_the_line():
    treatment = make_treatment()
    add_line(treatment, "nir", description="Numéro de sécurité sociale")
    [finding] = findings(treatment)
    assert finding.severity == Severity.WARNING
    assert finding.message.startswith("Ligne « Numéro de sécurité sociale » : le numéro de sécurité sociale (NIR)")
    assert "décret n° 2019-341" in finding.article
    assert finding.url.endswith("#id_data_lines-1-retention_remark")


def test_the_nir_for_a_legal_obligation_is_only_advice():
    treatment = make_treatment(legal_basis="legal_obligation")
    add_line(treatment, "nir", description="NIR pour les déclarations sociales")
    [finding] = findings(treatment)
    assert finding.severity == Severity.ADVICE


def test_a_fiche_without_the_nir_says_nothing_of_it():
    treatment = make_treatment()
    add_line(treatment, "identity", description="Numéro client")
    assert messages(treatment) == []


# --- recipients abroad ------------------------------------------------------------------------


def test_a_recipient_in_a_third_country_without_a_transfer_is_blocking():
    treatment = make_treatment()
    _recipient(treatment, make_organisation("Atlas Saisie", kind="processor", country="Maroc"))
    [finding] = findings(treatment)
    assert finding.severity == Severity.BLOCKING
    assert finding.message == (
        "Destinataire « Centre de saisie (Atlas Saisie) » situé hors de l'UE (Maroc) sans transfert déclaré."
    )
    assert finding.url == f"/registre/{treatment.reference}/modifier/#transferts"


def test_a_recipient_in_a_third_country_with_its_transfer_passes():
    treatment = make_treatment()
    _recipient(treatment, make_organisation("Atlas Saisie", kind="processor", country="Maroc"))
    _transfer(treatment, "MA")
    assert messages(treatment) == []


def test_a_recipient_in_the_eu_or_in_an_unknown_country_needs_no_transfer():
    treatment = make_treatment()
    _recipient(treatment, make_organisation("Saisie Lyon", country="France"))
    _recipient(treatment, make_organisation("Saisie Berlin", country="Allemagne"), name="Autre")
    _recipient(treatment, make_organisation("Sans pays", country=""), name="Troisième")
    assert messages(treatment) == []


def test_a_third_country_recipient_category_without_any_transfer_is_blocking():
    treatment = make_treatment()
    _recipient(treatment, category="third_country", name="Filiale étrangère")
    [finding] = findings(treatment)
    assert finding.message == (
        "Destinataire « Filiale étrangère » situé hors de l'UE (un pays tiers) sans transfert déclaré."
    )


# --- security measures -------------------------------------------------------------------------


def test_missing_backups_and_traceability_measures_are_advised():
    treatment = make_treatment()
    SecurityMeasure.objects.filter(treatment=treatment).exclude(category__code="access_control").delete()
    [finding] = findings(treatment)
    assert finding.severity == Severity.ADVICE
    assert finding.message == (
        "« Mesures de sécurité » : aucune mesure pour la sauvegarde des données, la traçabilité des accès."
    )
    assert finding.url.endswith("/modifier/#securite")


def test_access_control_backups_and_traceability_together_pass():
    assert messages(make_treatment()) == []  # make_treatment has the three


def test_no_measure_at_all_is_left_to_the_required_content():
    treatment = make_treatment()
    SecurityMeasure.objects.filter(treatment=treatment).delete()
    assert messages(treatment) == []  # « Il manque : mesures de sécurité », not a second finding
    assert "mesures de sécurité (art. 30(1)(g))" in treatment.missing_items()


# --- drafts ---------------------------------------------------------------------------------------


def test_a_draft_older_than_thirty_days_is_advised():
    treatment = make_treatment(created_at=date(2026, 1, 5))
    [finding] = findings(treatment, on=date(2026, 2, 5))
    assert finding.severity == Severity.ADVICE
    assert finding.message == "Fiche en brouillon depuis le 05/01/2026, plus de 30 jours."
    assert finding.url == f"/registre/{treatment.reference}/"


def test_a_draft_of_thirty_days_or_a_fiche_in_force_passes():
    treatment = make_treatment(created_at=date(2026, 1, 5))
    assert messages(treatment, on=date(2026, 1, 5) + timedelta(days=30)) == []
    in_force = make_treatment(created_at=date(2020, 1, 5), status="in_force")
    assert messages(in_force, on=date(2026, 2, 5)) == []


# --- processor fiches -----------------------------------------------------------------------------


def test_a_processor_fiche_naming_ourselves_as_controller_is_blocking():
    ourselves = make_organisation("CentreCall", kind="self")
    treatment = make_treatment(role="processor", controller=ourselves)
    blocking = [finding for finding in findings(treatment) if finding.severity == Severity.BLOCKING]
    assert [finding.message for finding in blocking] == [
        "« Responsable de traitement » : la fiche est celle d'un sous-traitant, mais elle nomme CentreCall, "
        "qui tient le registre, au lieu du client."
    ]
    assert blocking[0].url.endswith("/modifier/#id_controller")


def test_a_processor_fiche_without_the_client_basis_advises_asking_the_client():
    client = make_organisation("Osiris")
    treatment = make_treatment(role="processor", controller=client, legal_basis="")
    [finding] = findings(treatment)
    assert finding.severity == Severity.ADVICE
    assert finding.message == "« Base légale » : la base légale du client « Osiris » n'est pas connue."
    assert "Demandez au client" in finding.fix and finding.url.endswith("#id_legal_basis")


def test_a_processor_fiche_naming_its_client_and_its_basis_passes():
    treatment = make_treatment(
        role="processor",
        controller=make_organisation("Osiris"),
        legal_basis="contract",
        legal_basis_detail="Contrat entre Osiris et ses clients",
    )
    assert messages(treatment) == []


# --- consent and phone prospection ----------------------------------------------------------------


def test_consent_without_saying_how_it_is_collected_and_proven_is_a_warning():
    treatment = make_treatment(legal_basis="consent")
    [finding] = findings(treatment)
    assert finding.severity == Severity.WARNING
    assert finding.message == (
        "« Base légale » : le consentement est invoqué sans dire comment il est recueilli ni comment il est prouvé."
    )
    assert finding.article == "art. 7(1), art. 4(11)" and finding.url.endswith("/modifier/#id_consent_proof")


def test_consent_with_its_collection_and_proof_passes():
    treatment = make_treatment(legal_basis="consent", consent_proof="Case à cocher sur le formulaire, horodatée.")
    assert messages(treatment) == []


AFTER_OPT_IN, BEFORE_OPT_IN = date(2026, 8, 11), date(2026, 8, 10)


def test_consumer_phone_prospection_without_consent_is_blocking_from_11_august_2026():
    treatment = make_treatment(
        legal_basis="legitimate_interests", legal_basis_detail="Développer les ventes", consumer_phone_prospection=True
    )
    [finding] = findings(treatment, on=AFTER_OPT_IN)
    assert finding.severity == Severity.BLOCKING
    assert finding.message == (
        "« Base légale » : prospection téléphonique de consommateurs fondée sur « Intérêt légitime (art. 6(1)(f)) » ; "
        "depuis le 11 août 2026, elle exige leur consentement préalable."
    )
    assert "L. 223-1" in finding.article and finding.url.endswith("#id_legal_basis")


def test_consumer_phone_prospection_without_consent_is_advised_before_11_august_2026():
    treatment = make_treatment(consumer_phone_prospection=True)
    [finding] = findings(treatment, on=BEFORE_OPT_IN)
    assert finding.severity == Severity.ADVICE and "à partir du 11 août 2026" in finding.message


def test_consumer_phone_prospection_on_consent_passes():
    treatment = make_treatment(
        legal_basis="consent", consent_proof="Accord enregistré et horodaté", consumer_phone_prospection=True
    )
    assert messages(treatment, on=AFTER_OPT_IN) == []


def test_calls_in_the_course_of_a_current_contract_are_excepted_once_stated():
    treatment = make_treatment(
        consumer_phone_prospection=True, current_contract_exception="Abonnés appelés au sujet de leur abonnement"
    )
    assert messages(treatment, on=AFTER_OPT_IN) == []


def test_prospection_of_businesses_is_not_concerned():
    treatment = make_treatment(legal_basis="legitimate_interests", legal_basis_detail="Prospection B2B")
    assert messages(treatment, on=AFTER_OPT_IN) == []
