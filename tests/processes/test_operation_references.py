"""OP-xx references: given in order of creation within each process, never reused."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from processes.models import Operation

from .factories import add_operation, make_process

pytestmark = pytest.mark.django_db


def test_operations_on_personal_data_are_numbered_in_order_of_creation():
    process = make_process()
    references = [add_operation(process, f"Opération {n}").reference for n in range(1, 4)]
    assert references == ["OP-01", "OP-02", "OP-03"]


def test_an_operation_on_no_personal_data_gets_no_reference_and_spends_no_number():
    process = make_process()
    planning = add_operation(process, "Planifier les appels", personal=False)
    recording = add_operation(process, "Enregistrer l'appel")
    assert (planning.reference, recording.reference) == ("", "OP-01")


def test_a_deleted_operations_reference_is_never_given_again():
    process = make_process()
    add_operation(process, "Appeler")
    second = add_operation(process, "Enregistrer")
    second.delete()
    assert add_operation(process, "Saisir les réponses").reference == "OP-03"


def test_a_reference_stays_when_the_operation_is_moved_or_renamed():
    process = make_process()
    first = add_operation(process, "Appeler")
    add_operation(process, "Enregistrer")
    first.position, first.description = 5, "Appeler la personne interrogée"
    first.save()
    first.refresh_from_db()
    assert first.reference == "OP-01"


def test_an_operation_marked_personal_later_takes_the_next_number():
    process = make_process()
    planning = add_operation(process, "Planifier", personal=False)
    add_operation(process, "Appeler")
    planning.personal_data, planning.purpose = True, "Organiser la campagne"
    planning.save()
    assert planning.reference == "OP-02"


def test_each_process_numbers_its_own_operations():
    first, second = make_process("Étude"), make_process("Fidélisation")
    add_operation(first, "Appeler")
    assert add_operation(second, "Appeler").reference == "OP-01"


def test_two_operations_of_one_process_cannot_share_a_reference():
    process = make_process()
    add_operation(process, "Appeler")
    with pytest.raises(IntegrityError), transaction.atomic():
        Operation.objects.create(process=process, description="Copie", actor=process.actors.first(), reference="OP-01")


def test_a_personal_operation_without_purpose_is_refused_by_validation():
    process = make_process()
    operation = Operation(process=process, description="Appeler", actor=process.actors.first(), personal_data=True)
    with pytest.raises(ValidationError) as refused:
        operation.full_clean()
    assert "purpose" in refused.value.message_dict


def test_an_operation_at_an_actor_of_another_process_is_refused_by_validation():
    process, other = make_process("Étude"), make_process("Autre")
    operation = Operation(process=process, description="Appeler", actor=other.actors.first())
    with pytest.raises(ValidationError) as refused:
        operation.full_clean()
    assert refused.value.message_dict["actor"] == ["Choisissez un élément de ce processus."]
