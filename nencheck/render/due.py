"""The worklist of ``due`` as rendered: the report value, grouping by owner, and JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from nencheck.checks.due import DueItem
from nencheck.model.types import Duration
from nencheck.render.json_text import json_text


@dataclass(frozen=True)
class DueReport:
    as_of: date
    within: Duration
    items: list[DueItem]
    by_owner: bool = False
    color: bool = False
    width: int | None = None  # text: the columns to fit (None: no limit)

    @property
    def horizon(self) -> date:
        return self.within.after(self.as_of)


def group_by_owner(items: list[DueItem]) -> list[tuple[str | None, list[DueItem]]]:
    """One block per owner (alphabetical, items without an owner last), items in date order."""
    groups: dict[str | None, list[DueItem]] = {}
    for item in items:
        groups.setdefault(item.owner, []).append(item)
    order = sorted(groups, key=lambda owner: (owner is None, (owner or "").casefold()))
    return [(owner, groups[owner]) for owner in order]


def render_json(report: DueReport) -> str:
    document: dict[str, Any] = {
        "as_of": report.as_of.isoformat(),
        "within": str(report.within),
        "until": report.horizon.isoformat(),
        "items": [item.to_json() for item in report.items],
    }
    if report.by_owner:
        document["by_owner"] = [
            {"owner": owner, "items": [item.to_json() for item in items]}
            for owner, items in group_by_owner(report.items)
        ]
    return json_text(document)
