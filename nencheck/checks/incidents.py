"""Notification deadlines of incidents: breach-notification-late and calamity-report-late.

- A data breach must be notified to the Autoriteit Persoonsgegevens within 72 hours of
  ``reported`` (AVG art. 33): notified at exactly 72 hours is on time, one minute later is late.
- A calamity must be reported to the IGJ within 3 working days: the deadline is the end of the
  third working day after the day it was reported (weekends and Dutch public holidays excluded,
  see ``workdays``).

The evaluation date has no time of day. It is read as the *end* of that day in Dutch time: an
unnotified breach is late on the date by the end of which 72 hours have passed, and a
notification counts when it was made on or before that day. Incidents reported after the
evaluation date are not judged yet.

The two rules, and the late figures of ``status`` and the report, judge an incident while it is
open or was reported within the last 12 months (SPEC "Evaluation"): a breach closed in 2025 stays
in the register with its late notification, but is no longer a problem in every CI run. The 12
months include their first day: on 2026-11-23 an incident reported on 2025-11-23 still counts.

Deadlines are expressed in Dutch time (Europe/Amsterdam) when the system knows that zone: a
breach reported at 10:00 summer time on the Friday before the clocks go back is due at 09:00
winter time on Monday, and a calamity's third working day ends at midnight Dutch time, whatever
the offset of ``reported``. Without zone data the offset of ``reported`` is used.

Moments are compared and subtracted in UTC: on two times in the same zone with summer time,
Python's ``-`` and ``<`` work on the wall clock and would be an hour off across the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from nencheck.checks.problem import Problem
from nencheck.checks.workdays import add_working_days
from nencheck.i18n import _
from nencheck.model.incident import Incident, IncidentKind
from nencheck.model.records import Records
from nencheck.model.types import add_months

try:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    DUTCH_TIME: tzinfo | None = ZoneInfo("Europe/Amsterdam")
except (ImportError, ZoneInfoNotFoundError):  # no tz database (some Windows installs)
    DUTCH_TIME = None

BREACH_HOURS = 72
CALAMITY_WORKING_DAYS = 3
LATE_SCOPE_MONTHS = 12
BREACH_RULE = "breach-notification-late"
CALAMITY_RULE = "calamity-report-late"


@dataclass(frozen=True)
class Deadline:
    """The notification deadline of one incident as it stands on the evaluation date."""

    incident: Incident
    rule: str  # the rule that judges it: BREACH_RULE or CALAMITY_RULE
    deadline: datetime  # the last moment that is on time, in Dutch time
    notified: datetime | None  # authority_notified, when made on or before the evaluation date
    late: bool
    remaining: timedelta  # deadline - end of the evaluation date; negative once passed

    @property
    def due(self) -> date:
        return self.deadline.date()

    @property
    def hours_left(self) -> float:
        return round(self.remaining.total_seconds() / 3600, 1)

    def to_json(self, as_of: date) -> dict[str, object]:
        return {
            "id": self.incident.id,
            "kind": self.incident.kind.value,
            "rule": self.rule,
            "title": self.incident.title,
            "owner": self.incident.owner,
            "units": list(self.incident.units),
            "status": self.incident.status.value,
            "reported": stamp(self.incident.reported),
            "deadline": stamp(self.deadline),
            "due": self.due.isoformat(),
            "days": (self.due - as_of).days,
            "notified": stamp(self.notified) if self.notified else None,
            "late": self.late,
            "hours_left": self.hours_left,
        }


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def end_of_day(day: date, like: datetime) -> datetime:
    """The last moment of ``day`` in Dutch time (without zone data: in the offset of ``like``)."""
    return datetime.combine(day, time.max, tzinfo=DUTCH_TIME or like.tzinfo)


def deadline_of(incident: Incident) -> tuple[str, datetime] | None:
    """(rule, last moment on time) for breaches and calamities; None for other kinds."""
    reported = incident.reported
    if incident.kind == IncidentKind.DATA_BREACH:
        # In UTC: adding hours to a time in a zone with summer time is wall-clock arithmetic.
        deadline = reported.astimezone(UTC) + timedelta(hours=BREACH_HOURS)
        return BREACH_RULE, deadline.astimezone(DUTCH_TIME or reported.tzinfo)
    if DUTCH_TIME is not None:
        reported = reported.astimezone(DUTCH_TIME)
    if incident.kind == IncidentKind.CALAMITY:
        last_day = add_working_days(reported.date(), CALAMITY_WORKING_DAYS)
        return CALAMITY_RULE, end_of_day(last_day, reported)
    return None


def deadline_on(incident: Incident, as_of: date) -> Deadline | None:
    """The incident's deadline judged on ``as_of``; None when it has none or is not yet reported."""
    found = deadline_of(incident)
    moment = _utc(end_of_day(as_of, incident.reported))
    if found is None or _utc(incident.reported) > moment:
        return None
    rule, deadline = found
    notified = incident.authority_notified
    if notified is not None and _utc(notified) > moment:
        notified = None  # made after the evaluation date: not yet done on that date
    late = _utc(notified or moment) > _utc(deadline)
    return Deadline(incident, rule, deadline, notified, late, _utc(deadline) - moment)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def deadlines(records: Records, as_of: date) -> list[Deadline]:
    """Every breach and calamity reported on or before ``as_of``, with its deadline."""
    found = [deadline_on(incident, as_of) for incident in records.incidents]
    return sorted((d for d in found if d is not None), key=lambda d: (d.deadline, d.incident.id))


def open_deadlines(records: Records, as_of: date) -> list[Deadline]:
    """Open incidents still waiting for their notification: the countdowns of status and due."""
    return [d for d in deadlines(records, as_of) if d.incident.is_open and d.notified is None]


def in_late_scope(incident: Incident, as_of: date) -> bool:
    """Open, or reported on or after the same day 12 months before ``as_of``."""
    return incident.is_open or incident.reported.date() >= add_months(as_of, -LATE_SCOPE_MONTHS)


def late_deadlines(records: Records, as_of: date) -> list[Deadline]:
    """The late notifications the rules and figures judge: within the 12-month scope."""
    return [d for d in deadlines(records, as_of) if d.late and in_late_scope(d.incident, as_of)]


def rule_breach_notification_late(records: Records, as_of: date) -> list[Problem]:
    return [_problem(d, as_of) for d in late_deadlines(records, as_of) if d.rule == BREACH_RULE]


def rule_calamity_report_late(records: Records, as_of: date) -> list[Problem]:
    return [_problem(d, as_of) for d in late_deadlines(records, as_of) if d.rule == CALAMITY_RULE]


def _problem(found: Deadline, as_of: date) -> Problem:
    incident = found.incident
    values = {
        "reported": stamp(incident.reported),
        "deadline": stamp(found.deadline),
        "due": found.due,
        "as_of": as_of,
        "notified": stamp(found.notified) if found.notified else "",
        "after": span(found.notified - incident.reported) if found.notified else "",
    }
    if found.rule == BREACH_RULE and found.notified:
        text = _(
            "data breach reported {reported} was notified to the Autoriteit Persoonsgegevens "
            "{notified}, {after} later: more than 72 hours (deadline {deadline})"
        )
    elif found.rule == BREACH_RULE:
        text = _(
            "data breach reported {reported} is not notified to the Autoriteit "
            "Persoonsgegevens on {as_of}; the 72 hours ended {deadline}"
        )
    elif found.notified:
        text = _(
            "calamity reported {reported} was reported to the IGJ {notified}, after the end "
            "of the third working day ({due})"
        )
    else:
        text = _(
            "calamity reported {reported} is not reported to the IGJ on {as_of}; the third "
            "working day ended {due}"
        )
    field = "authority_notified" if found.notified else "reported"
    line, column = incident.origin.at(field)
    return Problem(
        rule=found.rule,
        id=incident.id,
        file=incident.origin.file,
        line=line,
        column=column,
        message=text.format(**values),
        details={
            "title": incident.title,
            "owner": incident.owner,
            "units": list(incident.units),
            "kind": incident.kind.value,
            "deadline": stamp(found.deadline),
            "due": found.due.isoformat(),
            "days": (found.due - as_of).days,
            "notified": stamp(found.notified) if found.notified else None,
        },
    )


def span(delta: timedelta) -> str:
    """A duration as hours and minutes: '72:01 h'."""
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d} h"
