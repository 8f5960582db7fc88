"""The SoA as plain text for the terminal: one line per control, grouped by theme."""

from __future__ import annotations

from nencheck.checks.soa import SoaRow
from nencheck.i18n import _
from nencheck.render.dates import prose_day
from nencheck.render.labels import applicable_label, control_status_label
from nencheck.render.soa_common import SoaView, document_title

TITLE_WIDTH = 46
MAPPED_WIDTH = 22
INDENT = " " * 9


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render(view: SoaView) -> str:
    mapped_width = min(MAPPED_WIDTH, max((len(_mapped(row)) for row in view.rows), default=0))
    lines = [f"{document_title()}: {view.organisation} ({view.framework}, {prose_day(view.as_of)})"]
    for theme, rows in view.rows_by_theme():
        lines += ["", view.theme_label(theme)]
        for row in rows:
            lines.append(_line(row, mapped_width if view.mapped_from_2013 else None))
            if row.applicable is False and row.justification:
                lines.append(INDENT + _("excluded: {reason}").format(reason=row.justification))
    lines += ["", _counts(view)]
    return "\n".join(lines) + "\n"


def _mapped(row: SoaRow) -> str:
    return ", ".join(row.iso27002_2013 or [])


def _line(row: SoaRow, mapped_width: int | None) -> str:
    status = control_status_label("not_applicable" if row.applicable is False else row.status)
    cells = [f"  {row.id:<6}", f"{_shorten(row.title, TITLE_WIDTH):<{TITLE_WIDTH}}"]
    if mapped_width is not None:
        cells.append(f"{_shorten(_mapped(row), mapped_width):<{mapped_width}}")
    cells += [
        f"{applicable_label(row.applicable):<4}",
        f"{status:<22}",
        ", ".join(row.policies + row.evidence),
    ]
    return " ".join(cells).rstrip()


def _counts(view: SoaView) -> str:
    applicable = sum(1 for row in view.rows if row.applicable)
    excluded = sum(1 for row in view.rows if row.applicable is False)
    missing = sum(1 for row in view.rows if not row.addressed)
    return _(
        "{total} controls: {applicable} applicable, {excluded} not applicable, {missing} not addressed"
    ).format(total=len(view.rows), applicable=applicable, excluded=excluded, missing=missing)
