"""References numbered in order of creation: T-001 for fiches, OP-01 within a process.

A `ReferenceSequence` knows how a reference is written (prefix, zero-padded number) and
reads one back. `allocate` hands out numbers from a counter stored per scope, so that a
number is never given twice, even after the row that carried it was deleted, and two
concurrent creations never get the same one: the counter is raised by one UPDATE, which
holds the row (PostgreSQL) or the database (SQLite) until the transaction commits.

    OPERATIONS = ReferenceSequence("OP-", width=2)
    reference = OPERATIONS.format(allocate(f"process:{process.pk}:operations"))
"""

import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest

from .models.numbering import ReferenceCounter


@dataclass(frozen=True)
class ReferenceSequence:
    prefix: str
    width: int = 3

    def format(self, number):
        return f"{self.prefix}{number:0{self.width}d}"

    def parse(self, reference):
        """The number of a reference of this sequence ("T-012" → 12), None for any other text."""
        match = re.fullmatch(re.escape(self.prefix) + r"(\d+)", reference or "")
        return int(match.group(1)) if match else None

    def highest(self, references):
        """The highest number among `references` (0 when none is of this sequence)."""
        return max((number for ref in references if (number := self.parse(ref)) is not None), default=0)


def allocate(scope, count=1, *, above=0):
    """The first of `count` new consecutive numbers of the sequence `scope`.

    Numbers start at 1 and are never reused. `above` keeps them above numbers given by
    other means (a reference typed by hand or imported). Call it inside the transaction
    that writes the numbered rows: if that transaction rolls back, so does the counter.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    with transaction.atomic():
        counters = ReferenceCounter.objects.filter(scope=scope)
        # UPDATE first: it takes the write lock before anything is read.
        if not counters.update(last_number=Greatest(F("last_number"), above) + count):
            try:
                with transaction.atomic():
                    ReferenceCounter.objects.create(scope=scope, last_number=above + count)
            except IntegrityError:  # created meanwhile by a concurrent first allocation
                counters.update(last_number=Greatest(F("last_number"), above) + count)
        last = counters.values_list("last_number", flat=True).get()
    return last - count + 1
