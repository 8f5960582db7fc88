"""``nencheck risk import``: a Dutch risk spreadsheet becomes one risk file per row, one commit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from nencheck.cli.context import global_options
from nencheck.cli.groups import HelpCommand
from nencheck.cli.policy_import import import_options
from nencheck.i18n import _


@click.command(
    name="import", cls=HelpCommand, short_help="Import a Dutch risk spreadsheet (one commit)."
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@import_options
@global_options
@click.pass_context
def risk_import(
    ctx: click.Context,
    file: Path,
    maps: tuple[str, ...],
    sheet: str | None,
    dry_run: bool,
    skip_invalid: bool,
    no_commit: bool,
    force: bool,
) -> int:
    """Import a risk spreadsheet (.xlsx or .csv): one risk file per row, one commit.

    Dutch headers (Risico, Dreiging, Kwetsbaarheid, Kans, Impact, Eigenaar, Maatregelen,
    Behandeling, Afdeling, Datum) and Dutch words (Kans: waarschijnlijk, hoog; Impact:
    ernstig; Behandeling: mitigeren, verminderen, accepteren, overdragen, vermijden) are
    understood. Rows without an id get R-<year>-NNN; rows without a date are assessed today.
    Nothing is written while any row is invalid, unless --skip-invalid.

    \b
    Example:
      nencheck risk import risicoanalyse.xlsx --dry-run --map title=Risico,owner=Eigenaar
    """
    from nencheck.cli.import_run import RunOptions, finish_import, read_import
    from nencheck.imports.risks import RISK_HEADERS, RiskImportOptions, plan_risk_import

    read = read_import(ctx, file, maps, sheet, RISK_HEADERS, dry_run)
    state, table = read.state, read.table
    today = date.today()
    options = RiskImportOptions(label=file.name, assessed=min(state.as_of, today), today=today)
    plan = plan_risk_import(table, read.columns, read.records, state.root, options)
    run = RunOptions(dry_run=dry_run, skip_invalid=skip_invalid, commit=not no_commit, force=force)
    return finish_import(state.root, table, plan, run, _("Import risk register"))
