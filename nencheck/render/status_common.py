"""The rows of the ``status`` dashboard, worded and translated once for every format
(terminal, Markdown, HTML). Input is the ``StatusFigures`` of ``status_summary``, nothing else."""

from __future__ import annotations

from dataclasses import dataclass

from nencheck.checks.figures import PolicyFigures, RiskFigures, StatusFigures
from nencheck.checks.incidents import stamp
from nencheck.i18n import _, current_language
from nencheck.model.policy import PolicyState
from nencheck.render.dates import format_day
from nencheck.render.labels import (
    CONTROL_STATUSES,
    control_status_label,
    incident_kind_label,
    policy_state_label,
    severity_label,
)

# The states of active policies, the dashboard's columns (drafts and retired ones are not counted).
POLICY_STATES = (PolicyState.OK, PolicyState.DUE_SOON, PolicyState.OVERDUE)


@dataclass(frozen=True)
class ThemeRow:
    label: str
    total: int  # catalog controls in the theme
    applicable: int
    by_status: dict[str, int]

    @property
    def rest(self) -> int:
        """Not applicable, or not addressed at all: the unfilled part of the bar."""
        return max(self.total - self.applicable, 0)


@dataclass(frozen=True)
class TrainingRow:
    label: str
    required: int
    compliant: int
    rate: str
    below_target: bool


@dataclass(frozen=True)
class DeadlineRow:
    id: str
    kind: str
    title: str
    deadline: str
    countdown: str
    late: bool


def title(summary: StatusFigures) -> str:
    day = format_day(summary.as_of, current_language())
    if summary.unit:
        return _("{organisation}, unit {unit}: status on {date}").format(
            organisation=summary.organisation,
            unit=unit_label(summary, summary.unit),
            date=day,
        )
    return _("{organisation}: status on {date}").format(organisation=summary.organisation, date=day)


def unit_label(summary: StatusFigures, unit: str) -> str:
    if unit == "all":
        return _("all units")
    name = summary.unit_name(unit)
    return f"{unit} ({name})" if name and name != unit else unit


def percent(rate: float | None) -> str:
    """0.873 -> "87%"; None (nothing required) -> "—"."""
    return "—" if rate is None else f"{round(rate * 100)}%"


def status_labels() -> list[str]:
    return [control_status_label(status) for status in CONTROL_STATUSES]


def theme_rows(summary: StatusFigures) -> list[ThemeRow]:
    return [
        ThemeRow(theme.label, theme.total, theme.applicable, theme.by_status)
        for theme in summary.controls.by_theme.values()
    ]


def controls_note(summary: StatusFigures) -> str:
    controls = summary.controls
    return _(
        "{applicable} of {total} catalog controls applicable; {missing} not addressed in the "
        "SoA, {gap} applicable but not implemented, {unsupported} implemented without a "
        "policy or evidence"
    ).format(
        applicable=controls.applicable,
        total=controls.total,
        missing=controls.missing,
        gap=controls.gap,
        unsupported=controls.unsupported,
    )


def policy_state_labels() -> list[str]:
    return [policy_state_label(state) for state in POLICY_STATES]


def policy_rows(summary: StatusFigures) -> list[tuple[str, int, int, int]]:
    rows = [
        (unit_label(summary, unit), counts.ok, counts.due_soon, counts.overdue)
        for unit, counts in summary.policies.by_unit.items()
    ]
    policies = summary.policies
    rows.append((_("Total"), policies.ok, policies.due_soon, policies.overdue))
    return rows


def policies_note(summary: StatusFigures) -> str:
    policies = summary.policies
    return _("{active} active, {draft} draft, {retired} retired").format(
        active=policies.active, draft=policies.draft, retired=policies.retired
    )


def multi_unit_note(policies: PolicyFigures) -> str:
    """Why the unit rows add up to more than the total, when they do (issue 15): a policy for
    several units is counted in the row of each, and once in the total."""
    per_unit = sum(
        counts.ok + counts.due_soon + counts.overdue for counts in policies.by_unit.values()
    )
    total = policies.ok + policies.due_soon + policies.overdue
    if per_unit <= total:
        return ""
    return _(
        "A policy for several units counts in the row of each unit, and once in the total: "
        "the rows add up to {per_unit}, the total is {total}."
    ).format(per_unit=per_unit, total=total)


def finding_rows(summary: StatusFigures) -> list[tuple[str, int, int]]:
    findings = summary.findings
    return [
        (severity_label(severity), count, findings.open_by_severity.get(severity, 0))
        for severity, count in findings.by_severity.items()
    ]


def findings_note(summary: StatusFigures) -> str:
    findings = summary.findings
    return _("{open} open, of which {overdue} past their due date").format(
        open=findings.open, overdue=findings.overdue
    )


def evidence_note(summary: StatusFigures) -> str:
    evidence = summary.evidence
    return _("{total} evidence items, {expired} expired").format(
        total=evidence.total, expired=evidence.expired
    )


def training_rows(summary: StatusFigures) -> list[TrainingRow]:
    training = summary.training
    rows = [
        TrainingRow(
            unit_label(summary, unit), f.required, f.compliant, percent(f.rate), f.below_target
        )
        for unit, f in training.by_unit.items()
    ]
    rows.append(
        TrainingRow(
            _("Total"),
            training.required,
            training.compliant,
            percent(training.rate),
            training.below_target,
        )
    )
    return rows


def target_label(below_target: bool) -> str:
    return _("below target") if below_target else _("on target")


def training_note(summary: StatusFigures) -> str:
    training = summary.training
    return _("target {target}; {people_trained} of {people} people fully trained").format(
        target=percent(training.target),
        people_trained=training.people_trained,
        people=training.people,
    )


def incidents_note(summary: StatusFigures) -> str:
    return _(
        "{open} open; late notifications: {breach_notification_late} data breach(es) to "
        "the AP, {calamity_report_late} calamity report(s) to the IGJ"
    ).format(
        open=summary.incidents.open,
        breach_notification_late=summary.incidents.breach_notification_late,
        calamity_report_late=summary.incidents.calamity_report_late,
    )


def deadline_rows(summary: StatusFigures) -> list[DeadlineRow]:
    """Open incidents waiting for their notification, soonest deadline first."""
    return [
        DeadlineRow(
            d.incident.id,
            incident_kind_label(d.incident.kind.value),
            d.incident.title,
            stamp(d.deadline).replace("T", " "),
            countdown(d.hours_left),
            d.late,
        )
        for d in summary.incidents.deadlines
    ]


def countdown(hours_left: float) -> str:
    """'1 d 9 h left' or '2 d 3 h late', counted from the end of the evaluation date."""
    hours = round(abs(hours_left))
    days, rest = divmod(hours, 24)
    if hours_left >= 0:
        return _("{days} d {hours} h left").format(days=days, hours=rest)
    return _("{days} d {hours} h late").format(days=days, hours=rest)


def risk_figures(summary: StatusFigures) -> RiskFigures | None:
    risks = summary.risks
    return risks if isinstance(risks, RiskFigures) else None


def risk_level_rows(summary: StatusFigures) -> list[tuple[str, int]]:
    """Open risks per level, lowest level first (empty when the repository keeps no risks)."""
    from nencheck.render.labels import risk_level_label

    risks = risk_figures(summary)
    if risks is None:
        return []
    return [(risk_level_label(name), count) for name, count in risks.by_level.items()]


def risks_note(summary: StatusFigures) -> str:
    from nencheck.render.labels import risk_level_label

    risks = risk_figures(summary)
    if risks is None or not risks.open:
        return _("No open risks in the risk register.")
    return _(
        "{open} open; {above_appetite} above the appetite ({appetite}); reviews overdue: "
        "{review_overdue}; treatment actions overdue: {actions_overdue}"
    ).format(**{**risks.to_json(), "appetite": risk_level_label(risks.appetite)})
