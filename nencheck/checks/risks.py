"""The risk register on a date: risk-review-overdue, risk-action-overdue, risk-above-appetite,
risk-control-excluded and control-unjustified (SPEC "Evaluation"; ISO 27001 6.1.2, 6.1.3, 8.2).

End dates are inclusive, as for every other rule: a review or action due on the evaluation date
is due today, not overdue.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from nencheck.checks.problem import Problem
from nencheck.checks.scope import days_between
from nencheck.i18n import _, ngettext
from nencheck.model.control import Control
from nencheck.model.records import Records
from nencheck.model.risk import Action, Risk, Score, Treatment
from nencheck.model.settings import RiskCriteria


@dataclass(frozen=True)
class Rating:
    """A score on the criteria: likelihood, impact, their product and its level."""

    likelihood: int
    impact: int
    score: int
    level: str

    def to_json(self) -> dict[str, Any]:
        return {
            "likelihood": self.likelihood,
            "impact": self.impact,
            "score": self.score,
            "level": self.level,
        }


def level_label(level: str) -> str:
    """SPEC's level names in the reader's language; an organisation's own names as written."""
    labels = {
        "low": _("low"),
        "medium": _("medium"),
        "high": _("high"),
        "critical": _("critical"),
    }
    return labels.get(level, level)


def rating(score: Score, criteria: RiskCriteria) -> Rating:
    return Rating(score.likelihood, score.impact, score.value, criteria.level(score.value))


def review_overdue(risk: Risk, as_of: date) -> bool:
    """Open, and ``assessed + review_interval`` lies before the evaluation date."""
    return risk.is_open and risk.next_assessment() < as_of


def action_overdue(risk: Risk, action: Action, as_of: date) -> bool:
    """An open action of an open risk whose due date lies before the evaluation date."""
    return risk.is_open and action.is_open and action.due < as_of


def overdue_actions(records: Records, as_of: date) -> Iterator[tuple[Risk, Action]]:
    for risk in records.risks:
        for action in risk.actions:
            if action_overdue(risk, action, as_of):
                yield risk, action


def is_above_appetite(risk: Risk, criteria: RiskCriteria) -> bool:
    """Open with a current level above the appetite (whatever its treatment)."""
    return risk.is_open and criteria.above_appetite(risk.current.value)


def untreated_above_appetite(risk: Risk, criteria: RiskCriteria) -> str | None:
    """Why an open risk above the appetite lacks what its treatment needs (None when it has it):
    ``accept`` without who and when, ``mitigate`` without an open action."""
    if not is_above_appetite(risk, criteria):
        return None
    if risk.treatment == Treatment.ACCEPT and not risk.is_accepted:
        return "not_accepted"
    if risk.treatment == Treatment.MITIGATE and not any(a.is_open for a in risk.actions):
        return "no_open_action"
    return None


def excluded_controls(records: Records, risk: Risk) -> list[str]:
    """The controls a risk names that the SoA marks not applicable."""
    found = []
    for control_id in risk.controls:
        control = records.control_by_id.get(control_id)
        if control is not None and not control.applicable:
            found.append(control_id)
    return found


def is_unjustified(records: Records, control: Control) -> bool:
    """Applicable, named by no risk, and without a justification of its own. Judged only where
    the repository keeps a risk register: without one there is nothing to justify it against,
    and every applicable control would be flagged."""
    return (
        bool(records.risks)
        and control.applicable
        and not records.risks_for_control(control.id)
        and not (control.justification or "").strip()
    )


def rule_risk_review_overdue(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for risk in records.risks:
        if not review_overdue(risk, as_of):
            continue
        due = risk.next_assessment()
        late = -days_between(due, as_of)
        message = ngettext(
            "{title}: assessed {assessed}, review every {interval}, due {due}: {count} day "
            "overdue on {as_of}",
            "{title}: assessed {assessed}, review every {interval}, due {due}: {count} days "
            "overdue on {as_of}",
            late,
        ).format(
            title=risk.title,
            assessed=risk.assessed,
            interval=risk.review_interval,
            due=due,
            count=late,
            as_of=as_of,
        )
        problems.append(_problem("risk-review-overdue", risk, "assessed", message, due, as_of))
    return problems


def rule_risk_action_overdue(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for risk, action in overdue_actions(records, as_of):
        late = -days_between(action.due, as_of)
        message = ngettext(
            "{title} (risk {risk}) is open, due {due}: {count} day overdue on {as_of}",
            "{title} (risk {risk}) is open, due {due}: {count} days overdue on {as_of}",
            late,
        ).format(title=action.title, risk=risk.id, due=action.due, count=late, as_of=as_of)
        line, column = action.origin.at("due")
        problems.append(
            Problem(
                rule="risk-action-overdue",
                id=action.id,
                file=action.origin.file or risk.origin.file,
                line=line,
                column=column,
                message=message,
                details={
                    "title": action.title,
                    "owner": action.owner,
                    "units": list(risk.units),
                    "risk": risk.id,
                    "due": action.due.isoformat(),
                    "days": -late,
                },
            )
        )
    return problems


def rule_risk_above_appetite(records: Records, as_of: date) -> list[Problem]:
    criteria = records.settings.risk
    problems = []
    for risk in records.risks:
        reason = untreated_above_appetite(risk, criteria)
        if reason is None:
            continue
        current = rating(risk.current, criteria)
        values = {
            "title": risk.title,
            "level": level_label(current.level),
            "score": current.score,
            "appetite": level_label(criteria.appetite),
        }
        if reason == "not_accepted":
            message = _(
                "{title}: level {level} (score {score}) is above the appetite ({appetite}) and "
                "treated by accept, but no acceptance is recorded; record it with 'nencheck risk "
                "accept {id} --by NAME'"
            ).format(id=risk.id, **values)
        else:
            message = _(
                "{title}: level {level} (score {score}) is above the appetite ({appetite}) and "
                "treated by mitigate, but it has no open action; add the treatment plan's actions"
            ).format(**values)
        problems.append(
            _problem("risk-above-appetite", risk, "treatment", message, None, as_of, current)
        )
    return problems


def rule_risk_control_excluded(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for risk in records.risks:
        for control_id in excluded_controls(records, risk):
            control = records.control_by_id[control_id]
            message = _(
                "{title}: treated by control {control}, which the SoA marks not applicable "
                "({file}); make the control applicable or treat the risk otherwise"
            ).format(title=risk.title, control=control_id, file=control.origin.file)
            problems.append(
                _problem("risk-control-excluded", risk, "controls", message, None, as_of)
            )
    return problems


def rule_control_unjustified(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for control in records.controls:
        if not is_unjustified(records, control):
            continue
        message = _(
            "{title}: applicable, but no risk names it and the control file gives no "
            "justification; name {id} in the controls: of a risk, or write why it is included "
            "under justification:"
        ).format(id=control.id, title=records.control_title(control.id))
        line, column = control.origin.at("applicable")
        problems.append(
            Problem(
                rule="control-unjustified",
                id=control.id,
                file=control.origin.file,
                line=line,
                column=column,
                message=message,
                details={
                    "title": records.control_title(control.id),
                    "owner": control.owner,
                    "units": list(control.units),
                },
            )
        )
    return problems


def _problem(
    rule: str,
    risk: Risk,
    field: str,
    message: str,
    due: date | None,
    as_of: date,
    current: Rating | None = None,
) -> Problem:
    line, column = risk.origin.at(field)
    details: dict[str, Any] = {"title": risk.title, "owner": risk.owner, "units": list(risk.units)}
    if due is not None:
        details.update(due=due.isoformat(), days=days_between(due, as_of))
    if current is not None:
        details.update(level=current.level, score=current.score)
    return Problem(
        rule=rule,
        id=risk.id,
        file=risk.origin.file,
        line=line,
        column=column,
        message=message,
        details=details,
    )
