"""The figures of the management-review report on a date.

The summary figures are ``status_summary`` itself (so the report and ``status --format json``
cannot disagree); this module adds what a review meeting looks at besides: reviews per month
ahead, open findings by age, incidents of the past year, and the overdue work per owner.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from nencheck.checks.due import DueItem, due_items
from nencheck.checks.figures import StatusFigures
from nencheck.checks.findings import is_overdue
from nencheck.checks.incidents import Deadline, deadlines, in_late_scope, open_deadlines
from nencheck.checks.policies import OVERDUE, policy_state
from nencheck.checks.risk_review import RiskReview, risk_review
from nencheck.checks.soa import SoaRow, soa_rows
from nencheck.checks.summary import status_summary
from nencheck.model.audit import Severity
from nencheck.model.history import Assessment
from nencheck.model.records import Records
from nencheck.model.types import add_months

MONTHS_AHEAD = 12
# Age of an open finding (days since its audit): up to 3 months, 6 months, a year, older.
AGE_BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("up_to_3m", 91),
    ("up_to_6m", 183),
    ("up_to_1y", 366),
    ("over_1y", None),
)


@dataclass(frozen=True)
class MonthCount:
    month: date  # the first day of the month
    count: int
    ids: list[str]


@dataclass(frozen=True)
class OpenFinding:
    id: str
    title: str
    audit: str
    severity: str
    status: str
    owner: str
    due: date
    overdue: bool
    days: int  # until due; negative when overdue
    age: int  # days since the audit
    age_bucket: str


@dataclass(frozen=True)
class OwnerWork:
    owner: str
    items: list[DueItem]


@dataclass(frozen=True)
class ManagementReview:
    as_of: date
    status: StatusFigures  # its to_json() is exactly ``status --format json``
    soa: list[SoaRow]
    reviews_by_month: list[MonthCount]
    open_findings: list[OpenFinding]
    findings_by_age: dict[str, dict[str, int]]  # severity -> age bucket -> open findings
    incidents_last_year: dict[str, int]  # kind -> incidents reported in the past 12 months
    notifications: list[Deadline]  # breaches and calamities open or of the past 12 months
    pending_notifications: list[Deadline]
    overdue_by_owner: list[OwnerWork]  # policies, findings, evidence, incidents (not training)
    training_overdue_by_unit: dict[str, int]
    risks: RiskReview | None = None


def management_review(
    records: Records,
    as_of: date,
    risk_history: Mapping[str, Sequence[Assessment]] | None = None,
) -> ManagementReview:
    """``risk_history``: each risk file's assessments from git (``store.git.history``), for the
    movement of the risks since their previous assessment."""
    findings = open_findings(records, as_of)
    year_ago = add_months(as_of, -MONTHS_AHEAD)
    recent = [i for i in records.incidents if year_ago < i.reported.date() <= as_of]
    notifications = [d for d in deadlines(records, as_of) if in_late_scope(d.incident, as_of)]
    overdue = [
        item
        for item in due_items(records, as_of, records.settings.due_soon)
        if item.state == OVERDUE
    ]
    training = Counter(item.owner or "" for item in overdue if item.kind == "training")
    return ManagementReview(
        as_of=as_of,
        status=status_summary(records, as_of),
        soa=soa_rows(records),
        reviews_by_month=reviews_by_month(records, as_of),
        open_findings=findings,
        findings_by_age=_by_age(findings),
        incidents_last_year=dict(sorted(Counter(i.kind.value for i in recent).items())),
        notifications=notifications,
        pending_notifications=open_deadlines(records, as_of),
        overdue_by_owner=_per_owner([item for item in overdue if item.kind != "training"]),
        training_overdue_by_unit=dict(training),
        risks=risk_review(records, as_of, risk_history) if records.risks else None,
    )


def reviews_by_month(records: Records, as_of: date) -> list[MonthCount]:
    """Active policies whose next review falls in each of the coming 12 calendar months (this
    month from ``as_of`` on); reviews already overdue are counted in ``status`` instead."""
    first = as_of.replace(day=1)
    months = [add_months(first, offset) for offset in range(MONTHS_AHEAD)]
    found: dict[date, list[str]] = {month: [] for month in months}
    for policy in records.policies:
        state, _days = policy_state(policy, as_of, records.settings.due_soon)
        due = policy.next_review_date()
        if state == OVERDUE or due is None or due < as_of:
            continue
        month = due.replace(day=1)
        if month in found:
            found[month].append(policy.id)
    return [MonthCount(month, len(ids), sorted(ids)) for month, ids in found.items()]


def open_findings(records: Records, as_of: date) -> list[OpenFinding]:
    """Open and in-progress findings, most severe first, then by due date."""
    rank = {severity.value: index for index, severity in enumerate(Severity)}
    rows = []
    for audit, finding in records.findings():
        if not finding.is_open:
            continue
        age = (as_of - audit.date).days
        rows.append(
            OpenFinding(
                id=finding.id,
                title=finding.title,
                audit=audit.id,
                severity=finding.severity.value,
                status=finding.status.value,
                owner=finding.owner,
                due=finding.due,
                overdue=is_overdue(finding, as_of),
                days=(finding.due - as_of).days,
                age=age,
                age_bucket=age_bucket(age),
            )
        )
    return sorted(rows, key=lambda row: (rank.get(row.severity, 99), row.due, row.id))


def age_bucket(age: int) -> str:
    for name, below in AGE_BUCKETS:
        if below is None or age < below:
            return name
    return AGE_BUCKETS[-1][0]


def _by_age(findings: list[OpenFinding]) -> dict[str, dict[str, int]]:
    table = {severity.value: {name: 0 for name, _below in AGE_BUCKETS} for severity in Severity}
    for finding in findings:
        table.setdefault(finding.severity, {name: 0 for name, _below in AGE_BUCKETS})
        table[finding.severity][finding.age_bucket] += 1
    return table


def _per_owner(items: list[DueItem]) -> list[OwnerWork]:
    """Owners with the most overdue work first; each owner's items oldest first."""
    grouped: dict[str, list[DueItem]] = {}
    for item in items:
        grouped.setdefault(item.owner or "", []).append(item)
    ordered = sorted(grouped.items(), key=lambda pair: (-len(pair[1]), pair[0].casefold()))
    return [OwnerWork(owner, sorted(work, key=lambda i: (i.due, i.id))) for owner, work in ordered]
