"""Free-text retention periods and dates, read without guessing."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register.choices import RetentionStart, RetentionUnit
from register.cnil.matching import key
from register.imports.dates import DateError, parse_date_text
from register.imports.odf_reader import CellValue
from register.imports.retention import Retention, RetentionError, known_events, parse_retention
from register.models import DataCategoryLine

Y, M, D = RetentionUnit.YEARS, RetentionUnit.MONTHS, RetentionUnit.DAYS
S = RetentionStart


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 an", Retention(1, Y, S.COLLECTION)),
        ("6 mois", Retention(6, M, S.COLLECTION)),
        ("1 mois", Retention(1, M, S.COLLECTION)),
        ("30 jours", Retention(30, D, S.COLLECTION)),
        ("10 ans", Retention(10, Y, S.COLLECTION)),
        ("six mois", Retention(6, M, S.COLLECTION)),
        ("2 semaines", Retention(14, D, S.COLLECTION)),
        ("3 ans après le dernier contact", Retention(3, Y, S.LAST_CONTACT)),
        ("3 ans à compter du dernier contact", Retention(3, Y, S.LAST_CONTACT)),
        ("5 ans à compter de la fin du contrat", Retention(5, Y, S.END_OF_CONTRACT)),
        ("6 mois à compter de l'enregistrement de l'appel", Retention(6, M, S.END_OF_CALL)),
        ("6 mois à compter de l’enregistrement de l’appel", Retention(6, M, S.END_OF_CALL)),
        ("durée du contrat", Retention(None, M, S.END_OF_CONTRACT)),
        ("pendant la durée du contrat", Retention(None, M, S.END_OF_CONTRACT)),
        ("Durée de la relation contractuelle", Retention(None, M, S.END_OF_CONTRACT)),
        ("Jusqu'à la fin du contrat", Retention(None, M, S.END_OF_CONTRACT)),
        ("5 ans à compter du versement de la paie", Retention(5, Y, S.OTHER, "le versement de la paie")),
        ("durée de la campagne", Retention(None, M, S.OTHER, "la fin de la campagne")),
        ("3 ans après le dernier contact, puis archivage", Retention(3, Y, S.LAST_CONTACT, "", "puis archivage")),
        ("6 mois (recommandation CNIL)", Retention(6, M, S.COLLECTION, "", "recommandation CNIL")),
    ],
)
def test_free_text_retention_is_parsed_into_the_structure(text, expected):
    assert parse_retention(text) == expected


@pytest.mark.parametrize("text", ["variable", "5", "1 an renouvelable", "0 mois", "1 an et demi", "jusqu'à", ""])
def test_retention_that_cannot_be_understood_is_reported_in_french(text):
    with pytest.raises(RetentionError) as raised:
        parse_retention(text)
    assert "Durée de conservation" in str(raised.value) or "vide" in str(raised.value)


def test_the_message_says_what_was_not_understood():
    with pytest.raises(RetentionError, match="« renouvelable » n'est pas compris"):
        parse_retention("1 an renouvelable")


KNOWN_EVENT_KEYS = set(known_events()) | {key(str(S.OTHER.label))}
other_events = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"), min_size=1
).filter(
    lambda text: text == text.strip() and key(text) not in KNOWN_EVENT_KEYS and key(text) != "enregistrementdelappel"
)


@st.composite
def retention_lines(draw):
    start = draw(st.sampled_from(S.values))
    value = None if start in (S.END_OF_CONTRACT, S.OTHER) and draw(st.booleans()) else draw(st.integers(1, 10_000))
    unit = draw(st.sampled_from(RetentionUnit.values)) if value is not None else M
    other = draw(other_events) if start == S.OTHER else ""
    return DataCategoryLine(
        retention_value=value, retention_unit=unit, retention_start=start, retention_start_other=other
    )


@given(retention_lines())
def test_the_apps_own_retention_text_reads_back_to_the_same_structure(line):
    parsed = parse_retention(line.retention_text, split_remark=False)
    assert (parsed.value, parsed.unit, parsed.start, parsed.start_other) == (
        line.retention_value,
        line.retention_unit,
        line.retention_start,
        line.retention_start_other,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024-03-04", date(2024, 3, 4)), ("04/03/2024", date(2024, 3, 4)), ("31/12/2020", date(2020, 12, 31))],
)
def test_iso_and_day_first_dates_are_accepted(text, expected):
    assert parse_date_text(text, day_first=True) == expected


@pytest.mark.parametrize(
    "text", ["05/06/20", "2020/06/05", "5-6-2020", "juin 2020", "06/13/2020", "13/13/2020", "30/02/2024", "5/6/2020"]
)
def test_ambiguous_or_invalid_dates_are_refused(text):
    with pytest.raises(DateError):
        parse_date_text(text, day_first=True)


def test_month_over_twelve_is_refused_not_swapped():
    with pytest.raises(DateError, match="le mois 13 n'existe pas"):
        parse_date_text("05/13/2020", day_first=True)


@given(st.dates(min_value=date(1000, 1, 1)))
def test_day_first_text_never_swaps_day_and_month(day):
    assert parse_date_text(day.strftime("%d/%m/%Y"), day_first=True) == day
    assert parse_date_text(day.isoformat(), day_first=False) == day


def test_day_first_text_is_refused_when_the_workbook_declares_no_french_convention():
    with pytest.raises(DateError, match="ne déclare pas la langue française"):
        parse_date_text("05/06/2020", day_first=False)


def test_a_date_cell_is_read_from_its_date_value():
    from register.imports.dates import parse_cell_date

    cell = CellValue("05/06/20", "date", "2020-06-05")
    assert parse_cell_date(cell, day_first=False) == date(2020, 6, 5)
    with pytest.raises(DateError, match="nombre"):
        parse_cell_date(CellValue("20200605", "float"), day_first=True)
