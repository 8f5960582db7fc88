"""The SoA as Markdown: a table per theme."""

from __future__ import annotations

from nencheck.checks.soa import SoaRow
from nencheck.i18n import _
from nencheck.render.dates import format_day
from nencheck.render.soa_common import Column, SoaView, columns, document_title
from nencheck.render.unreadable import unreadable_note


def md_cell(text: object) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, no raw HTML."""
    value = "" if text is None else str(text)
    value = (
        value.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    )
    return " ".join(value.split())


def render(view: SoaView) -> str:
    cols = [column for column in columns(view) if column.key != "theme"]  # one table per theme
    lines = [
        f"# {md_cell(document_title())}: {md_cell(view.organisation)}",
        "",
        _("Framework: {framework}. Date: {date}.").format(
            framework=md_cell(view.framework_title), date=format_day(view.as_of, view.language)
        ),
        "",
    ]
    note = unreadable_note(view.unreadable, "soa")
    if note is not None:
        lines[2:2] = [note.markdown(), ""]
    for theme, rows in view.rows_by_theme():
        lines += [f"## {md_cell(view.theme_label(theme))}", ""]
        lines.append("| " + " | ".join(md_cell(column.header) for column in cols) + " |")
        lines.append("|" + "|".join("---" for _column in cols) + "|")
        lines += ["| " + " | ".join(_cells(cols, row)) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def _cells(cols: list[Column], row: SoaRow) -> list[str]:
    """A row's cells; an applicable control that no risk names and nothing justifies says so
    where its justification would stand (ISO 27001 6.1.3 d: every choice is explained)."""
    cells = []
    for column in cols:
        text = md_cell(column.value(row))
        if column.key == "justification" and row.unjustified:
            text = "**" + md_cell(_("no risk names it and no justification is given")) + "**"
        cells.append(text)
    return cells
