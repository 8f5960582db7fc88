"""Value types shared by the records: identifiers, ISO dates and timestamps, durations."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from nencheck.i18n import N_

# Messages with values; the loader translates them by kind (store/read/validation_messages.py).
IMPOSSIBLE_DATE = N_("impossible date ({reason}); write a real calendar date as YYYY-MM-DD")
IMPOSSIBLE_TIMESTAMP = N_("impossible timestamp ({reason})")
DURATION_TOO_LONG = N_("duration too long; nencheck takes at most 100 years ({limit}{unit})")
DATE_OUT_OF_RANGE = N_("date out of range; nencheck takes dates from {first} to {last}")

# What a new record's id may look like when nencheck makes its file name from it.
NEW_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"

# A document, file or report given as one of these is a link, not a file in the repository.
URL_PREFIXES = ("http://", "https://", "mailto:", "file:")

# Records, durations and --as-of stay within these bounds, so no date arithmetic can overflow
# (a review interval of 10000y is a typo, not a plan).
FIRST_YEAR, LAST_YEAR = 1900, 2999
MAX_DURATION = {"d": 36525, "w": 5218, "m": 1200, "y": 100}  # 100 years

_DURATION = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIMESTAMP = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$"
)


@dataclass(frozen=True, order=True)
class Duration:
    """A calendar duration such as ``90d``, ``6w``, ``6m`` or ``1y``.

    Months and years are calendar arithmetic with clamping to the month's end
    (SPEC: 31 January + 1m = 28/29 February), not a fixed number of days.
    """

    count: int
    unit: str  # one of d, w, m, y

    def __str__(self) -> str:
        return f"{self.count}{self.unit}"

    def after(self, start: date) -> date:
        if self.unit == "d":
            return start + timedelta(days=self.count)
        if self.unit == "w":
            return start + timedelta(weeks=self.count)
        months = self.count * (12 if self.unit == "y" else 1)
        return add_months(start, months)


@lru_cache(maxsize=1 << 16)
def add_months(start: date, months: int) -> date:
    """Calendar months later, clamped to the month's end. Cached: rules ask it for tens of
    thousands of review and training dates, most of them shared."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def parse_duration(value: Any) -> Duration:
    if isinstance(value, Duration):
        return value
    match = _DURATION.match(str(value)) if isinstance(value, str | int) else None
    if not match or int(match.group(1)) <= 0:
        raise PydanticCustomError(
            "invalid_duration",
            N_(
                "not a duration; write a positive number followed by d, w, m or y, e.g. 90d, 6w, 6m, 1y"
            ),
        )
    count, unit = int(match.group(1)), match.group(2)
    if count > MAX_DURATION[unit]:
        raise PydanticCustomError(
            "duration_too_long", DURATION_TOO_LONG, {"limit": MAX_DURATION[unit], "unit": unit}
        )
    return Duration(count, unit)


def parse_date(value: Any) -> date:
    return _in_range(_parse_date(value))


def _in_range(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_out_of_range", DATE_OUT_OF_RANGE, {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return day


def _parse_date(value: Any) -> date:
    if value.__class__ is str and len(value) == 10 and _DATE.match(value):
        try:  # the common case first: a training export has tens of thousands of dates
            return date.fromisoformat(value)
        except ValueError:
            pass  # impossible: explained below
    if isinstance(value, datetime):
        raise PydanticCustomError(
            "invalid_date", N_("expected a date (YYYY-MM-DD), not a timestamp")
        )
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise PydanticCustomError(
            "invalid_date", N_("not a date; write it as YYYY-MM-DD, e.g. 2025-03-14")
        )
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise PydanticCustomError("invalid_date", IMPOSSIBLE_DATE, {"reason": str(error)}) from None


def parse_timestamp(value: Any) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise PydanticCustomError("invalid_timestamp", N_("timestamp without UTC offset"))
        _in_range(value.date())
        return value
    text = value.strip() if isinstance(value, str) else ""
    if not _TIMESTAMP.match(text):
        raise PydanticCustomError(
            "invalid_timestamp",
            N_(
                "not a timestamp with UTC offset; write it as 2025-03-14T09:30:00+01:00 "
                "(+01:00 in winter, +02:00 in summer)"
            ),
        )
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise PydanticCustomError(
            "invalid_timestamp", IMPOSSIBLE_TIMESTAMP, {"reason": str(error)}
        ) from None
    _in_range(stamp.date())
    return stamp


def parse_identifier(value: Any) -> str:
    """Identifiers are text. The loader already keeps ``5.10`` as the string "5.10"; this also
    accepts integers from other callers but never a float, which would have lost digits."""
    if value.__class__ is str and (stripped := value.strip()):
        return stripped  # the common case first (two per training row)
    if isinstance(value, bool | float):
        raise PydanticCustomError(
            "invalid_identifier", N_('identifiers are text; quote it, e.g. "5.10"')
        )
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("invalid_identifier", N_("expected a non-empty identifier"))
    return value.strip()


def parse_text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, list | dict):
        raise PydanticCustomError("invalid_text", N_("expected text"))
    return str(value)


# An editor reads YAML 1.2, where an unquoted 5.10 or 2024 is a number; nencheck keeps it as
# the text "5.10" (SPEC: ids stay strings). The schemas accept both, so an editor never marks
# a file that nencheck reads (issue 15).
Identifier = Annotated[
    str,
    BeforeValidator(parse_identifier),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}]}),
]
Text = Annotated[
    str,
    BeforeValidator(parse_text),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "number"}]}),
]
IsoDate = Annotated[
    date,
    BeforeValidator(parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]
Timestamp = Annotated[
    datetime,
    BeforeValidator(parse_timestamp),
    PlainSerializer(lambda t: t.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
DurationField = Annotated[
    Duration,
    BeforeValidator(parse_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {"type": "string", "pattern": r"^\d+[dwmy]$", "examples": ["90d", "6w", "6m", "1y"]}
    ),
]
