"""``nencheck policy import``: a protocol register spreadsheet becomes one policy file per row."""

from __future__ import annotations

from pathlib import Path

import click

from nencheck.cli.context import global_options
from nencheck.cli.groups import HelpCommand
from nencheck.i18n import _


def import_options(function: click.decorators.FC) -> click.decorators.FC:
    """Options shared by ``policy import`` and ``control import``."""
    options = [
        click.option(
            "--map",
            "maps",
            multiple=True,
            metavar="FIELD=HEADER,...",
            help="Which column holds which field, e.g. "
            '--map id=Nummer,title=Titel,last_reviewed="Laatst herzien".',
        ),
        click.option("--sheet", metavar="NAME", help="The sheet to read (default: the first)."),
        click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing."),
        click.option(
            "--skip-invalid", is_flag=True, help="Import the valid rows and list the skipped ones."
        ),
        click.option(
            "--no-commit", is_flag=True, help="Write and stage the files, but do not commit."
        ),
        click.option(
            "--force", is_flag=True, help="Also change files that have uncommitted changes."
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.command(name="import", cls=HelpCommand)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@import_options
@click.option(
    "--update", is_flag=True, help="Change existing policies whose fields differ from the register."
)
@click.option(
    "--unit-folders/--no-unit-folders",
    default=None,
    help="Group files by unit: policies/<unit>/<id>.yaml (default when a unit column "
    "is mapped; otherwise policies/imported/).",
)
@click.option(
    "--default",
    "defaults",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Value for a field the sheet has no column (or an empty cell) for, e.g. "
    "--default type=procedure. Built in: type=protocol, status=active, version=1.0.",
)
@global_options
@click.pass_context
def policy_import(
    ctx: click.Context,
    file: Path,
    maps: tuple[str, ...],
    sheet: str | None,
    dry_run: bool,
    skip_invalid: bool,
    no_commit: bool,
    force: bool,
    update: bool,
    unit_folders: bool | None,
    defaults: tuple[str, ...],
) -> int:
    """Import a protocol register (.xlsx or .csv): one policy file per row, one commit.

    Dutch headers (Nummer, Titel, Eigenaar, Laatst herzien, Herzieningstermijn, ...), Dutch
    dates and revision terms (jaarlijks, 2 jaar, elke 3 jaar) are understood. Nothing is written
    while any row is invalid, unless --skip-invalid.

    \b
    Example:
      nencheck policy import register.xlsx --dry-run \\
        --map id=Nummer,title=Titel,owner=Eigenaar,review_interval=Herzieningstermijn
    """
    from nencheck.cli.import_run import RunOptions, finish_import, read_import
    from nencheck.imports.policies import PolicyImportOptions, parse_defaults, plan_policy_import
    from nencheck.imports.table import POLICY_HEADERS

    read = read_import(ctx, file, maps, sheet, POLICY_HEADERS, dry_run)
    state, table = read.state, read.table
    options = PolicyImportOptions(
        label=file.name, update=update, unit_folders=unit_folders, defaults=parse_defaults(defaults)
    )
    plan = plan_policy_import(table, read.columns, read.records, state.root, options)
    run = RunOptions(dry_run=dry_run, skip_invalid=skip_invalid, commit=not no_commit, force=force)
    return finish_import(state.root, table, plan, run, _("Import policy register"))
