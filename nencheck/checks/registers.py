"""The findings and incident registers as listed on a date: filters, days left, deadlines.

Pure: records and a date in, rows out. Overdue means what the rule ``finding-overdue`` means;
the notification deadlines are those of ``checks.incidents``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from nencheck.checks.findings import is_overdue
from nencheck.checks.incidents import Deadline, deadline_on, stamp
from nencheck.model.audit import Audit, Finding
from nencheck.model.incident import Incident
from nencheck.model.records import Records


@dataclass(frozen=True)
class FindingRow:
    audit: Audit
    finding: Finding
    days: int | None  # due - as_of for open findings (negative when overdue), else None
    overdue: bool

    def to_json(self) -> dict[str, Any]:
        finding = self.finding
        return {
            "id": finding.id,
            "audit": self.audit.id,
            "title": finding.title,
            "severity": finding.severity.value,
            "status": finding.status.value,
            "owner": finding.owner,
            "controls": list(finding.controls),
            "due": finding.due.isoformat(),
            "days": self.days,
            "overdue": self.overdue,
            "closed": finding.closed.isoformat() if finding.closed else None,
            "resolution": finding.resolution,
            "evidence": list(finding.evidence),
            "file": finding.origin.file,
            "line": finding.origin.line,
        }


@dataclass(frozen=True)
class FindingFilter:
    statuses: Collection[str] = ()
    severities: Collection[str] = ()
    owner: str | None = None  # compared case-insensitively
    control: str | None = None
    overdue: bool = False

    def accepts(self, finding: Finding, overdue: bool) -> bool:
        if self.statuses and finding.status.value not in self.statuses:
            return False
        if self.severities and finding.severity.value not in self.severities:
            return False
        if self.owner and finding.owner.casefold() != self.owner.casefold():
            return False
        if self.control and self.control not in finding.controls:
            return False
        return overdue or not self.overdue


def finding_rows(records: Records, as_of: date, chosen: FindingFilter) -> list[FindingRow]:
    """Findings across all audits, sorted by due date then id."""
    rows = []
    for audit, finding in records.findings():
        overdue = is_overdue(finding, as_of)
        if not chosen.accepts(finding, overdue):
            continue
        days = (finding.due - as_of).days if finding.is_open else None
        rows.append(FindingRow(audit, finding, days, overdue))
    return sorted(rows, key=lambda row: (row.finding.due, row.finding.id))


@dataclass(frozen=True)
class IncidentRow:
    incident: Incident
    deadline: Deadline | None  # breaches and calamities reported on or before the date

    @property
    def waiting(self) -> bool:
        """Open and not yet notified: the deadline is a countdown (or already passed)."""
        return (
            self.deadline is not None and self.incident.is_open and self.deadline.notified is None
        )

    def to_json(self, as_of: date) -> dict[str, Any]:
        incident = self.incident
        data: dict[str, Any] = {
            "id": incident.id,
            "title": incident.title,
            "kind": incident.kind.value,
            "status": incident.status.value,
            "reported": stamp(incident.reported),
            "units": list(incident.units),
            "controls": list(incident.controls),
            "owner": incident.owner,
            "authority_notified": stamp(incident.authority_notified)
            if incident.authority_notified
            else None,
            "closed": incident.closed.isoformat() if incident.closed else None,
            "deadline": None,
            "hours_left": None,
            "late": None,
            "file": incident.origin.file,
        }
        if self.deadline is not None:
            data.update(
                deadline=stamp(self.deadline.deadline),
                late=self.deadline.late,
                hours_left=self.deadline.hours_left if self.waiting else None,
            )
        return data


def incident_rows(
    records: Records, as_of: date, statuses: Collection[str] = (), kinds: Collection[str] = ()
) -> list[IncidentRow]:
    """Incidents, newest report first."""
    rows = [
        IncidentRow(incident, deadline_on(incident, as_of))
        for incident in records.incidents
        if (not statuses or incident.status.value in statuses)
        and (not kinds or incident.kind.value in kinds)
    ]
    return sorted(rows, key=lambda row: (row.incident.reported, row.incident.id), reverse=True)
