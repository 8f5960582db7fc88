"""The figures of ``nencheck status`` on a date (``checks.figures``; SPEC "JSON output").

Every count comes from the same predicates the rules use, so ``status``, ``due`` and ``check``
agree. With a unit, only records whose ``units`` name it or ``all`` are counted (training: the
unit's own people); the catalog total stays the catalog's.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from nencheck.checks import controls as control_rules
from nencheck.checks.evidence import is_expired
from nencheck.checks.figures import (
    CompletionFigures,
    ControlFigures,
    EvidenceFigures,
    FindingFigures,
    IncidentFigures,
    PolicyFigures,
    ReviewCounts,
    RiskFigures,
    StatusFigures,
    ThemeFigures,
    TrainingFigures,
    UnitTrainingFigures,
)
from nencheck.checks.findings import is_overdue
from nencheck.checks.incidents import BREACH_RULE, CALAMITY_RULE, late_deadlines, open_deadlines
from nencheck.checks.policies import DUE_SOON, OK, OVERDUE, policy_states
from nencheck.checks.risks import is_above_appetite, overdue_actions, review_overdue
from nencheck.checks.scope import in_unit
from nencheck.checks.training import Figures, below_target, training_figures
from nencheck.i18n import current_language
from nencheck.model.audit import Severity
from nencheck.model.control import ControlStatus
from nencheck.model.policy import PolicyStatus
from nencheck.model.records import Records


def status_summary(records: Records, as_of: date, unit: str | None = None) -> StatusFigures:
    return StatusFigures(
        as_of=as_of,
        organisation=records.settings.organisation,
        unit=unit,
        units={u.id: u.name for u in records.settings.units},
        controls=controls_summary(records, unit),
        policies=policies_summary(records, as_of, unit),
        findings=findings_summary(records, as_of, unit),
        evidence=evidence_summary(records, as_of, unit),
        training=training_summary(records, as_of, unit),
        incidents=incidents_summary(records, as_of, unit),
        risks=risks_summary(records, as_of, unit),
        # Files whose records the figures leave out: they could not be read (SPEC).
        unreadable=tuple(records.unreadable),
    )


def _status_counts(statuses: list[str]) -> dict[str, int]:
    counts = Counter(statuses)
    return {status.value: counts.get(status.value, 0) for status in ControlStatus}


def controls_summary(records: Records, unit: str | None) -> ControlFigures:
    chosen = [c for c in records.controls if in_unit(c.units, unit)]
    applicable = [c for c in chosen if c.applicable]
    themes = [theme.id for theme in records.catalog.themes]
    by_theme: dict[str, ThemeFigures] = {}
    for theme in [*themes, control_rules.OTHER_THEME]:
        in_theme = [c for c in applicable if control_rules.theme_of(records, c.id) == theme]
        catalog_count = sum(1 for entry in records.catalog.controls if entry.theme == theme)
        if not in_theme and not catalog_count:
            continue
        label = records.catalog.theme(theme)
        by_theme[theme] = ThemeFigures(
            label=label.label(current_language()) if label else theme,
            total=catalog_count,
            applicable=len(in_theme),
            by_status=_status_counts([c.status.value for c in in_theme]),
        )
    return ControlFigures(
        total=len(records.catalog.controls),
        applicable=len(applicable),
        not_applicable=len(chosen) - len(applicable),
        by_status=_status_counts([c.status.value for c in applicable]),
        by_theme=by_theme,
        missing=len(control_rules.missing_controls(records)),
        gap=sum(1 for c in chosen if control_rules.is_gap(c)),
        unsupported=sum(1 for c in chosen if control_rules.is_unsupported(records, c)),
    )


def policies_summary(records: Records, as_of: date, unit: str | None) -> PolicyFigures:
    states: Counter[str] = Counter()
    by_unit: dict[str, Counter[str]] = {}
    unit_order = [u.id for u in records.settings.units] + ["all"]
    for policy, state, _days in policy_states(records, as_of):
        if not in_unit(policy.units, unit):
            continue
        states[state] += 1
        for policy_unit in policy.units:
            if unit is None or policy_unit in (unit, "all"):
                by_unit.setdefault(policy_unit, Counter())[state] += 1
    ordered = sorted(by_unit, key=lambda u: (unit_order.index(u) if u in unit_order else 99, u))
    return PolicyFigures(
        total=sum(states.values()),
        active=sum(states[s] for s in (OK, DUE_SOON, OVERDUE)),
        ok=states[OK],
        due_soon=states[DUE_SOON],
        overdue=states[OVERDUE],
        draft=states[PolicyStatus.DRAFT.value],
        retired=states[PolicyStatus.RETIRED.value],
        by_unit={
            u: ReviewCounts(by_unit[u][OK], by_unit[u][DUE_SOON], by_unit[u][OVERDUE])
            for u in ordered
        },
    )


def findings_summary(records: Records, as_of: date, unit: str | None) -> FindingFigures:
    chosen = [f for audit, f in records.findings() if in_unit(audit.units, unit)]
    by_severity = Counter(f.severity.value for f in chosen)
    open_by_severity = Counter(f.severity.value for f in chosen if f.is_open)
    return FindingFigures(
        total=len(chosen),
        open=sum(1 for f in chosen if f.is_open),
        overdue=sum(1 for f in chosen if is_overdue(f, as_of)),
        by_severity={s.value: by_severity.get(s.value, 0) for s in Severity},
        open_by_severity={s.value: open_by_severity.get(s.value, 0) for s in Severity},
    )


def evidence_summary(records: Records, as_of: date, unit: str | None) -> EvidenceFigures:
    chosen = [item for item in records.evidence if in_unit(item.units, unit)]
    return EvidenceFigures(
        total=len(chosen), expired=sum(1 for item in chosen if is_expired(item, as_of))
    )


def _completion(figures: Figures) -> CompletionFigures:
    return CompletionFigures(
        figures.required, figures.compliant, figures.rate, figures.people, figures.people_trained
    )


def training_summary(records: Records, as_of: date, unit: str | None) -> TrainingFigures:
    figures = training_figures(records, as_of, unit)
    target = records.settings.training_target
    return TrainingFigures(
        required=figures.required,
        compliant=figures.compliant,
        rate=figures.rate,
        people=figures.people,
        people_trained=figures.people_trained,
        target=target,
        overdue=len(figures.overdue),
        by_unit={
            u: UnitTrainingFigures(
                f.required,
                f.compliant,
                f.rate,
                f.people,
                f.people_trained,
                below_target=below_target(f, target),
            )
            for u, f in figures.by_unit.items()
        },
        by_module={m: _completion(f) for m, f in figures.by_module.items()},
    )


def incidents_summary(records: Records, as_of: date, unit: str | None) -> IncidentFigures:
    chosen = {
        i.id for i in records.incidents if in_unit(i.units, unit) and i.reported.date() <= as_of
    }
    late = [d for d in late_deadlines(records, as_of) if d.incident.id in chosen]
    by_kind = Counter(i.kind.value for i in records.incidents if i.id in chosen and i.is_open)
    return IncidentFigures(
        total=len(chosen),
        open=sum(by_kind.values()),
        open_by_kind=dict(sorted(by_kind.items())),
        breach_notification_late=sum(1 for d in late if d.rule == BREACH_RULE),
        calamity_report_late=sum(1 for d in late if d.rule == CALAMITY_RULE),
        deadlines=tuple(d for d in open_deadlines(records, as_of) if d.incident.id in chosen),
    )


def risks_summary(records: Records, as_of: date, unit: str | None) -> RiskFigures:
    """Open risks by current level, those above the appetite, reviews and actions overdue."""
    criteria = records.settings.risk
    chosen = [r for r in records.risks if r.is_open and in_unit(r.units, unit)]
    levels = Counter(criteria.level(r.current.value) for r in chosen)
    chosen_ids = {r.id for r in chosen}
    return RiskFigures(
        open=len(chosen),
        by_level={name: levels.get(name, 0) for name in criteria.levels},
        above_appetite=sum(1 for r in chosen if is_above_appetite(r, criteria)),
        review_overdue=sum(1 for r in chosen if review_overdue(r, as_of)),
        actions_overdue=sum(
            1 for risk, _action in overdue_actions(records, as_of) if risk.id in chosen_ids
        ),
        appetite=criteria.appetite,
    )
