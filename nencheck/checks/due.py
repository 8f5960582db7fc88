"""The worklist of ``nencheck due``: what is overdue or falls due within a window, by date.

Each kind uses the same predicates as its rule, so an overdue item here is a problem in
``check``. Training items belong to the person's unit (``owner`` is the unit id: the unit's
manager follows up; personnel numbers, not names, identify people), and are due when their last
completion expires, or from the fixed date the module became required when it was never
completed (``training.required_since``), never "today".
Incidents appear while open and not yet notified, due on their notification deadline.

``days`` always agrees with ``state``: overdue items have days < 0, and an item due on the
evaluation date is due soon with days 0 (SPEC "Evaluation"). A notification deadline that passed
during the evaluation day (the date is read as its end) is overdue by a part of a day: days -1.
Risks (kind ``risk``) bring two items: an open risk's next assessment (its owner reviews it)
and each open action of an open risk (the action's owner).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from nencheck.checks.evidence import is_expired
from nencheck.checks.incidents import open_deadlines
from nencheck.checks.policies import DUE_SOON, OVERDUE, policy_state
from nencheck.checks.risks import action_overdue, review_overdue
from nencheck.checks.scope import days_between, in_unit
from nencheck.checks.training import assignment_due, assignments
from nencheck.i18n import _
from nencheck.model.records import Records
from nencheck.model.types import Duration


class DueKind(StrEnum):
    """What a worklist item is; ``--kind`` takes these values, render/labels.py names them."""

    POLICY = "policy"
    FINDING = "finding"
    EVIDENCE = "evidence"
    TRAINING = "training"
    INCIDENT = "incident"
    RISK = "risk"


KINDS = tuple(DueKind)


@dataclass(frozen=True)
class DueItem:
    kind: str
    id: str
    title: str
    owner: str | None
    units: list[str] = field(hash=False)
    due: date
    days: int  # negative when overdue
    state: str  # "overdue" | "due_soon"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "owner": self.owner,
            "units": list(self.units),
            "due": self.due.isoformat(),
            "days": self.days,
            "state": self.state,
        }


def due_items(
    records: Records,
    as_of: date,
    within: Duration,
    kinds: Iterable[str] | None = None,
    owner: str | None = None,
    unit: str | None = None,
) -> list[DueItem]:
    """Overdue items and items due on or before ``as_of + within``, sorted by date, then id."""
    horizon = within.after(as_of)
    wanted = set(kinds or KINDS)
    collectors = {
        "policy": _policies,
        "finding": _findings,
        "evidence": _evidence,
        "training": _training,
        "incident": _incidents,
        "risk": _risks,
    }
    items: list[DueItem] = []
    for kind in KINDS:
        if kind in wanted:
            items.extend(collectors[kind](records, as_of, horizon))
    chosen = [
        item
        for item in items
        if (owner is None or (item.owner or "").casefold() == owner.casefold())
        and in_unit(item.units, unit)
    ]
    return sorted(chosen, key=lambda item: (item.due, item.id, item.kind))


def _state(days: int) -> str:
    return OVERDUE if days < 0 else DUE_SOON


def _policies(records: Records, as_of: date, horizon: date) -> list[DueItem]:
    items = []
    for policy in records.policies:
        _state_now, days = policy_state(policy, as_of, records.settings.due_soon)
        due = policy.next_review_date()
        if days is None or due is None or due > horizon:
            continue
        items.append(
            DueItem(
                "policy",
                policy.id,
                policy.title,
                policy.owner,
                list(policy.units),
                due,
                days,
                _state(days),
            )
        )
    return items


def _findings(records: Records, as_of: date, horizon: date) -> list[DueItem]:
    items = []
    for audit, finding in records.findings():
        if not finding.is_open or finding.due > horizon:
            continue
        days = days_between(finding.due, as_of)
        items.append(
            DueItem(
                "finding",
                finding.id,
                finding.title,
                finding.owner,
                list(audit.units),
                finding.due,
                days,
                _state(days),
            )
        )
    return items


def _evidence(records: Records, as_of: date, horizon: date) -> list[DueItem]:
    items = []
    for item in records.evidence:
        until = item.valid_until_date()
        if until > horizon:
            continue
        state = OVERDUE if is_expired(item, as_of) else DUE_SOON
        items.append(
            DueItem(
                "evidence",
                item.id,
                item.title,
                item.owner,
                list(item.units),
                until,
                days_between(until, as_of),
                state,
            )
        )
    return items


def _training(records: Records, as_of: date, horizon: date) -> list[DueItem]:
    items = []
    for assignment in assignments(records, as_of):
        due = assignment_due(records, assignment, as_of)
        if due > horizon:
            continue
        person, module = assignment.person, assignment.module
        days = days_between(due, as_of)
        items.append(
            DueItem(
                "training",
                assignment.key,
                module.title,
                person.unit,
                [person.unit],
                due,
                days,
                _state(days),
            )
        )
    return items


def _incidents(records: Records, as_of: date, horizon: date) -> list[DueItem]:
    items = []
    for found in open_deadlines(records, as_of):
        if found.due > horizon and not found.late:
            continue
        incident = found.incident
        items.append(
            DueItem(
                "incident",
                incident.id,
                incident.title,
                incident.owner,
                list(incident.units),
                found.due,
                _incident_days(found.due, as_of, found.late),
                OVERDUE if found.late else DUE_SOON,
            )
        )
    return items


def _risks(records: Records, as_of: date, horizon: date) -> list[DueItem]:
    items = []
    for risk in records.risks:
        if not risk.is_open:
            continue
        review = risk.next_assessment()
        if review <= horizon:
            days = days_between(review, as_of)
            state = OVERDUE if review_overdue(risk, as_of) else DUE_SOON
            title = _("Risk review: {title}").format(title=risk.title)
            items.append(
                DueItem("risk", risk.id, title, risk.owner, list(risk.units), review, days, state)
            )
        for action in risk.actions:
            if not action.is_open or action.due > horizon:
                continue
            state = OVERDUE if action_overdue(risk, action, as_of) else DUE_SOON
            items.append(
                DueItem(
                    "risk",
                    action.id,
                    action.title,
                    action.owner,
                    list(risk.units),
                    action.due,
                    days_between(action.due, as_of),
                    state,
                )
            )
    return items


def _incident_days(due: date, as_of: date, late: bool) -> int:
    """Days to the deadline; a late one is at least a (part of a) day past (module docstring)."""
    days = days_between(due, as_of)
    return min(days, -1) if late else days
