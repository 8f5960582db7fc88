"""The SoA as plain text for the terminal: one line per control, grouped by theme."""

from __future__ import annotations

from nencheck.checks.soa import SoaRow
from nencheck.i18n import _
from nencheck.render.dates import prose_day
from nencheck.render.labels import applicable_label, control_status_label
from nencheck.render.layout import WRAP, Column, table_blocks, wrap, wrap_block
from nencheck.render.soa_common import SoaView, document_title
from nencheck.render.unreadable import unreadable_note

INDENT = " " * 4


def render(view: SoaView, width: int | None = None) -> str:
    """One table for all themes, so the columns line up from theme to theme."""
    columns = [
        Column("", right=False),
        Column("", shrink=WRAP, min_width=24),
        *([Column("", shrink=WRAP, drop=3, min_width=10)] if view.mapped_from_2013 else []),
        Column("", drop=2),
        Column(""),
        Column("", shrink=WRAP, drop=1, min_width=20),
    ]
    rows: list[list[str]] = []
    for _theme, members in view.rows_by_theme():
        rows += [_cells(row, view.mapped_from_2013) for row in members]
    laid = iter(table_blocks(columns, rows, width, "  ", header=False))
    lines = wrap(
        f"{document_title()}: {view.organisation} — {view.framework_title}, "
        f"{prose_day(view.as_of)}",
        width,
        INDENT,
    )
    unreadable = unreadable_note(view.unreadable, "soa")
    if unreadable is not None:
        lines += wrap(unreadable.plain(), width, INDENT)
    for theme, members in view.rows_by_theme():
        lines += ["", *wrap(view.theme_label(theme), width, INDENT)]
        for row in members:
            lines += next(laid)
            if row.applicable is False and row.justification:
                reason = _("excluded: {reason}").format(reason=row.justification)
                lines += wrap_block([INDENT + INDENT + reason], width)
            if row.unjustified:
                note = _("no risk names it and no justification is given")
                lines += wrap_block([INDENT + INDENT + note], width)
    lines += ["", *wrap(_counts(view), width, INDENT)]
    return "\n".join(lines) + "\n"


def _mapped(row: SoaRow) -> str:
    return ", ".join(row.iso27002_2013 or [])


def _cells(row: SoaRow, mapped: bool) -> list[str]:
    status = control_status_label("not_applicable" if row.applicable is False else row.status)
    cells = [row.id, row.title]
    if mapped:
        cells.append(_mapped(row))
    return [
        *cells,
        applicable_label(row.applicable),
        status,
        ", ".join(row.policies + row.evidence + row.risks),
    ]


def _counts(view: SoaView) -> str:
    applicable = sum(1 for row in view.rows if row.applicable)
    excluded = sum(1 for row in view.rows if row.applicable is False)
    missing = sum(1 for row in view.rows if not row.addressed)
    return _(
        "{total} controls: {applicable} applicable, {excluded} not applicable, {missing} not addressed"
    ).format(total=len(view.rows), applicable=applicable, excluded=excluded, missing=missing)
