"""The figures of ``nencheck status`` as frozen dataclasses: renderers read attributes (so a
renamed figure is a type error, not a missing key), and ``to_json()`` gives SPEC's "status"
document key for key, in the documented order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from nencheck.checks.incidents import Deadline


class JsonFigures(Protocol):
    """Figures a later section (risks) brings along: anything that renders itself as JSON."""

    def to_json(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class ThemeFigures:
    label: str
    total: int  # catalog controls in the theme
    applicable: int
    by_status: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "total": self.total,
            "applicable": self.applicable,
            "by_status": dict(self.by_status),
        }


@dataclass(frozen=True)
class ControlFigures:
    total: int  # the catalog's controls
    applicable: int
    not_applicable: int
    by_status: dict[str, int]  # applicable controls per implementation status
    by_theme: dict[str, ThemeFigures]
    missing: int  # catalog controls not in the SoA
    gap: int
    unsupported: int

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "applicable": self.applicable,
            "not_applicable": self.not_applicable,
            "by_status": dict(self.by_status),
            "by_theme": {theme: figures.to_json() for theme, figures in self.by_theme.items()},
            "missing": self.missing,
            "gap": self.gap,
            "unsupported": self.unsupported,
        }


@dataclass(frozen=True)
class ReviewCounts:
    """Active policies by review state (one unit's row, or the total)."""

    ok: int
    due_soon: int
    overdue: int

    def to_json(self) -> dict[str, int]:
        return {"ok": self.ok, "due_soon": self.due_soon, "overdue": self.overdue}


@dataclass(frozen=True)
class PolicyFigures:
    total: int
    active: int
    ok: int
    due_soon: int
    overdue: int
    draft: int
    retired: int
    by_unit: dict[str, ReviewCounts]

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "active": self.active,
            "ok": self.ok,
            "due_soon": self.due_soon,
            "overdue": self.overdue,
            "draft": self.draft,
            "retired": self.retired,
            "by_unit": {unit: counts.to_json() for unit, counts in self.by_unit.items()},
        }


@dataclass(frozen=True)
class FindingFigures:
    total: int
    open: int
    overdue: int
    by_severity: dict[str, int]  # all findings
    open_by_severity: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "open": self.open,
            "overdue": self.overdue,
            "by_severity": dict(self.by_severity),
            "open_by_severity": dict(self.open_by_severity),
        }


@dataclass(frozen=True)
class EvidenceFigures:
    total: int
    expired: int

    def to_json(self) -> dict[str, int]:
        return {"total": self.total, "expired": self.expired}


@dataclass(frozen=True)
class CompletionFigures:
    """Training completion of one group (a unit, a module, or everyone)."""

    required: int
    compliant: int
    rate: float | None  # compliant / required, 4 decimals; None when nothing is required
    people: int
    people_trained: int

    def to_json(self) -> dict[str, Any]:
        return {
            "required": self.required,
            "compliant": self.compliant,
            "rate": self.rate,
            "people": self.people,
            "people_trained": self.people_trained,
        }


@dataclass(frozen=True)
class UnitTrainingFigures(CompletionFigures):
    below_target: bool = False

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "below_target": self.below_target}


@dataclass(frozen=True)
class TrainingFigures(CompletionFigures):
    target: float = 0.0
    overdue: int = 0
    by_unit: dict[str, UnitTrainingFigures] = field(default_factory=dict)
    by_module: dict[str, CompletionFigures] = field(default_factory=dict)

    @property
    def below_target(self) -> bool:
        return self.rate is not None and self.rate < self.target

    def to_json(self) -> dict[str, Any]:
        return {
            **super().to_json(),
            "target": self.target,
            "overdue": self.overdue,
            "by_unit": {unit: figures.to_json() for unit, figures in self.by_unit.items()},
            "by_module": {name: figures.to_json() for name, figures in self.by_module.items()},
        }


@dataclass(frozen=True)
class IncidentFigures:
    total: int
    open: int
    open_by_kind: dict[str, int]
    breach_notification_late: int
    calamity_report_late: int
    deadlines: tuple[Deadline, ...]  # open notifications, soonest first

    def to_json(self, as_of: date) -> dict[str, Any]:
        return {
            "total": self.total,
            "open": self.open,
            "open_by_kind": dict(self.open_by_kind),
            "breach_notification_late": self.breach_notification_late,
            "calamity_report_late": self.calamity_report_late,
            "deadlines": [deadline.to_json(as_of) for deadline in self.deadlines],
        }


@dataclass(frozen=True)
class RiskFigures:
    """The open risks: per current level, above the appetite, reviews and actions overdue."""

    open: int
    by_level: dict[str, int]  # in the order of nencheck.yaml's levels
    above_appetite: int
    review_overdue: int
    actions_overdue: int
    appetite: str

    def to_json(self) -> dict[str, Any]:
        return {
            "open": self.open,
            "by_level": dict(self.by_level),
            "above_appetite": self.above_appetite,
            "review_overdue": self.review_overdue,
            "actions_overdue": self.actions_overdue,
            "appetite": self.appetite,
        }


@dataclass(frozen=True)
class StatusFigures:
    as_of: date
    organisation: str
    unit: str | None
    units: dict[str, str]  # id -> name, as in nencheck.yaml
    controls: ControlFigures
    policies: PolicyFigures
    findings: FindingFigures
    evidence: EvidenceFigures
    training: TrainingFigures
    incidents: IncidentFigures
    # SPEC: "risks" and "unreadable" join the document when their features fill them in;
    # None leaves the key out.
    risks: JsonFigures | None = None
    unreadable: tuple[str, ...] | None = None

    def unit_name(self, unit: str) -> str | None:
        return self.units.get(unit)

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "organisation": self.organisation,
            "unit": self.unit,
            "units": dict(self.units),
            "controls": self.controls.to_json(),
            "policies": self.policies.to_json(),
            "findings": self.findings.to_json(),
            "evidence": self.evidence.to_json(),
            "training": self.training.to_json(),
            "incidents": self.incidents.to_json(self.as_of),
        }
        if self.risks is not None:
            document["risks"] = self.risks.to_json()
        if self.unreadable is not None:
            document["unreadable"] = list(self.unreadable)
        return document
