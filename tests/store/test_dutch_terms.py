"""Dutch spreadsheet words and dates as nencheck values."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nencheck.imports.terms import (
    TermError,
    control_status,
    dutch_date,
    policy_status,
    policy_type,
    revision_term,
    yes_no,
)
from nencheck.model.types import Duration


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("jaarlijks", Duration(1, "y")),
        ("Elk jaar", Duration(1, "y")),
        ("1 jaar", Duration(1, "y")),
        ("tweejaarlijks", Duration(2, "y")),
        ("2-jaarlijks", Duration(2, "y")),
        ("2 jaar", Duration(2, "y")),
        ("elke 2 jaar", Duration(2, "y")),
        ("Elke twee jaar", Duration(2, "y")),
        ("om de 2 jaar", Duration(2, "y")),
        ("driejaarlijks", Duration(3, "y")),
        ("elke 3 jaar", Duration(3, "y")),
        ("3 jaar", Duration(3, "y")),
        ("halfjaarlijks", Duration(6, "m")),
        ("per kwartaal", Duration(3, "m")),
        ("driemaandelijks", Duration(3, "m")),
        ("maandelijks", Duration(1, "m")),
        ("24 maanden", Duration(24, "m")),
        ("12 mnd", Duration(12, "m")),
        ("12 mnd.", Duration(12, "m")),
        ("1y", Duration(1, "y")),
        ("2y", Duration(2, "y")),
        ("  Jaarlijks  ", Duration(1, "y")),
        (2, Duration(2, "y")),
        ("3", Duration(3, "y")),
    ],
)
def test_revision_terms_become_durations(written: object, expected: Duration) -> None:
    assert revision_term(written) == expected


@pytest.mark.parametrize("written", ["soms", "jaar", "", "nooit", True, 0])
def test_unknown_revision_term_names_the_value(written: object) -> None:
    with pytest.raises(TermError, match="unknown revision term"):
        revision_term(written)


def test_unknown_revision_term_message_quotes_the_cell() -> None:
    with pytest.raises(TermError) as raised:
        revision_term("soms")
    assert str(raised.value).startswith('unknown revision term "soms"')


@pytest.mark.parametrize(
    "written",
    [
        "12-03-2024",
        "12-3-2024",
        "12/03/2024",
        "12.03.2024",
        "12 maart 2024",
        "12 mrt 2024",
        "12 mrt. 2024",
        "12 Maart 2024",
        "2024-03-12",
        "12-03-2024 00:00:00",
        datetime(2024, 3, 12, 0, 0),
        date(2024, 3, 12),
    ],
)
def test_dutch_dates_are_read_day_first(written: object) -> None:
    assert dutch_date(written) == date(2024, 3, 12)


def test_impossible_date_is_refused_not_rolled_over() -> None:
    with pytest.raises(TermError, match='impossible date "31-02-2024"'):
        dutch_date("31-02-2024")


@pytest.mark.parametrize("written", ["binnenkort", "12-03-24", "maart 2024", "3/12"])
def test_text_that_is_no_date_is_refused(written: str) -> None:
    with pytest.raises(TermError, match="not a date"):
        dutch_date(written)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Actief", "active"),
        ("vastgesteld", "active"),
        ("Concept", "draft"),
        ("Vervallen", "retired"),
        ("Ingetrokken", "retired"),
        ("active", "active"),
    ],
)
def test_policy_status_words(written: str, expected: str) -> None:
    assert policy_status(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Protocol", "protocol"),
        ("Beleid", "policy"),
        ("Procedure", "procedure"),
        ("Werkinstructie", "work_instruction"),
        ("Formulier", "form"),
        ("Overig", "other"),
    ],
)
def test_policy_type_words(written: str, expected: str) -> None:
    assert policy_type(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Geïmplementeerd", "implemented"),
        ("geimplementeerd", "implemented"),
        ("Ingevoerd", "implemented"),
        ("Gedeeltelijk", "partial"),
        ("Deels", "partial"),
        ("Gepland", "planned"),
        ("Niet gestart", "not_started"),
        ("Nee", "not_started"),
    ],
)
def test_soa_status_words(written: str, expected: str) -> None:
    assert control_status(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Ja", True),
        ("J", True),
        ("x", True),
        ("X", True),
        (True, True),
        (1, True),
        ("Nee", False),
        ("N", False),
        ("nee", False),
        (False, False),
        (0, False),
    ],
)
def test_yes_and_no(written: object, expected: bool) -> None:
    assert yes_no(written) is expected


def test_unknown_words_are_refused_with_what_to_write() -> None:
    with pytest.raises(TermError, match="write Actief, Concept or Vervallen"):
        policy_status("Misschien")
    with pytest.raises(TermError, match="Geïmplementeerd"):
        control_status("bijna")
    with pytest.raises(TermError, match="Ja or Nee"):
        yes_no("soms")
    with pytest.raises(TermError, match="Werkinstructie"):
        policy_type("Memo")
