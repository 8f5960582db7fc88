"""``nencheck training status|import``: awareness-training figures, and importing completions
exported from the learning platform."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from nencheck.cli import exitcodes
from nencheck.cli.context import (
    app,
    check_unit,
    emit,
    format_option,
    global_options,
    output_option,
    text_width,
)
from nencheck.cli.editing import commit, commit_options, records_for_edit
from nencheck.cli.groups import HelpGroup
from nencheck.i18n import _

if TYPE_CHECKING:
    from nencheck.model.importing import CompletionPlan

PROGRESS_FROM_ROWS = 2000  # below this an import is instant; no bar


@click.group(cls=HelpGroup)
@global_options
def training() -> None:
    """Awareness training: completion per unit and module; import learning-platform exports.

    \b
    Examples:
      nencheck training status --unit HAP
      nencheck training import export-leerplatform.xlsx --dry-run
    """


@training.command()
@click.option("--unit", metavar="UNIT", help="Only the people of this unit.")
@click.option(
    "--names",
    is_flag=True,
    help="Also show names of people without a valid completion, where people.yaml has them.",
)
@format_option("text", "json")
@output_option
@global_options
@click.pass_context
def status(
    ctx: click.Context, unit: str | None, names: bool, output_format: str, output: Path | None
) -> int:
    """Completion per unit and per module against the target; who is overdue.

    People are listed by personnel number; names only with --names (personal data).

    \b
    Example:
      nencheck training status --as-of 2026-11-23 --format json
    """
    from nencheck.checks.training import training_figures
    from nencheck.render.training import status_json, status_text

    state = app(ctx)
    records = state.load()
    check_unit(records, unit, allow_all=True)
    figures = training_figures(records, state.as_of, None if unit in (None, "all") else unit)
    if output_format == "json":
        emit(status_json(figures, records, state.as_of, names), output)
    else:
        emit(status_text(figures, records, state.as_of, names, text_width(output)), output)
    return exitcodes.OK


@training.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="FIELD=HEADER,...",
    help="Which column holds what: person=Personeelsnummer,module=Cursus,completed=Afgerond "
    "(default: recognised from common Dutch and English headers).",
)
@click.option(
    "--date-format",
    metavar="FORMAT",
    help="How dates are written, in strptime codes, e.g. %d-%m-%Y or %m/%d/%Y "
    "(default: Dutch forms and ISO are recognised).",
)
@click.option("--sheet", metavar="NAME", help="The XLSX sheet to read (default: the first).")
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.option(
    "--skip-unknown",
    "--skip-invalid",
    "skip_unknown",
    is_flag=True,
    help="Import the other rows when some name unknown people or modules, or have "
    "unreadable dates (they are listed).",
)
@commit_options
@format_option("text", "json")
@global_options
@click.pass_context
def import_completions(
    ctx: click.Context,
    file: Path,
    maps: tuple[str, ...],
    date_format: str | None,
    sheet: str | None,
    dry_run: bool,
    skip_unknown: bool,
    no_commit: bool,
    force: bool,
    output_format: str,
) -> int:
    """Import completed modules from a learning-platform export (CSV or XLSX); one commit.

    Rows already recorded (same person, module and date) are not added again, so importing the
    same export twice adds nothing. When rows name unknown personnel numbers or modules, nothing
    is written (exit 2) unless --skip-unknown. Name columns are never read.

    \b
    Example:
      nencheck training import export.csv --map person=Personeelsnummer,module=Cursus,completed=Afgerond
    """
    from nencheck.imports.training import read_export
    from nencheck.registers.training import completion_changes
    from nencheck.render.training import import_json, import_text

    state = app(ctx)
    records = records_for_edit(
        state, write=not dry_run, needs=frozenset({"person", "module", "completion"})
    )
    with _progress() as progress:
        plan = read_export(
            file,
            records,
            state.as_of,
            maps=maps,
            date_format=date_format,
            sheet=sheet,
            progress=progress,
        )
    blocked = bool(plan.unknown or plan.invalid) and not skip_unknown
    written: list[str] = []
    if plan.new and not blocked and not dry_run:
        changes = completion_changes(state.root, plan.new)
        commit(state.root, changes, _import_message(file, plan), no_commit=no_commit, force=force)
        written = [change.path for change in changes]
    if output_format == "json":
        emit(import_json(plan, written, skip_unknown), None)
    else:
        emit(import_text(plan, written, skip_unknown, text_width()), None)
    if blocked:
        click.echo(
            _(
                "error: nothing was imported: fix the rows listed (add the people or modules, "
                "or correct the export), or import the other rows with --skip-unknown"
            ),
            err=True,
        )
        return exitcodes.INVALID
    if dry_run:
        click.echo(_("dry run: nothing was written"), err=True)
    elif not plan.new:
        click.echo(_("nothing new to import"), err=True)
    return exitcodes.OK


def _import_message(file: Path, plan: CompletionPlan) -> str:
    skipped = len(plan.unknown_people) + len(plan.unknown_modules) + len(plan.invalid)
    return _(
        "Import {count} training completion(s) from {file}\n\n{rows} row(s) read: {recorded} "
        "already recorded, {duplicates} duplicate(s) in the file, {open} without a completion "
        "date, {skipped} skipped.\n"
    ).format(
        count=len(plan.new),
        file=file.name,
        rows=plan.rows,
        recorded=plan.already_recorded,
        duplicates=plan.duplicates_in_file,
        open=plan.not_completed,
        skipped=skipped,
    )


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for large exports, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(_("importing"), total=None, visible=False)

        def report(done: int, total: int) -> None:
            if total >= PROGRESS_FROM_ROWS:
                bar.update(task, completed=done, total=total, visible=True)

        yield report
