from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nencheck.checks.workdays import (
    add_working_days,
    dutch_public_holidays,
    easter_sunday,
    is_working_day,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, date(2000, 4, 23)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_easter_sunday_matches_published_dates(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_dutch_holidays_of_2026() -> None:
    assert sorted(dutch_public_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 4, 5),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 14),
        date(2026, 5, 24),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_kings_day_moves_to_saturday_when_27_april_is_a_sunday() -> None:
    assert date(2025, 4, 26) in dutch_public_holidays(2025)  # 27 April 2025 is a Sunday
    assert date(2025, 4, 27) not in dutch_public_holidays(2025)


def test_liberation_day_is_a_day_off_only_in_lustrum_years() -> None:
    assert not is_working_day(date(2025, 5, 5))
    assert is_working_day(date(2026, 5, 5))


def test_good_friday_is_a_working_day() -> None:
    assert is_working_day(date(2026, 4, 3))


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 11, 23), 3, date(2026, 11, 26)),  # Monday -> Thursday
        (date(2026, 11, 20), 3, date(2026, 11, 25)),  # Friday: over the weekend -> Wednesday
        (date(2026, 11, 21), 3, date(2026, 11, 25)),  # Saturday counts from Monday
        (date(2026, 4, 2), 3, date(2026, 4, 8)),  # Thursday before Easter: Fri, Tue, Wed
        (date(2026, 12, 23), 3, date(2026, 12, 29)),  # Christmas on Friday and Saturday
        (date(2026, 5, 13), 1, date(2026, 5, 15)),  # over Ascension Day
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
    ],
)
def test_add_working_days_skips_weekends_and_holidays(
    start: date, days: int, expected: date
) -> None:
    assert add_working_days(start, days) == expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(1, 30))
def test_the_nth_working_day_is_a_working_day_with_n_working_days_up_to_it(
    start: date, count: int
) -> None:
    end = add_working_days(start, count)
    assert is_working_day(end)
    days = [start + timedelta(days=n) for n in range(1, (end - start).days + 1)]
    assert sum(is_working_day(day) for day in days) == count
