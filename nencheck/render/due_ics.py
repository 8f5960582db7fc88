"""``due --format ics``: one all-day event per item, so owners can subscribe to their list.

The output is reproducible: each event's UID is ``<kind>-<id>@nencheck`` (stable across runs, so
a calendar updates the event instead of adding a copy) and DTSTAMP is midnight UTC of the
evaluation date, not the time the command ran.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from nencheck.checks.due import DueItem
from nencheck.i18n import _
from nencheck.render.due import DueReport
from nencheck.render.due_text import days_words
from nencheck.render.labels import due_kind_label, policy_state_label

PRODID = "-//nencheck//due list//EN"


def uid(item: DueItem) -> str:
    """A stable UID from kind and id: the same item keeps its event from run to run."""
    return f"{item.kind}-{item.id}@nencheck"


def render(report: DueReport) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("nencheck: due list"))
    stamp = datetime.combine(report.as_of, time(0), tzinfo=UTC)
    for item in report.items:
        event = Event()
        event.add("uid", uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        event.add("summary", f"{due_kind_label(item.kind)} {item.id}: {item.title}")
        event.add("description", _description(item, report))
        event.add("categories", [item.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _description(item: DueItem, report: DueReport) -> str:
    lines = [
        _("{state} on {date}: {days}").format(
            state=policy_state_label(item.state),
            date=report.as_of.isoformat(),
            days=days_words(item.days, item.state),
        ),
        _("Owner: {owner}").format(owner=item.owner or "—"),
        _("Units: {units}").format(units=", ".join(item.units)),
    ]
    return "\n".join(lines)
