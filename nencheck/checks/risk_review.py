"""The risk register in the management review (ISO 27001 9.3, 8.2/8.3): the heat map, the top
risks, how each open risk moved since its previous assessment (from git) and the acceptances."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from nencheck.checks.risk_register import HeatMap, RiskRow, heat_map, previous_assessment, risk_rows
from nencheck.checks.risks import Rating
from nencheck.model.history import Assessment
from nencheck.model.records import Records

TOP = 5


@dataclass(frozen=True)
class Movement:
    """An open risk now and at its previous assessment (None: assessed once, as far as git
    knows)."""

    row: RiskRow
    previous: Rating | None
    previous_assessed: str | None

    @property
    def direction(self) -> str:
        """``up``, ``down``, ``same`` (score) or ``new``."""
        if self.previous is None:
            return "new"
        now, before = self.row.current.score, self.previous.score
        return "up" if now > before else "down" if now < before else "same"


@dataclass(frozen=True)
class RiskReview:
    heat: HeatMap
    top: list[RiskRow]
    movements: list[Movement]
    acceptances: list[RiskRow]  # accepted risks, and risks treated by accept without a record
    appetite: str
    open_count: int
    first_assessments: int = 0  # open risks without an earlier assessment in git
    history_known: bool = False  # False: no git history was available
    above_appetite: list[RiskRow] = field(default_factory=list)


def risk_review(
    records: Records, as_of: date, history: Mapping[str, Sequence[Assessment]] | None = None
) -> RiskReview:
    """``history`` maps a risk file's path to its assessments from git, newest first."""
    criteria = records.settings.risk
    rows = risk_rows(records, as_of)
    movements = []
    for row in rows:
        found = (history or {}).get(row.risk.origin.file, [])
        before = previous_assessment(found, row.risk)
        previous = None
        if before is not None:
            score = before.likelihood * before.impact
            previous = Rating(before.likelihood, before.impact, score, criteria.level(score))
        movements.append(Movement(row, previous, before.assessed if before else None))
    accepted = [row for row in rows if row.risk.is_accepted or row.risk.treatment.value == "accept"]
    return RiskReview(
        heat=heat_map(rows, criteria),
        top=rows[:TOP],
        movements=[m for m in movements if m.previous is not None],
        first_assessments=sum(1 for m in movements if m.previous is None),
        acceptances=accepted,
        appetite=criteria.appetite,
        open_count=len(rows),
        history_known=history is not None,
        above_appetite=[row for row in rows if row.above_appetite],
    )
