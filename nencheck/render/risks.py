"""The risk register as text (80 columns), JSON and CSV (``risk list``), and one risk in full
(``risk show``): its levels, controls with their SoA state, actions and history from git."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from nencheck.checks.risk_register import AssessmentRow, RiskRow
from nencheck.checks.risks import Rating
from nencheck.i18n import _, ngettext
from nencheck.render.labels import (
    affects_label,
    control_status_label,
    risk_level_label,
    risk_status_label,
    treatment_label,
)
from nencheck.render.registers import table_csv, table_text, to_json

WIDTH = 80
OWNER_WIDTH = 16


def rating_text(found: Rating | None) -> str:
    """``20 critical`` (score and level) or a dash."""
    if found is None:
        return "—"
    return f"{found.score} {risk_level_label(found.level)}"


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def risks_text(
    rows: Sequence[RiskRow], as_of: date, appetite: str, width: int | None = WIDTH
) -> str:
    """One line of figures per risk (fitting ``width``), its title indented below."""
    from nencheck.render.layout import CUT, Column

    if not rows:
        return _("No risks match on {date}.").format(date=as_of.isoformat()) + "\n"
    headers = [_("ID"), _("NOW"), _("TARGET"), _("TREATMENT"), _("OWNER"), _("ACCEPTED")]
    body = [
        [
            row.id + (" !" if row.above_appetite else ""),
            rating_text(row.current),
            rating_text(row.target),
            treatment_label(row.risk.treatment.value),
            row.risk.owner,
            _acceptance(row),
        ]
        for row in rows
    ]
    columns = [
        Column(headers[0]),
        Column(headers[1]),
        Column(headers[2], drop=2),
        Column(headers[3], drop=1),
        Column(headers[4], shrink=CUT, min_width=8),
        Column(headers[5]),  # who accepted and when: kept whole
    ]
    lines = table_text(columns, body, width).splitlines()
    out = [lines[0]]
    room = (width or WIDTH * 10) - 4
    for row, line in zip(rows, lines[1:], strict=True):
        out += [line, "    " + clip(row.risk.title, room)]
    above = sum(1 for row in rows if row.above_appetite)
    footer = ngettext(
        "{count} risk; {above} above the appetite ({appetite}), marked !",
        "{count} risks; {above} above the appetite ({appetite}), marked !",
        len(rows),
    ).format(count=len(rows), above=above, appetite=risk_level_label(appetite))
    return "\n".join(out) + "\n" + footer + "\n"


def _acceptance(row: RiskRow) -> str:
    risk = row.risk
    if risk.accepted_by and risk.accepted:
        return f"{risk.accepted_by} {risk.accepted.isoformat()}"
    if risk.treatment.value == "accept":
        return _("not recorded")
    return "—"


def risks_json(rows: Sequence[RiskRow], as_of: date) -> str:
    return to_json({"as_of": as_of.isoformat(), "risks": [row.to_json() for row in rows]})


RISK_CSV_COLUMNS = (
    "id",
    "title",
    "owner",
    "units",
    "likelihood",
    "impact",
    "score",
    "level",
    "target_likelihood",
    "target_impact",
    "target_level",
    "treatment",
    "above_appetite",
    "accepted_by",
    "accepted",
    "assessed",
    "next_assessment",
    "controls",
    "open_actions",
    "status",
)


def risks_csv(rows: Sequence[RiskRow], as_of: date) -> str:
    body = []
    for row in rows:
        risk, target = row.risk, row.target
        body.append(
            [
                risk.id,
                risk.title,
                risk.owner,
                ", ".join(risk.units),
                str(row.current.likelihood),
                str(row.current.impact),
                str(row.current.score),
                row.current.level,
                str(target.likelihood) if target else "",
                str(target.impact) if target else "",
                target.level if target else "",
                risk.treatment.value,
                "true" if row.above_appetite else "false",
                risk.accepted_by or "",
                risk.accepted.isoformat() if risk.accepted else "",
                risk.assessed.isoformat(),
                row.next_assessment.isoformat(),
                ", ".join(risk.controls),
                str(sum(1 for a in risk.actions if a.is_open)),
                risk.status.value,
            ]
        )
    return table_csv(RISK_CSV_COLUMNS, body)


@dataclass(frozen=True)
class ControlState:
    """A control a risk names, as the SoA has it (None: no control file)."""

    id: str
    title: str
    applicable: bool | None
    status: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "applicable": self.applicable,
            "status": self.status,
        }


def risk_show_json(
    row: RiskRow, controls: Sequence[ControlState], history: Sequence[AssessmentRow]
) -> str:
    document = row.to_json()
    document.update(
        threat=row.risk.threat,
        vulnerability=row.risk.vulnerability,
        assets=list(row.risk.assets),
        file=row.risk.origin.file,
        controls=[control.to_json() for control in controls],
        history=[entry.to_json() for entry in history],
    )
    return to_json(document)


def risk_show_text(
    row: RiskRow,
    controls: Sequence[ControlState],
    history: Sequence[AssessmentRow],
    scales: tuple[Sequence[str], Sequence[str]],
    appetite: str,
) -> str:
    risk = row.risk
    likelihood, impact = scales
    lines = [f"{risk.id}  {risk.title}", ""]

    def field(label: str, value: object) -> None:
        if value not in (None, "", []):
            lines.append(f"{label + ':':<18}{value}")

    field(_("Owner"), risk.owner)
    field(_("Units"), ", ".join(risk.units))
    field(_("Threat"), risk.threat)
    field(_("Vulnerability"), risk.vulnerability)
    field(_("Assets"), ", ".join(risk.assets))
    field(_("Affects"), ", ".join(affects_label(value.value) for value in risk.affects))
    field(_("Now"), _score_line(row.current, likelihood, impact))
    field(_("Target"), _score_line(row.target, likelihood, impact) if row.target else None)
    above = _("above the appetite ({appetite})") if row.above_appetite else ""
    field(_("Appetite"), above.format(appetite=risk_level_label(appetite)) or None)
    field(_("Treatment"), treatment_label(risk.treatment.value))
    if risk.accepted_by:
        field(_("Accepted"), f"{risk.accepted_by}, {risk.accepted}")
    overdue = f"  ({_('overdue')})" if row.review_overdue else ""
    when = _("{assessed}; next review {next}").format(
        assessed=risk.assessed, next=row.next_assessment
    )
    field(_("Assessed"), when + overdue)
    field(_("Status"), risk_status_label(risk.status.value))
    field(_("File"), risk.origin.file)
    lines += ["", _("Controls")]
    lines += [f"  {_control_line(control)}" for control in controls] or [f"  {_('none')}"]
    lines += ["", _("Actions")]
    for action in risk.actions:
        state = _("done {date}").format(date=action.done) if action.done else _("open")
        if action.id in row.actions_overdue:
            state += f" ({_('overdue')})"
        lines.append(f"  {action.id}  {action.due}  {state}  {action.owner}: {action.title}")
    if not risk.actions:
        lines.append(f"  {_('none')}")
    lines += ["", _("History (git)")]
    lines += _history_lines(history) or [f"  {_('not committed yet')}"]
    return "\n".join(lines) + "\n"


def _score_line(found: Rating | None, likelihood: Sequence[str], impact: Sequence[str]) -> str:
    if found is None:
        return "—"
    return _(
        "{level} (score {score}): likelihood {likelihood} {likelihood_label}, "
        "impact {impact} {impact_label}"
    ).format(
        level=risk_level_label(found.level),
        score=found.score,
        likelihood=found.likelihood,
        likelihood_label=_label(likelihood, found.likelihood),
        impact=found.impact,
        impact_label=_label(impact, found.impact),
    )


def _label(scale: Sequence[str], step: int) -> str:
    return f"({scale[step - 1]})" if 0 < step <= len(scale) else ""


def _control_line(control: ControlState) -> str:
    if control.applicable is None:
        state = _("no control file")
    elif not control.applicable:
        state = _("NOT APPLICABLE in the SoA")
    else:
        state = _("applicable, {status}").format(status=control_status_label(control.status or ""))
    return f"{control.id:<6} {clip(control.title, 44):<44}  {state}"


def _history_lines(history: Sequence[AssessmentRow]) -> list[str]:
    if not history:
        return []
    headers = [_("ASSESSED"), _("L"), _("I"), _("SCORE"), _("LEVEL"), _("COMMITTED"), _("BY")]
    body = [
        [
            entry.assessment.assessed,
            str(entry.rating.likelihood),
            str(entry.rating.impact),
            str(entry.rating.score),
            risk_level_label(entry.rating.level),
            f"{entry.assessment.date[:10]} {entry.assessment.commit[:8]}",
            entry.assessment.author,
        ]
        for entry in history
    ]
    from nencheck.render.layout import Column

    columns = [Column(h, right=i in (1, 2, 3)) for i, h in enumerate(headers)]
    return ["  " + line for line in table_text(columns, body).splitlines()]
