"""Dates as people read them: "23 november 2026" in Dutch, "23 November 2026" in English."""

from __future__ import annotations

from datetime import date

from nencheck.i18n import ngettext
from nencheck.model.types import Duration

# Babel locales per report language; English output follows British order (day month year).
LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def format_day(day: date | None, language: str) -> str:
    """A date in words for reports; an empty string for no date."""
    if day is None:
        return ""
    from babel.dates import format_date

    return format_date(day, format="long", locale=LOCALES.get(language, "en_GB"))


def prose_day(day: date) -> str:
    """A date in a sentence or heading of text output, in the current language: "23 november
    2026". Tables, compiler-style lines and machine formats keep ISO (docs/translations.md)."""
    from nencheck.i18n import current_language

    # Babel's "long" format, without importing Babel into `check` (tests/test_startup.py).
    names = MONTHS.get(current_language(), MONTHS["en"])
    return f"{day.day} {names[day.month - 1]} {day.year}"


def format_month(day: date, language: str) -> str:
    """A short month label for charts: "nov 2026" / "Nov 2026"."""
    from babel.dates import format_date

    return format_date(day, format="LLL yyyy", locale=LOCALES.get(language, "en_GB"))


def format_duration(duration: Duration) -> str:
    """``60d`` -> "60 days" (translated), for sentences such as "due within 60 days"."""
    forms = {
        "d": ngettext("{count} day", "{count} days", duration.count),
        "w": ngettext("{count} week", "{count} weeks", duration.count),
        "m": ngettext("{count} month", "{count} months", duration.count),
        "y": ngettext("{count} year", "{count} years", duration.count),
    }
    return forms[duration.unit].format(count=duration.count)
