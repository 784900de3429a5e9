"""Call recordings: their purpose and their retention (register/checks/recordings.py,
register/checks/retention.py), including the wording traps of the CNIL case."""

import pytest

from register.compliance import Severity
from register.models import SubPurpose
from tests.conftest import make_treatment
from tests.register.findings import add_line, findings, messages

pytestmark = pytest.mark.django_db


def _recording(treatment, **fields):
    fields.setdefault("description", "Enregistrement vocal de la conversation")
    return add_line(treatment, "personal_life", retention_start="end_of_call", is_call_recording=True, **fields)


def test_recording_calls_as_proof_of_the_call_is_a_warning_naming_the_purpose():
    treatment = make_treatment(
        recording_information=True,
        recording_objection=True,
        main_purpose="Enregistrer la conversation (preuve de l'appel).",
    )
    _recording(treatment)
    [finding] = findings(treatment)
    assert finding.severity == Severity.WARNING
    assert finding.message.startswith(
        "« Finalité principale » : les appels sont enregistrés à titre de preuve (« Enregistrer la conversation "
        "(preuve de l'appel). ») ; la CNIL ne l'admet que dans des cas limités"
    )
    assert finding.article == "CNIL, enregistrement des appels sur le lieu de travail"
    assert finding.url.endswith("/modifier/#id_main_purpose")


def test_a_sub_purpose_of_proof_is_found_on_its_line():
    treatment = make_treatment(recording_information=True, recording_objection=True)
    SubPurpose.objects.create(treatment=treatment, description="Prouver la commande passée par téléphone", position=2)
    _recording(treatment)
    [finding] = findings(treatment)
    assert finding.message.startswith("« Sous-finalité » : les appels sont enregistrés à titre de preuve")
    assert finding.url.endswith("#id_sub_purposes-1-description")


def test_recording_for_training_and_quality_passes():
    treatment = make_treatment(
        recording_information=True,
        recording_objection=True,
        main_purpose="Former les opérateurs et améliorer la qualité de service.",
    )
    _recording(treatment)
    assert messages(treatment) == []


def test_a_purpose_of_proof_without_recordings_is_no_recording_finding():
    treatment = make_treatment(main_purpose="Conserver la preuve de la commande.")
    assert messages(treatment) == []


# The wording traps: a line is a call recording by its flag, proposed from its description.


def test_a_customer_registration_date_is_no_call_recording():
    treatment = make_treatment(main_purpose="Preuve de l'inscription")
    add_line(treatment, description="date d'enregistrement du client", retention_value=1, retention_unit="years")
    assert messages(treatment) == []


def test_an_audio_file_of_the_conversation_is_proposed_as_a_recording():
    treatment = make_treatment()
    add_line(
        treatment,
        "personal_life",
        description="fichier audio de la conversation",
        retention_value=1,
        retention_unit="years",
    )
    [finding] = findings(treatment)
    assert finding.severity == Severity.ADVICE
    assert finding.message.startswith("Ligne « fichier audio de la conversation » : elle ressemble à des")


def test_an_audio_file_of_the_conversation_once_marked_is_held_to_six_months():
    treatment = make_treatment(recording_information=True, recording_objection=True)
    _recording(treatment, description="fichier audio de la conversation", retention_value=1, retention_unit="years")
    [finding] = findings(treatment)
    assert finding.severity == Severity.BLOCKING
    assert finding.message == (
        "Ligne « fichier audio de la conversation » : enregistrements d'appels conservés 1 an à compter de "
        "l'enregistrement de l'appel ; la CNIL recommande 6 mois au plus."
    )


# Information before recording and the right to object (reference section 7).


def test_recordings_without_information_or_objection_are_a_warning():
    treatment = make_treatment()
    _recording(treatment)
    [finding] = findings(treatment)
    assert finding.severity == Severity.WARNING
    assert finding.message == (
        "Enregistrement des appels : la fiche ne dit ni que les personnes sont informées avant l'enregistrement, "
        "ni qu'elles peuvent s'y opposer (l'appel continuant alors sans)."
    )
    assert finding.url.endswith("/modifier/#id_recording_information")


def test_recordings_with_information_but_no_objection_name_the_objection_only():
    treatment = make_treatment(recording_information=True)
    _recording(treatment)
    [finding] = findings(treatment)
    assert finding.message == (
        "Enregistrement des appels : la fiche ne dit pas que les personnes peuvent s'opposer à l'enregistrement, "
        "l'appel continuant alors sans."
    )
    assert finding.url.endswith("#id_recording_objection")


def test_a_fiche_without_recordings_needs_no_recording_notice():
    assert messages(make_treatment()) == []
