"""The fiche generator and `manage.py generate_register`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from register.generator import generate_register
from register.models import LINE_TABLES, DataCategoryLine, Treatment

pytestmark = pytest.mark.django_db


def fiche_contents(fiches):
    return [
        (fiche.name, fiche.role, fiche.legal_basis, [line.description for line in fiche.data_lines.all()])
        for fiche in fiches
    ]


def test_the_same_seed_gives_the_same_fiches_and_another_seed_others():
    first = generate_register(6, seed=3, prefix="A")
    again = generate_register(6, seed=3, prefix="B")
    other = generate_register(6, seed=4, prefix="C")
    assert fiche_contents(first) == fiche_contents(again)
    assert fiche_contents(first) != fiche_contents(other)


def test_generated_fiches_pass_the_models_validation():
    fiches = generate_register(4, lines_per_kind=3, sensitive_every=2)
    for fiche in fiches:
        fiche.full_clean()
        for table, _model in LINE_TABLES:
            lines = list(getattr(fiche, table).all())
            assert len(lines) == 3, table
            for line in lines:
                line.full_clean()
    assert [fiche.reference for fiche in fiches] == ["G-0000", "G-0001", "G-0002", "G-0003"]
    assert [fiche.is_processor_fiche for fiche in fiches] == [False, True, False, True]
    assert [fiche.has_sensitive_data for fiche in fiches] == [True, False, True, False]
    assert all(fiche.history.count() == 1 for fiche in fiches)


def test_generating_runs_queries_by_batch_not_by_fiche():
    generate_register(1, prefix="W")  # the organisations, created once
    counts = {}
    for count, prefix in ((2, "X"), (8, "Y"), (200, "Z")):
        with CaptureQueriesContext(connection) as queries:
            generate_register(count, prefix=prefix)
        counts[count] = len(queries)
    assert counts[2] == counts[8]
    # SQLite takes at most 999 parameters a statement: 200 fiches need more batches, not a query each.
    assert counts[200] < 100


def test_the_command_adds_fiches_after_those_already_generated():
    output = StringIO()
    call_command("generate_register", "3", "--seed", "1", "--lines", "1", stdout=output)
    call_command("generate_register", "2", stdout=output)

    assert output.getvalue().splitlines() == [
        "3 fiches générées, de G-0000 à G-0002.",
        "2 fiches générées, de G-0003 à G-0004.",
    ]
    assert Treatment.objects.filter(reference__startswith="G-").count() == 5
    assert DataCategoryLine.objects.filter(treatment__reference="G-0000").count() == 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["0"], "Le nombre de fiches doit être compris entre 1 et 100000."),
        (["2", "--lines", "500"], "Le nombre de lignes par tableau doit être compris entre 0 et 100."),
        (["2", "--prefix", "T"], "Préfixe « T » refusé"),
        (["2", "--prefix", "A/B"], "Préfixe « A/B » refusé"),
    ],
)
def test_the_command_refuses_bad_arguments_and_writes_nothing(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_register", *arguments, stdout=StringIO())
    assert not Treatment.objects.exists()
