"""Audit findings on a date: the rule finding-overdue."""

from __future__ import annotations

from datetime import date

from nencheck.checks.problem import Problem
from nencheck.checks.scope import days_between
from nencheck.i18n import ngettext
from nencheck.model.audit import Finding, FindingStatus, Severity
from nencheck.model.labels import record_label
from nencheck.model.records import Records


def is_overdue(finding: Finding, as_of: date) -> bool:
    """Open or in progress and past its due date; due on ``as_of`` itself is not yet overdue."""
    return finding.is_open and finding.due < as_of


def rule_finding_overdue(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for audit, finding in records.findings():
        if not is_overdue(finding, as_of):
            continue
        late = -days_between(finding.due, as_of)
        line, column = finding.origin.at("due")
        message = ngettext(
            "{severity} finding of {audit} is {status}, due {due}: {count} day overdue on {as_of}",
            "{severity} finding of {audit} is {status}, due {due}: {count} days overdue on {as_of}",
            late,
        ).format(
            severity=record_label(Severity, finding.severity),
            audit=audit.id,
            status=record_label(FindingStatus, finding.status).lower(),
            due=finding.due,
            count=late,
            as_of=as_of,
        )
        problems.append(
            Problem(
                rule="finding-overdue",
                id=finding.id,
                file=finding.origin.file,
                line=line,
                column=column,
                message=message,
                details={
                    "title": finding.title,
                    "owner": finding.owner,
                    "units": list(audit.units),
                    "audit": audit.id,
                    "severity": finding.severity.value,
                    "due": finding.due.isoformat(),
                    "days": -late,
                },
            )
        )
    return problems
