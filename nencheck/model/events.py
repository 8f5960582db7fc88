"""Dates of things that have happened, which cannot lie after today (SPEC, "Evaluation").

A record class names its event dates in ``event_dates`` (``Policy``: ``last_reviewed``,
``approved``; a risk: ``assessed``, ``accepted``; an action: ``done``); nested records (a
policy's reviews, an audit's findings) are walked too, and a completions table by its column.
Only the CLI knows today: it is passed in. One day of slack for time zones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta

from nencheck.errors import DataError
from nencheck.i18n import _
from nencheck.model.base import Record
from nencheck.model.training import CompletionTable

SLACK = timedelta(days=1)


def latest_allowed(today: date) -> date:
    """The last event date accepted on ``today`` (one day of slack for time zones)."""
    return today + SLACK


def latest_event(records: Iterable[object]) -> date | None:
    """The latest event date among the records of one file (None when they hold none): what
    the parse cache keeps per file, so a verdict that depends on today is made at every load."""
    days = [day for _record, _field, day in _events(records, None)]
    return max(days) if days else None


def future_event_errors(records: Iterable[object], today: date) -> list[DataError]:
    """A located ``invalid-date`` error for each event date after today (plus the slack)."""
    limit = latest_allowed(today)
    errors = []
    for record, field, day in _events(records, limit):
        if day > limit:
            line, column = record.origin.at(field)
            errors.append(
                DataError(
                    record.origin.file,
                    line,
                    column,
                    "invalid-date",
                    _(
                        "{field}: {day} lies in the future (today is {today}); it records "
                        "something that has happened, so it cannot be after today: correct the "
                        "date (the year?)"
                    ).format(field=field, day=day.isoformat(), today=today.isoformat()),
                )
            )
    return errors


def _events(records: Iterable[object], after: date | None) -> Iterator[tuple[Record, str, date]]:
    """(record, field, date) of each event date; of a completions table (tens of thousands of
    rows) only its latest row, or with ``after`` the rows after that date."""
    for record in records:
        if isinstance(record, CompletionTable):
            yield from _completion_events(record, after)
        elif isinstance(record, Record):
            yield from _record_events(record)


def _record_events(record: Record) -> Iterator[tuple[Record, str, date]]:
    for field in record.event_dates:
        value = getattr(record, field, None)
        if isinstance(value, datetime):
            yield record, field, value.date()
        elif isinstance(value, date):
            yield record, field, value
    for value in record.__dict__.values():
        if value.__class__ is list and value and isinstance(value[0], Record):
            for item in value:
                yield from _record_events(item)


def _completion_events(
    table: CompletionTable, after: date | None
) -> Iterator[tuple[Record, str, date]]:
    if not len(table):
        return
    if after is None:
        latest = max(table.day)
        yield table[table.day.index(latest)], "completed", date.fromordinal(latest)
        return
    limit = after.toordinal()
    for row, day in enumerate(table.day):
        if day > limit:
            yield table[row], "completed", date.fromordinal(day)
