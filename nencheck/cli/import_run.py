"""What the record imports (``policy import``, ``control import``, ``risk import``) share: reading
the records and the sheet under the write lock before the plan, and once the plan is made: reporting problems,
refusing while rows are invalid, the dry run, and the one commit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from nencheck.cli import exitcodes
from nencheck.cli.context import AppContext, app
from nencheck.i18n import _, ngettext
from nencheck.imports.plan import show_value
from nencheck.model.importing import ColumnMap, ImportPlan, Table
from nencheck.model.records import Records


@dataclass(frozen=True)
class ImportInput:
    state: AppContext
    records: Records
    table: Table
    columns: ColumnMap


def read_import(
    ctx: click.Context,
    file: Path,
    maps: tuple[str, ...],
    sheet: str | None,
    headers: dict[str, tuple[str, ...]],
    dry_run: bool,
) -> ImportInput:
    """Take the write lock (not for a dry run) before reading anything, read the records
    strictly (an import into broken records is refused), read the sheet and match its columns
    to ``headers``: the same steps, in the same order, for every record import."""
    from nencheck.cli.editing import lock_for_write
    from nencheck.imports.table import expected_headers, map_columns, parse_map_option, read_table

    state = app(ctx)
    if not dry_run:
        lock_for_write(state.root)
    records = state.load_for_change()
    explicit = parse_map_option(maps)
    table = read_table(file, file.name, sheet, expected_headers(explicit, headers))
    return ImportInput(state, records, table, map_columns(table, explicit, headers))


@dataclass
class RunOptions:
    dry_run: bool
    skip_invalid: bool
    commit: bool
    force: bool


def finish_import(
    root: Path, table: Table, plan: ImportPlan, options: RunOptions, subject: str
) -> int:
    """Report, then write and commit the plan (or not); returns the exit code."""
    for problem in sorted(plan.problems, key=lambda p: p.row):
        click.echo(str(problem), err=True)
    invalid = plan.invalid_rows
    if plan.table_problems or (invalid and not options.skip_invalid):
        click.echo(_refusal(plan, invalid), err=True)
        return exitcodes.INVALID
    for note in plan.notes:
        click.echo(note)
    if invalid:
        places = ", ".join(table.place(row) for row in invalid)
        click.echo(
            ngettext(
                "skipped {count} invalid row: {rows}",
                "skipped {count} invalid rows: {rows}",
                len(invalid),
            ).format(count=len(invalid), rows=places),
            err=True,
        )
    counts = _counts(plan, len(invalid), options.dry_run)
    if options.dry_run:
        _list_files(plan, _("would create {path}"), _("would update {path}: {changes}"))
        click.echo(_("{counts} (dry run: nothing written)").format(counts=counts))
        return exitcodes.OK
    if not plan.files():
        click.echo(_("{counts}: nothing to change").format(counts=counts))
        return exitcodes.OK
    return _write(root, table, plan, options, subject, counts)


def _list_files(plan: ImportPlan, create: str, update: str) -> None:
    """One line per file; ``create`` and ``update`` are translated templates."""
    for planned in plan.creates:
        click.echo(create.format(path=planned.path))
    for planned in plan.updates:
        changes = ", ".join(
            f"{c.field} {show_value(c.old)} -> {show_value(c.new)}" for c in planned.changes
        )
        click.echo(update.format(path=planned.path, changes=changes))


def _write(
    root: Path, table: Table, plan: ImportPlan, options: RunOptions, subject: str, counts: str
) -> int:
    from datetime import date

    from nencheck.store.write.event_dates import refuse_future_events
    from nencheck.store.write.writer import Change, apply_changes

    changes = [Change(planned.path, planned.content) for planned in plan.files()]
    refuse_future_events(changes, date.today())  # only the CLI knows today
    message = commit_message(table, plan, subject, counts)

    def announce(commit: str | None) -> None:
        _list_files(plan, _("created {path}"), _("updated {path}: {changes}"))
        if commit:
            click.echo(_("{counts}; committed {commit}").format(counts=counts, commit=commit[:10]))
        else:
            click.echo(_("{counts}; not committed").format(counts=counts))

    apply_changes(
        root, changes, message, commit=options.commit, force=options.force, announce=announce
    )
    return exitcodes.OK


def commit_message(table: Table, plan: ImportPlan, subject: str, counts: str) -> str:
    """``Import policy register register.xlsx: 170 created, 0 updated`` and the details."""
    lines = [f"{subject} {table.label}: {counts}", ""]
    where = table.label + (f", {_('sheet')} {table.sheet}" if table.sheet else "")
    lines.append(
        _("Source: {where}, header on row {row}.").format(where=where, row=table.header_row)
    )
    if plan.invalid_rows:
        lines.append(
            _("Skipped invalid rows: {rows}.").format(
                rows=", ".join(table.place(row) for row in plan.invalid_rows)
            )
        )
    lines += plan.notes
    return "\n".join(lines).rstrip() + "\n"


def _counts(plan: ImportPlan, skipped: int, dry_run: bool = False) -> str:
    if dry_run:
        template = _("{created} to create, {updated} to update, {unchanged} unchanged")
    else:
        template = _("{created} created, {updated} updated, {unchanged} unchanged")
    text = template.format(
        created=len(plan.creates), updated=len(plan.updates), unchanged=len(plan.unchanged)
    )
    if skipped:
        text += ", " + _("{skipped} skipped").format(skipped=skipped)
    return text


def _refusal(plan: ImportPlan, invalid: list[int]) -> str:
    if plan.table_problems:
        return _("nothing written: the sheet cannot be imported as it is")
    return ngettext(
        "nothing written: {count} row has problems; fix it, or use --skip-invalid to import the "
        "other rows",
        "nothing written: {count} rows have problems; fix them, or use --skip-invalid to import "
        "the other rows",
        len(invalid),
    ).format(count=len(invalid))
