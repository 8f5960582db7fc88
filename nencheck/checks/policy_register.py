"""The policy register on a date: one row per policy with its next review and state, filtered.

Pure: records and a date in, rows out. The state is ``checks.policies.policy_state``, so the
register, ``status`` and ``check`` cannot disagree.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from nencheck.checks.policies import RETIRED, policy_state
from nencheck.checks.scope import in_unit
from nencheck.model.policy import Policy
from nencheck.model.records import Records
from nencheck.model.types import Duration


@dataclass(frozen=True)
class PolicyRow:
    policy: Policy
    next_review: date | None
    state: str  # ok | due_soon | overdue | draft | retired
    days: int | None  # next_review - as_of (negative when overdue); None for drafts and retired

    def summary_json(self) -> dict[str, Any]:
        """The columns of ``policy list``."""
        policy = self.policy
        return {
            "id": policy.id,
            "title": policy.title,
            "type": policy.type.value,
            "status": policy.status.value,
            "version": policy.version,
            "owner": policy.owner,
            "units": list(policy.units),
            "last_reviewed": _iso(policy.last_reviewed),
            "next_review": _iso(self.next_review),
            "days": self.days,
            "state": self.state,
            "file": policy.origin.file,
        }

    def record_json(self) -> dict[str, Any]:
        """``policy show``: every field of the record, then the computed next_review and state."""
        data = self.policy.model_dump(mode="json", exclude_none=True)
        data["next_review"] = _iso(self.next_review)
        data["state"] = self.state
        data["days"] = self.days
        data["file"] = self.policy.origin.file
        return data


@dataclass(frozen=True)
class PolicyFilter:
    unit: str | None = None  # the unit's own policies and the organisation-wide ones
    owner: str | None = None  # compared case-insensitively
    types: Collection[str] = ()
    states: Collection[str] = ()

    def accepts(self, row: PolicyRow) -> bool:
        policy = row.policy
        return (
            in_unit(policy.units, self.unit)
            and (self.owner is None or policy.owner.casefold() == self.owner.casefold())
            and (not self.types or policy.type.value in self.types)
            and (not self.states or row.state in self.states)
        )


def policy_row(policy: Policy, as_of: date, due_soon: Duration) -> PolicyRow:
    """A retired policy has no next review, whatever its file still says."""
    state, days = policy_state(policy, as_of, due_soon)
    next_review = None if state == RETIRED else policy.next_review_date()
    return PolicyRow(policy, next_review, state, days)


def policy_rows(
    records: Records, as_of: date, wanted: PolicyFilter | None = None
) -> list[PolicyRow]:
    """The register sorted by id; only the rows ``wanted`` accepts."""
    wanted = wanted or PolicyFilter()
    rows = (policy_row(policy, as_of, records.settings.due_soon) for policy in records.policies)
    return sorted((row for row in rows if wanted.accepts(row)), key=lambda row: row.policy.id)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
