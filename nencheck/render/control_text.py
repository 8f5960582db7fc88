"""``control show`` as text: the control, its SoA entry and what implements and tests it."""

from __future__ import annotations

from datetime import date
from typing import Any

from nencheck.checks.control_view import ControlView
from nencheck.i18n import _, ngettext
from nencheck.render.dates import prose_day
from nencheck.render.labels import (
    applicable_label,
    control_status_label,
    finding_status_label,
    incident_kind_label,
    incident_status_label,
    policy_state_label,
    severity_label,
    units_label,
)
from nencheck.render.layout import WRAP, Column, table_lines, wrap_block


def render(view: ControlView, as_of: date, width: int | None = None) -> str:
    lines: list[Any] = [f"{view.id} {view.title}".rstrip()]
    if view.theme_label:
        lines.append(_("Theme: {theme}").format(theme=view.theme_label))
    elif not view.in_catalog:
        lines.append(_("Own control (not in the catalog)"))
    if view.iso27002_2013:
        lines.append(_("ISO 27002:2013: {ids}").format(ids=", ".join(view.iso27002_2013)))
    lines += ["", *_soa(view)]
    lines += _section(_("Policies"), view.policies, _policy_line)
    lines += _section(_("Evidence"), view.evidence, _evidence_line)
    lines += _section(_("Findings"), view.findings, _finding_line, _findings_count(view))
    lines += _section(_("Incidents"), view.incidents, _incident_line)
    lines += _section(_("Risks treated"), view.risks, _risk_line)
    lines += _history(view)
    lines += ["", _("As of {date}.").format(date=prose_day(as_of))]
    return "\n".join(_fit(lines, width)) + "\n"


def _fit(lines: list[str], width: int | None) -> list[str]:
    """Table rows (tuples: an id or label, then text) laid out to the width; other lines
    wrapped."""
    fitted: list[str] = []
    rows: list[tuple[str, ...]] = []
    for line in [*lines, ""]:
        if isinstance(line, tuple):
            rows.append(line)
            continue
        if rows:
            columns = [Column("") for _cell in rows[0][:-1]] + [Column("", shrink=WRAP)]
            fitted += table_lines(columns, rows, width, "  ", header=False)
            rows = []
        fitted += wrap_block([line], width)
    return fitted[:-1]


def _soa(view: ControlView) -> list[str]:
    control = view.soa
    if control is None:
        return [_("Statement of Applicability: not addressed (no control file)")]
    lines: list[Any] = [_("Statement of Applicability ({file})").format(file=control.origin.file)]
    rows = [
        (_("applicable"), applicable_label(control.applicable)),
        (_("status"), control_status_label(control.status.value)),
        (_("owner"), control.owner or "—"),
        (_("units"), units_label(control.units)),
    ]
    if control.justification:
        rows.append((_("justification"), control.justification))
    if control.notes:
        rows.append((_("notes"), control.notes))
    return [*lines, *rows]


def _section(
    title: str, items: list[dict[str, Any]], line: Any, count: str | None = None
) -> list[Any]:
    heading = f"{title} ({count if count is not None else len(items)})"
    if not items:
        return ["", heading, "  " + _("none")]
    return ["", heading, *((item["id"], line(item)) for item in items)]


def _policy_line(item: dict[str, Any]) -> str:
    state = policy_state_label(item["state"])
    if item["next_review"] and item["days"] is not None:
        when = _days(item["days"])
        state += " · " + _("next review {date} ({when})").format(
            date=item["next_review"], when=when
        )
    return f"{item['title']} — {state}"


def _evidence_line(item: dict[str, Any]) -> str:
    if item["valid"]:
        validity = _("valid until {date} ({when})").format(
            date=item["valid_until"], when=_days(item["days"])
        )
    else:
        validity = _("expired {date} ({when})").format(
            date=item["valid_until"], when=_days(item["days"])
        )
    return f"{item['title']} — {validity}"


def _finding_line(item: dict[str, Any]) -> str:
    if item["open"]:
        state = _("open, due {date}").format(date=item["due"])
        if item["overdue"]:
            state += " (" + _("overdue") + ")"
    elif item["closed"]:
        state = _("closed {date}").format(date=item["closed"])
    else:
        state = finding_status_label(item["status"])
    severity = severity_label(item["severity"])
    return f"[{severity}] {item['title']} — {state} ({item['audit']})"


def _incident_line(item: dict[str, Any]) -> str:
    if item["closed"]:
        state = _("closed {date}").format(date=item["closed"])
    else:
        state = incident_status_label(item["status"])
    reported = item["reported"][:10]
    return f"{incident_kind_label(item['kind'])}, {reported}: {item['title']} — {state}"


def _risk_line(item: dict[str, Any]) -> str:
    from nencheck.render.labels import risk_level_label, risk_status_label, treatment_label

    state = "" if item["open"] else f" — {risk_status_label(item['status'])}"
    level = f"{risk_level_label(item['level'])} {item['score']}"
    return f"[{level}] {item['title']} ({treatment_label(item['treatment'])}){state}"


def _findings_count(view: ControlView) -> str:
    open_count = sum(1 for item in view.findings if item["open"])
    return _("{open} open, {closed} closed").format(
        open=open_count, closed=len(view.findings) - open_count
    )


def _history(view: ControlView) -> list[Any]:
    if view.soa is None:
        return []
    heading = _("History of {file}").format(file=view.soa.origin.file)
    if view.history is None:
        return ["", heading, "  " + _("not available (not a git repository)")]
    if not view.history:
        return ["", heading, "  " + _("not committed yet")]
    lines: list[Any] = ["", heading]
    for version in view.history:
        lines.append(
            (version["date"][:10], version["commit"][:10], version["author"], version["message"])
        )
    return lines


def _days(days: int) -> str:
    if days == 0:
        return _("today")
    if days > 0:
        return ngettext("in {count} day", "in {count} days", days).format(count=days)
    return ngettext("{count} day ago", "{count} days ago", -days).format(count=-days)
