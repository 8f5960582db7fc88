"""``due`` as a plain-text worklist: one line per item in date order, or one block per owner."""

from __future__ import annotations

from datetime import date

import click

from nencheck.checks.due import DueItem
from nencheck.checks.policies import OVERDUE
from nencheck.i18n import _
from nencheck.render.dates import format_duration, prose_day
from nencheck.render.due import DueReport, group_by_owner
from nencheck.render.labels import days_words, due_kind_label
from nencheck.render.layout import CUT, WRAP, Column, table_lines, wrap


def short_day(day: date) -> str:
    """Dates in the list: ISO (2026-03-02) in every language, so the column sorts as it reads;
    the heading writes them out (docs/translations.md, "Dates")."""
    return day.isoformat()


def render(report: DueReport) -> str:
    lines = [*wrap(_heading(report), report.width, "  "), ""]
    if not report.items:
        lines.append(_("Nothing is overdue or due in this period."))
    elif report.by_owner:
        for owner, items in group_by_owner(report.items):
            for heading in wrap(_owner_heading(owner, items), report.width, "  "):
                lines.append(_style(report, heading, bold=True))
            lines += _rows(report, items, with_owner=False, indent="  ")
            lines.append("")
    else:
        lines += _rows(report, report.items, with_owner=True)
    return "\n".join(lines).rstrip("\n") + "\n"


def _heading(report: DueReport) -> str:
    overdue = sum(1 for item in report.items if item.state == OVERDUE)
    return _(
        "Overdue, or due by {until} (within {within} of {as_of}): {count} item(s), "
        "{overdue} overdue"
    ).format(
        until=prose_day(report.horizon),
        within=format_duration(report.within),
        as_of=prose_day(report.as_of),
        count=len(report.items),
        overdue=overdue,
    )


def _owner_heading(owner: str | None, items: list[DueItem]) -> str:
    overdue = sum(1 for item in items if item.state == OVERDUE)
    return _("{owner}: {count} item(s), {overdue} overdue").format(
        owner=owner or _("(no owner)"), count=len(items), overdue=overdue
    )


def _rows(report: DueReport, items: list[DueItem], with_owner: bool, indent: str = "") -> list[str]:
    """Date, days, kind, id, title (wrapped), owner (shortened; the kind goes first when the
    width is short, then the owner)."""
    columns = [
        Column(_("DUE")),
        Column(_("DAYS")),
        Column(_("KIND"), drop=2),
        Column(_("ID")),
        Column(_("TITLE"), shrink=WRAP, min_width=30),
    ]
    if with_owner:
        columns.append(Column(_("OWNER"), shrink=CUT, drop=1, min_width=14))
    table = []
    for item in items:
        row = [
            short_day(item.due),
            days_words(item.days, item.state),
            due_kind_label(item.kind),
            item.id,
            item.title,
        ]
        if with_owner:
            row.append(item.owner or "—")
        table.append(row)
    days = columns[1].header

    def paint(index: int, header: str, text: str) -> str:
        if header != days:
            return text
        return _style(report, text, fg="red" if items[index].state == OVERDUE else "yellow")

    return table_lines(columns, table, report.width, indent, paint, header=False)


def _style(report: DueReport, text: str, **style: object) -> str:
    return click.style(text, **style) if report.color else text  # type: ignore[arg-type]
