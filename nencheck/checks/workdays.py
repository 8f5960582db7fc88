"""Working days in the Netherlands: weekends and Dutch public holidays are not working days.

Used for the calamity deadline (the IGJ expects a report within 3 working days). The holidays
are computed here rather than taken from a library so the rule is visible and tested:

- Nieuwjaarsdag (1 January), Eerste en Tweede Paasdag, Koningsdag (27 April, or 26 April when
  the 27th is a Sunday), Hemelvaartsdag (Easter + 39), Eerste en Tweede Pinksterdag (Easter + 49
  and + 50), Eerste en Tweede Kerstdag (25 and 26 December);
- Bevrijdingsdag (5 May) only in lustrum years (2025, 2030, ...), when it is a general day off
  under most collective labour agreements; in other years it is a working day;
- Goede Vrijdag is not a general day off and counts as a working day.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

SATURDAY = 5


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def dutch_public_holidays(year: int) -> dict[date, str]:
    """The general public holidays of one year, date -> Dutch name."""
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:  # Sunday: celebrated on Saturday the 26th
        kings_day = date(year, 4, 26)
    holidays = {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter: "Eerste Paasdag",
        easter + timedelta(days=1): "Tweede Paasdag",
        kings_day: "Koningsdag",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=49): "Eerste Pinksterdag",
        easter + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }
    if year % 5 == 0:
        holidays[date(year, 5, 5)] = "Bevrijdingsdag"
    return holidays


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY and day not in dutch_public_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself is day 0, whatever it is).

    A calamity reported on Friday has Monday, Tuesday and Wednesday as its 3 working days."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
