"""Awareness training for people: ``training status`` (text, JSON) and the outcome of
``training import``. People appear by personnel number; a name only when asked for and present."""

from __future__ import annotations

from datetime import date
from typing import Any

from nencheck.checks.training import (
    Assignment,
    Figures,
    TrainingFigures,
    assignment_due,
    below_target,
    percent,
)
from nencheck.i18n import _
from nencheck.model.importing import CompletionPlan, group_by_value
from nencheck.model.records import Records
from nencheck.render.dates import prose_day
from nencheck.render.layout import CUT, WRAP, Column, wrap_block
from nencheck.render.registers import table_text, to_json


def _figures(figures: Figures, target: float) -> dict[str, Any]:
    return {**figures.to_json(), "below_target": below_target(figures, target)}


def _overdue_json(
    assignment: Assignment, names: bool, records: Records, as_of: date
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "person": assignment.person.id,
        "unit": assignment.person.unit,
        "module": assignment.module.id,
        "last_completed": assignment.last_completed.isoformat()
        if assignment.last_completed
        else None,
        "valid_until": assignment.valid_until.isoformat() if assignment.valid_until else None,
        "due": assignment_due(records, assignment, as_of).isoformat(),
    }
    if names and assignment.person.name:
        data["name"] = assignment.person.name
    return data


def status_json(figures: TrainingFigures, records: Records, as_of: date, names: bool) -> str:
    target = records.settings.training_target
    return to_json(
        {
            "as_of": as_of.isoformat(),
            "target": target,
            **figures.overall.to_json(),
            "by_unit": {unit: _figures(f, target) for unit, f in figures.by_unit.items()},
            "by_module": {
                module: {"title": records.module_by_id[module].title, **_figures(f, target)}
                for module, f in figures.by_module.items()
            },
            "overdue": [_overdue_json(a, names, records, as_of) for a in _sorted(figures.overdue)],
        }
    )


def status_text(
    figures: TrainingFigures,
    records: Records,
    as_of: date,
    names: bool,
    width: int | None = None,
) -> str:
    target = records.settings.training_target
    parts = [
        _("Awareness training on {date} (target {target})").format(
            date=prose_day(as_of), target=percent(target)
        ),
        "",
    ]
    header = [
        Column(_("REQUIRED"), right=True),
        Column(_("COMPLIANT"), right=True),
        Column(_("RATE"), right=True),
        Column(""),
    ]
    units = [
        [unit, records.settings.unit_name(unit), *_cells(f, target)]
        for unit, f in figures.by_unit.items()
    ]
    units.append([_("all"), "", *_cells(figures.overall, target)])
    named = [Column(_("UNIT")), Column(_("NAME"), shrink=CUT, drop=1, min_width=12), *header]
    parts.append(table_text(named, units, width))
    modules = [
        [module, records.module_by_id[module].title, *_cells(f, target)]
        for module, f in figures.by_module.items()
    ]
    if modules:
        titled = [Column(_("MODULE")), Column(_("TITLE"), shrink=WRAP, min_width=16), *header]
        parts.append(table_text(titled, modules, width))
    overdue = _sorted(figures.overdue)
    if overdue:
        parts.append(_("Without a valid completion ({count}):").format(count=len(overdue)))
        rows = [_overdue_row(a, names, records, as_of) for a in overdue]
        parts.append(table_text(_overdue_header(names), rows, width))
    people = _("{trained} of {people} people fully trained").format(
        trained=figures.people_trained, people=figures.people
    )
    return "\n".join(parts) + people + "\n"


def _cells(figures: Figures, target: float) -> list[str]:
    rate = "—" if figures.rate is None else percent(figures.rate, 1)
    flag = _("below target") if below_target(figures, target) else ""
    return [str(figures.required), str(figures.compliant), rate, flag]


def _overdue_header(names: bool) -> list[Column]:
    columns = [
        Column(_("PERSON")),
        Column(_("UNIT")),
        Column(_("MODULE")),
        Column(_("LAST COMPLETED")),
        Column(_("VALID UNTIL"), drop=1),
        Column(_("DUE")),
    ]
    return [*columns, Column(_("NAME") if names else "", shrink=CUT, min_width=12)]


def _overdue_row(assignment: Assignment, names: bool, records: Records, as_of: date) -> list[str]:
    """Never completed: due since the fixed date the module became required (docs/evaluation.md)."""
    return [
        assignment.person.id,
        assignment.person.unit,
        assignment.module.id,
        assignment.last_completed.isoformat() if assignment.last_completed else _("never"),
        assignment.valid_until.isoformat() if assignment.valid_until else "—",
        assignment_due(records, assignment, as_of).isoformat(),
        (assignment.person.name or "") if names else "",
    ]


def _sorted(assignments: list[Assignment]) -> list[Assignment]:
    return sorted(assignments, key=lambda a: (a.person.unit, a.person.id, a.module.id))


# --- import -----------------------------------------------------------------------------------


def import_json(plan: CompletionPlan, written: list[str], skipped: bool) -> str:
    return to_json(
        {
            "file": {
                "kind": plan.table.kind,
                "encoding": plan.table.encoding,
                "delimiter": plan.table.delimiter,
                "sheet": plan.table.sheet,
                "header_row": plan.table.header_row,
                "columns": plan.column_headers(),
            },
            "rows": plan.rows,
            "new": len(plan.new),
            "already_recorded": plan.already_recorded,
            "duplicates_in_file": plan.duplicates_in_file,
            "not_completed": plan.not_completed,
            "unknown_people": [
                {"value": v, "rows": r} for v, r in group_by_value(plan.unknown_people)
            ],
            "unknown_modules": [
                {"value": v, "rows": r} for v, r in group_by_value(plan.unknown_modules)
            ],
            "invalid": [
                {"row": i.row, "value": i.value, "message": i.message} for i in plan.invalid
            ],
            "skipped": skipped,
            "written": written,
        }
    )


def import_text(
    plan: CompletionPlan, written: list[str], skipped: bool, width: int | None = None
) -> str:
    lines = [_read_line(plan)]
    lines.append(
        _(
            "{rows} row(s): {new} new, {recorded} already recorded, {duplicates} "
            "duplicate(s) in the file, {open} without a completion date"
        ).format(
            rows=plan.rows,
            new=len(plan.new),
            recorded=plan.already_recorded,
            duplicates=plan.duplicates_in_file,
            open=plan.not_completed,
        )
    )
    lines += problem_lines(plan, skipped)
    lines += [_("written: {file}").format(file=path) for path in written]
    return "\n".join(wrap_block(lines, width)) + "\n"


def _read_line(plan: CompletionPlan) -> str:
    columns = ", ".join(f"{name}={header}" for name, header in plan.column_headers().items())
    table = plan.table
    if table.kind == "xlsx":
        return _("read sheet '{sheet}', header in row {row}: {columns}").format(
            sheet=table.sheet, row=plan.table.header_row, columns=columns
        )
    delimiter = {"\t": "tab"}.get(table.delimiter or "", table.delimiter)
    return _(
        "read CSV ({encoding}, delimiter '{delimiter}'), header in row {row}: {columns}"
    ).format(
        encoding=table.encoding, delimiter=delimiter, row=plan.table.header_row, columns=columns
    )


def problem_lines(plan: CompletionPlan, skipped: bool) -> list[str]:
    """Unknown people and modules and unreadable rows, each with the rows they occur in."""
    verb = _("skipped") if skipped else _("not imported")
    lines = []
    for value, rows in group_by_value(plan.unknown_people):
        lines.append(
            _(
                "{verb}: unknown personnel number {value} (row {rows}); add it to "
                "evidence/training/people.yaml"
            ).format(verb=verb, value=value, rows=_rows(rows))
        )
    for value, rows in group_by_value(plan.unknown_modules):
        lines.append(
            _(
                "{verb}: unknown module '{value}' (row {rows}); use a module id or its exact "
                "title from evidence/training/modules.yaml"
            ).format(verb=verb, value=value, rows=_rows(rows))
        )
    for issue in plan.invalid:
        lines.append(
            _("{verb}: row {row}: {message}").format(
                verb=verb, row=issue.row, message=issue.message
            )
        )
    return lines


def _rows(rows: list[int]) -> str:
    shown = ", ".join(str(row) for row in rows[:10])
    return shown + (_(" and {count} more").format(count=len(rows) - 10) if len(rows) > 10 else "")
