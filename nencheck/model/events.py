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
    days = [day for _where, _field, day in _events(records, None)]
    return max(days) if days else None


def future_event_errors(records: Iterable[object], today: date) -> list[DataError]:
    """A located ``invalid-date`` error for each event date after today (plus the slack)."""
    limit = latest_allowed(today)
    errors = []
    for (file, line, column), field, day in _events(records, limit):
        if day > limit:
            errors.append(
                DataError(
                    file,
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


Where = tuple[str, int, int]  # file, line, column


def _events(records: Iterable[object], after: date | None) -> Iterator[tuple[Where, str, date]]:
    """(where, field, date) of each event date; of a completions table (tens of thousands of
    rows) only its latest row, or with ``after`` the rows after that date."""
    for record in records:
        if isinstance(record, CompletionTable):
            yield from _completion_events(record, after)
        elif isinstance(record, Record):
            yield from _record_events(record, "", None)


def _record_events(
    record: Record, label: str, parent: Where | None
) -> Iterator[tuple[Where, str, date]]:
    """A nested record (a policy's review) without an origin of its own is located at the
    parent's list field, and named by its path (``reviews[1].date``)."""
    origin = record.origin
    own = bool(origin.file) or parent is None
    for field in record.event_dates:
        value = getattr(record, field, None)
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            where = (origin.file, *origin.at(field)) if own else parent
            assert where is not None
            yield where, f"{label}{field}" if not own else field, value
    for name, value in record.__dict__.items():
        if value.__class__ is list and value and isinstance(value[0], Record):
            at = (origin.file, *origin.at(name)) if own else parent
            for index, item in enumerate(value):
                yield from _record_events(item, f"{label}{name}[{index}].", at)


def _completion_events(
    table: CompletionTable, after: date | None
) -> Iterator[tuple[Where, str, date]]:
    if not len(table):
        return
    rows = (
        [table.day.index(max(table.day))]
        if after is None
        else [row for row, day in enumerate(table.day) if day > after.toordinal()]
    )
    for row in rows:
        origin = table[row].origin
        yield (origin.file, *origin.at("completed")), "completed", date.fromordinal(table.day[row])
