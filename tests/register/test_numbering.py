"""References numbered in order of creation, never reused: the building block of T-001 and OP-01."""

import threading

import pytest
from django.db import connection, transaction

from register.models import Organisation
from register.numbering import ReferenceSequence, allocate

OPERATIONS = ReferenceSequence("OP-", width=2)


def test_a_sequence_writes_and_reads_its_references():
    assert OPERATIONS.format(7) == "OP-07"
    assert OPERATIONS.format(123) == "OP-123"
    assert (OPERATIONS.parse("OP-07"), OPERATIONS.parse("OP-7x"), OPERATIONS.parse("T-007")) == (7, None, None)
    assert OPERATIONS.highest(["OP-02", "note", "OP-10", "T-099"]) == 10
    assert OPERATIONS.highest([]) == 0


@pytest.mark.django_db
def test_numbers_follow_the_order_of_creation_within_each_scope():
    first_process = [allocate("process:1:operations") for _ in range(3)]
    second_process = [allocate("process:2:operations") for _ in range(2)]
    assert (first_process, second_process) == ([1, 2, 3], [1, 2])


@pytest.mark.django_db
def test_a_number_is_never_given_again_after_its_row_is_deleted():
    scope = "process:1:operations"
    for _ in range(3):
        Organisation.objects.create(name=OPERATIONS.format(allocate(scope)))
    Organisation.objects.get(name="OP-03").delete()
    Organisation.objects.get(name="OP-01").delete()

    assert OPERATIONS.format(allocate(scope)) == "OP-04"


@pytest.mark.django_db
def test_numbers_stay_above_those_given_by_hand_and_come_in_blocks():
    assert allocate("fiches", above=41) == 42
    assert allocate("fiches", count=3) == 43  # 43, 44, 45 for one import of three fiches
    assert allocate("fiches", above=10) == 46  # a lower floor never takes the counter back
    with pytest.raises(ValueError):
        allocate("fiches", count=0)


@pytest.mark.django_db
def test_a_creation_rolled_back_gives_its_number_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        assert allocate("process:1:operations") == 1
        raise RuntimeError("the operation could not be saved")
    assert allocate("process:1:operations") == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite serialises every writing transaction; its in-memory test database cannot hold two",
)
def test_two_concurrent_creations_never_get_the_same_number():
    """The first transaction holds the counter until it commits; the second waits and takes the next."""
    first_allocated, release = threading.Event(), threading.Event()
    numbers = {}

    def create(name, hold):
        try:
            with transaction.atomic():
                numbers[name] = allocate("process:1:operations")
                if hold:
                    first_allocated.set()
                    release.wait(10)
        finally:
            connection.close()

    first = threading.Thread(target=create, args=("first", True))
    first.start()
    assert first_allocated.wait(10)
    second = threading.Thread(target=create, args=("second", False))
    second.start()
    second.join(0.5)
    assert second.is_alive(), "the second allocation must wait for the first transaction"
    release.set()
    first.join(10)
    second.join(10)
    assert (numbers["first"], numbers["second"]) == (1, 2)
