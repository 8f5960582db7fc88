"""What the rules share: which records belong to a unit, and day counts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

ALL_UNITS = "all"


def in_unit(units: Iterable[str], unit: str | None) -> bool:
    """True when no unit is asked for, or the record's units name it or 'all'."""
    if unit is None:
        return True
    chosen = set(units)
    return unit in chosen or ALL_UNITS in chosen


def days_between(due: date, as_of: date) -> int:
    """Days from the evaluation date to ``due``: negative when ``due`` has passed."""
    return (due - as_of).days
