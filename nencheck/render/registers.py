"""The findings and incident registers as text tables, JSON and CSV (``finding list``,
``incident list``). CSV is written like the SoA's: semicolons and a BOM, for Excel."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from nencheck.checks.incidents import stamp
from nencheck.checks.registers import FindingRow, IncidentRow
from nencheck.i18n import _, ngettext
from nencheck.render.csv_cells import csv_document
from nencheck.render.dates import prose_day
from nencheck.render.json_text import json_text
from nencheck.render.labels import (
    finding_status_label,
    incident_kind_label,
    incident_status_label,
    severity_label,
)
from nencheck.render.layout import CUT, WRAP, Column, table_lines, wrap


def table_text(
    columns: Sequence[Column | str], rows: Sequence[Sequence[str]], width: int | None = None
) -> str:
    """A table that fits ``width`` (``render.layout``); a plain header is a column kept whole."""
    shaped = [column if isinstance(column, Column) else Column(column) for column in columns]
    return "\n".join(table_lines(shaped, rows, width)) + "\n"


def table_csv(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    return csv_document(headers, rows)


def to_json(document: object) -> str:
    return json_text(document)


# --- findings ---------------------------------------------------------------------------------

FINDING_CSV_COLUMNS = (
    "id",
    "audit",
    "severity",
    "status",
    "owner",
    "due",
    "days",
    "overdue",
    "controls",
    "closed",
    "title",
)


def findings_json(rows: Sequence[FindingRow], as_of: date) -> str:
    return to_json({"as_of": as_of.isoformat(), "findings": [row.to_json() for row in rows]})


def findings_csv(rows: Sequence[FindingRow], as_of: date) -> str:
    body = []
    for row in rows:
        data = row.to_json()
        body.append(
            [
                data["id"],
                data["audit"],
                data["severity"],
                data["status"],
                data["owner"],
                data["due"],
                "" if data["days"] is None else str(data["days"]),
                "true" if data["overdue"] else "false",
                ", ".join(data["controls"]),
                data["closed"] or "",
                data["title"],
            ]
        )
    return table_csv(FINDING_CSV_COLUMNS, body)


def findings_text(rows: Sequence[FindingRow], as_of: date, width: int | None = None) -> str:
    if not rows:
        return _("No findings match on {date}.").format(date=prose_day(as_of)) + "\n"
    headers = [
        Column(_("ID")),
        Column(_("AUDIT"), drop=5),
        Column(_("SEVERITY"), shrink=CUT, drop=3, min_width=10),
        Column(_("STATUS"), drop=6),  # the state says it too
        Column(_("OWNER"), shrink=CUT, drop=2, min_width=14),
        Column(_("DUE"), drop=4),
        Column(_("STATE")),
        Column(_("TITLE"), shrink=WRAP, min_width=26),
    ]
    body = [
        [
            row.finding.id,
            row.audit.id,
            severity_label(row.finding.severity),
            finding_status_label(row.finding.status),
            row.finding.owner,
            row.finding.due.isoformat(),
            _finding_state(row),
            row.finding.title,
        ]
        for row in rows
    ]
    open_count = sum(1 for row in rows if row.finding.is_open)
    overdue = sum(1 for row in rows if row.overdue)
    summary = _("{count} finding(s), {open} open, {overdue} overdue on {date}").format(
        count=len(rows), open=open_count, overdue=overdue, date=prose_day(as_of)
    )
    return table_text(headers, body, width) + "\n".join(wrap(summary, width, "  ")) + "\n"


def _finding_state(row: FindingRow) -> str:
    finding = row.finding
    if finding.closed is not None:
        return _("closed {date}").format(date=finding.closed.isoformat())
    if row.days is None:
        return finding_status_label(finding.status)
    if row.days < 0:
        return ngettext("{count} day overdue", "{count} days overdue", -row.days).format(
            count=-row.days
        )
    if row.days == 0:
        return _("due today")
    return ngettext("due in {count} day", "due in {count} days", row.days).format(count=row.days)


# --- incidents --------------------------------------------------------------------------------

INCIDENT_CSV_COLUMNS = (
    "id",
    "kind",
    "status",
    "reported",
    "units",
    "deadline",
    "authority_notified",
    "late",
    "hours_left",
    "closed",
    "title",
)


def incidents_json(rows: Sequence[IncidentRow], as_of: date) -> str:
    return to_json({"as_of": as_of.isoformat(), "incidents": [row.to_json(as_of) for row in rows]})


def incidents_csv(rows: Sequence[IncidentRow], as_of: date) -> str:
    body = []
    for row in rows:
        data = row.to_json(as_of)
        late = "" if data["late"] is None else ("true" if data["late"] else "false")
        hours = "" if data["hours_left"] is None else str(data["hours_left"])
        body.append(
            [
                data["id"],
                data["kind"],
                data["status"],
                data["reported"],
                ", ".join(data["units"]),
                data["deadline"] or "",
                data["authority_notified"] or "",
                late,
                hours,
                data["closed"] or "",
                data["title"],
            ]
        )
    return table_csv(INCIDENT_CSV_COLUMNS, body)


def incidents_text(rows: Sequence[IncidentRow], as_of: date, width: int | None = None) -> str:
    if not rows:
        return _("No incidents match on {date}.").format(date=prose_day(as_of)) + "\n"
    headers = [
        Column(_("ID")),
        Column(_("KIND"), shrink=CUT, drop=1, min_width=10),
        Column(_("STATUS"), drop=2),
        Column(_("REPORTED"), drop=3),
        Column(_("NOTIFICATION"), shrink=WRAP, min_width=20),
        Column(_("TITLE"), shrink=WRAP, min_width=24),
    ]
    body = [
        [
            row.incident.id,
            incident_kind_label(row.incident.kind),
            incident_status_label(row.incident.status),
            stamp(row.incident.reported),
            notification_text(row, as_of),
            row.incident.title,
        ]
        for row in rows
    ]
    waiting = sum(1 for row in rows if row.waiting)
    summary = _(
        "{count} incident(s), {open} open, {waiting} awaiting notification on {date}"
    ).format(
        count=len(rows),
        open=sum(1 for row in rows if row.incident.is_open),
        waiting=waiting,
        date=prose_day(as_of),
    )
    return table_text(headers, body, width) + "\n".join(wrap(summary, width, "  ")) + "\n"


def notification_text(row: IncidentRow, as_of: date) -> str:
    """The deadline as a countdown in days while waiting; afterwards, when it was notified."""
    found = row.deadline
    if found is None:
        return "—"
    deadline = stamp(found.deadline)
    if found.notified is not None:
        when = stamp(found.notified)
        if found.late:
            return _("notified {when}: late (deadline {deadline})").format(
                when=when, deadline=deadline
            )
        return _("notified {when}: on time").format(when=when)
    if not found.late:
        days = (found.due - as_of).days
        if days == 0:
            return _("deadline {deadline}: today").format(deadline=deadline)
        return ngettext(
            "deadline {deadline}: in {count} day", "deadline {deadline}: in {count} days", days
        ).format(deadline=deadline, count=days)
    if row.incident.is_open:
        return _("LATE: deadline {deadline} has passed").format(deadline=deadline)
    return _("never notified (deadline {deadline})").format(deadline=deadline)
