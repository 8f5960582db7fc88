"""The risk register on a date: rows for ``risk list`` (with its filters), the heat map of
``risk matrix``, and a risk's assessments over time. Pure: records in, values out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nencheck.checks.risks import (
    Rating,
    action_overdue,
    excluded_controls,
    is_above_appetite,
    rating,
    review_overdue,
)
from nencheck.checks.scope import in_unit
from nencheck.model.history import Assessment
from nencheck.model.records import Records
from nencheck.model.risk import Risk
from nencheck.model.settings import RiskCriteria


@dataclass(frozen=True)
class RiskFilter:
    levels: Sequence[str] = ()
    owner: str | None = None
    unit: str | None = None
    treatments: Sequence[str] = ()
    above_appetite: bool = False
    include_closed: bool = False

    def accepts(self, risk: Risk, row: RiskRow) -> bool:
        return (
            (self.include_closed or risk.is_open)
            and (not self.levels or row.current.level in self.levels)
            and (self.owner is None or risk.owner.casefold() == self.owner.casefold())
            and in_unit(risk.units, self.unit)
            and (not self.treatments or risk.treatment.value in self.treatments)
            and (not self.above_appetite or row.above_appetite)
        )


@dataclass(frozen=True)
class RiskRow:
    risk: Risk
    current: Rating
    target: Rating | None
    above_appetite: bool
    next_assessment: date
    review_overdue: bool
    actions_overdue: list[str] = field(default_factory=list)
    excluded_controls: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.risk.id

    def to_json(self) -> dict[str, Any]:
        risk = self.risk
        return {
            "id": risk.id,
            "title": risk.title,
            "owner": risk.owner,
            "units": list(risk.units),
            "current": self.current.to_json(),
            "target": self.target.to_json() if self.target else None,
            "treatment": risk.treatment.value,
            "controls": list(risk.controls),
            "status": risk.status.value,
            "next_assessment": self.next_assessment.isoformat(),
            "actions": [
                {**action.model_dump(mode="json", exclude_none=True), "overdue": overdue}
                for action in risk.actions
                for overdue in [action.id in self.actions_overdue]
            ],
            "assessed": risk.assessed.isoformat(),
            "above_appetite": self.above_appetite,
            "review_overdue": self.review_overdue,
            "accepted_by": risk.accepted_by,
            "accepted": risk.accepted.isoformat() if risk.accepted else None,
            "affects": [value.value for value in risk.affects],
        }


def risk_row(records: Records, risk: Risk, as_of: date) -> RiskRow:
    criteria = records.settings.risk
    return RiskRow(
        risk=risk,
        current=rating(risk.current, criteria),
        target=rating(risk.target, criteria) if risk.target else None,
        above_appetite=is_above_appetite(risk, criteria),
        next_assessment=risk.next_assessment(),
        review_overdue=review_overdue(risk, as_of),
        actions_overdue=[a.id for a in risk.actions if action_overdue(risk, a, as_of)],
        excluded_controls=excluded_controls(records, risk),
    )


def risk_rows(records: Records, as_of: date, chosen: RiskFilter | None = None) -> list[RiskRow]:
    """The risks that pass the filter (open ones by default), highest current score first."""
    chosen = chosen or RiskFilter()
    rows = []
    for risk in records.risks:
        row = risk_row(records, risk, as_of)
        if chosen.accepts(risk, row):
            rows.append(row)
    return sorted(rows, key=lambda row: (-row.current.score, row.id))


@dataclass(frozen=True)
class HeatMap:
    """Counts of risks per (likelihood, impact) cell, current and target, on the criteria."""

    likelihood: list[str]
    impact: list[str]
    levels: dict[str, int]
    current: dict[tuple[int, int], int]
    target: dict[tuple[int, int], int]

    def level(self, likelihood: int, impact: int) -> str:
        from nencheck.model.settings import level_of

        return level_of(likelihood * impact, self.levels)

    def total(self, which: str) -> int:
        return sum((self.current if which == "current" else self.target).values())

    def to_json(self) -> dict[str, Any]:
        def cells(counts: dict[tuple[int, int], int]) -> list[dict[str, Any]]:
            return [
                {"likelihood": lk, "impact": im, "level": self.level(lk, im), "count": n}
                for (lk, im), n in sorted(counts.items())
            ]

        return {"current": cells(self.current), "target": cells(self.target)}


def heat_map(rows: Iterable[RiskRow], criteria: RiskCriteria) -> HeatMap:
    current: dict[tuple[int, int], int] = {}
    target: dict[tuple[int, int], int] = {}
    for row in rows:
        key = (row.current.likelihood, row.current.impact)
        current[key] = current.get(key, 0) + 1
        if row.target is not None:
            key = (row.target.likelihood, row.target.impact)
            target[key] = target.get(key, 0) + 1
    return HeatMap(
        list(criteria.likelihood), list(criteria.impact), dict(criteria.levels), current, target
    )


@dataclass(frozen=True)
class AssessmentRow:
    """One assessment from git with its level on today's criteria."""

    assessment: Assessment
    rating: Rating
    target: Rating | None

    def to_json(self) -> dict[str, Any]:
        found = self.assessment
        return {
            "assessed": found.assessed,
            "likelihood": self.rating.likelihood,
            "impact": self.rating.impact,
            "score": self.rating.score,
            "level": self.rating.level,
            "target": self.target.to_json() if self.target else None,
            "commit": found.commit,
            "date": found.date,
            "author": found.author,
        }


def assessment_rows(
    assessments: Iterable[Assessment], criteria: RiskCriteria
) -> list[AssessmentRow]:
    def rate(likelihood: int, impact: int) -> Rating:
        score = likelihood * impact
        return Rating(likelihood, impact, score, criteria.level(score))

    return [
        AssessmentRow(
            found,
            rate(found.likelihood, found.impact),
            rate(*found.target) if found.target else None,
        )
        for found in assessments
    ]


def previous_assessment(
    assessments: Sequence[Assessment], risk: Risk, before: date | None = None
) -> Assessment | None:
    """The assessment before the risk's current one (newest first in ``assessments``): what
    the level was at the previous review. With ``before``, the last one assessed before it."""
    for found in assessments:
        if found.assessed < risk.assessed.isoformat() and (
            before is None or found.assessed < before.isoformat()
        ):
            return found
    return None
