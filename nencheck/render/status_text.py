"""``status`` in the terminal: the dashboard drawn with rich (colours only on a terminal)."""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from nencheck.checks.figures import StatusFigures
from nencheck.i18n import _
from nencheck.render import status_common as common
from nencheck.render.layout import wrap
from nencheck.render.unreadable import unreadable_note

BAR_WIDTH = 24
# Colour and glyph of each control status in the bars: readable without colour too.
BAR_STYLE = {
    "implemented": ("green", "█"),
    "partial": ("yellow", "▓"),
    "planned": ("blue", "▒"),
    "not_started": ("red", "░"),
}
REST_STYLE = ("bright_black", "·")


def render_status_text(summary: StatusFigures, color: bool = False, width: int = 100) -> str:
    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=width,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    console.print(Text(common.title(summary), style="bold"))
    note = unreadable_note(summary.unreadable)
    if note is not None:
        # wrapped here: rich keeps the space where it breaks a line
        lines = "\n".join(wrap(note.plain(), width))
        console.print(Text(lines, style="bold red" if color else "bold"))
    for heading, body in _sections(summary):
        console.print()
        console.print(Text(heading, style="bold underline"))
        console.print(body)
    return buffer.getvalue()


def _sections(summary: StatusFigures) -> list[tuple[str, RenderableType]]:
    return [
        (
            _("Controls per theme"),
            Group(_controls(summary), _legend(), Text(common.controls_note(summary))),
        ),
        (_("Policies per unit"), Group(_policies(summary), *_policy_notes(summary))),
        (_("Audit findings"), Group(_findings(summary), Text(common.findings_note(summary)))),
        (_("Evidence"), Text(common.evidence_note(summary))),
        (_("Awareness training"), Group(_training(summary), Text(common.training_note(summary)))),
        (_("Incidents"), Group(Text(common.incidents_note(summary)), _deadlines(summary))),
        (_("Risks"), Group(_risk_levels(summary), Text(common.risks_note(summary)))),
    ]


def _risk_levels(summary: StatusFigures) -> Table:
    table = _table(_("Level"), _("Open"))
    for label, count in common.risk_level_rows(summary):
        table.add_row(label, str(count))
    return table


def _table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for position, header in enumerate(headers):
        table.add_column(header, justify="left" if position == 0 else "right")
    return table


def bar(row: common.ThemeRow) -> Text:
    """Controls of a theme as a bar: one segment per status, the rest (not applicable or not
    addressed) dotted."""
    text = Text()
    if row.total <= 0:
        return text
    used = 0
    for status, (style, glyph) in BAR_STYLE.items():
        cells = round(row.by_status.get(status, 0) * BAR_WIDTH / max(row.total, row.applicable))
        cells = min(cells, BAR_WIDTH - used)
        text.append(glyph * cells, style=style)
        used += cells
    text.append(REST_STYLE[1] * (BAR_WIDTH - used), style=REST_STYLE[0])
    return text


def _controls(summary: StatusFigures) -> Table:
    """Theme, bar, the count per status (marked with the bar's glyphs), applicable/total."""
    table = _table(_("Theme"), "", "", _("Applicable"))
    for column in table.columns[1:3]:
        column.justify = "left"
        column.no_wrap = True
    for row in common.theme_rows(summary):
        counts = Text()
        for status, (style, glyph) in BAR_STYLE.items():
            counts.append(glyph, style=style)
            counts.append(f"{row.by_status.get(status, 0):>3} ")
        table.add_row(row.label, bar(row), counts, f"{row.applicable}/{row.total}")
    return table


def _legend() -> Text:
    legend = Text()
    for (style, glyph), label in zip(BAR_STYLE.values(), common.status_labels(), strict=True):
        legend.append(glyph, style=style)
        legend.append(f" {label}  ")
    legend.append(REST_STYLE[1], style=REST_STYLE[0])
    legend.append(" " + _("not applicable or not addressed"))
    return legend


def _policies(summary: StatusFigures) -> Table:
    table = _table(_("Unit"), *common.policy_state_labels())
    for label, ok, due_soon, overdue in common.policy_rows(summary):
        table.add_row(label, str(ok), _count(due_soon, "yellow"), _count(overdue, "red"))
    return table


def _policy_notes(summary: StatusFigures) -> list[Text]:
    notes = [common.policies_note(summary), common.multi_unit_note(summary.policies)]
    return [Text(note) for note in notes if note]


def _findings(summary: StatusFigures) -> Table:
    table = _table(_("Severity"), _("Total"), _("Open"))
    for label, total, open_count in common.finding_rows(summary):
        table.add_row(label, str(total), str(open_count))
    return table


def _training(summary: StatusFigures) -> Table:
    table = _table(_("Unit"), _("Required"), _("Completed"), _("Rate"), _("Target"))
    for row in common.training_rows(summary):
        style = "red" if row.below_target else "green"
        table.add_row(
            row.label,
            str(row.required),
            str(row.compliant),
            Text(row.rate, style=style),
            Text(common.target_label(row.below_target), style=style),
        )
    return table


def _deadlines(summary: StatusFigures) -> RenderableType:
    rows = common.deadline_rows(summary)
    if not rows:
        return Text(_("No open incident is waiting for its notification."))
    table = _table(_("Incident"), _("Kind"), _("Title"), _("Deadline"), _("Time left"))
    for column in table.columns[:4]:
        column.justify = "left"
    for column in (table.columns[0], table.columns[1], table.columns[4]):
        column.no_wrap = True
    # On a narrow terminal rich narrows the widest columns first: the title and the deadline
    # both wrap, rather than the title alone over seven lines (issue 15).
    for row in rows:
        table.add_row(
            row.id,
            row.kind,
            row.title,
            row.deadline,
            Text(row.countdown, style="red" if row.late else "yellow"),
        )
    return table


def _count(value: int, style: str) -> Text:
    return Text(str(value), style=style if value else "")
