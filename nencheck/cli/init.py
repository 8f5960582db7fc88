"""``nencheck init [DIR]``: scaffold a compliance repository."""

from __future__ import annotations

from pathlib import Path

import click

from nencheck.cli.context import global_options, text_width
from nencheck.cli.groups import HelpCommand
from nencheck.i18n import _
from nencheck.store.read.catalogs import BUILTIN, builtin_catalog
from nencheck.store.write.scaffold import create_repository, scaffold_files


@click.command(cls=HelpCommand)
@click.argument(
    "directory", required=False, type=click.Path(file_okay=False, path_type=Path), default="."
)
@click.option(
    "--organisation",
    default="Mijn organisatie",
    show_default=True,
    help="Name of the organisation.",
)
@click.option("--framework", type=click.Choice(BUILTIN), default="nen7510-2024", show_default=True)
@click.option("--language", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--no-commit", is_flag=True, help="Create the files but make no git commit.")
@click.option(
    "--example",
    is_flag=True,
    help="Create the example organisation instead, with two years of dated git history.",
)
@global_options
def init(
    directory: Path,
    organisation: str,
    framework: str,
    language: str,
    no_commit: bool,
    example: bool,
) -> int:
    """Scaffold a new compliance repository.

    Create a compliance repository: nencheck.yaml, one control file per catalog control
    (applicable, not_started), the folders, a .gitignore and a first git commit.

    With --example, DIR gets the example organisation Huisartsenzorg Voorbeeldregio as a git
    repository of its own, whose commits from 2024-12-02 to 2026-11-23 replay its reviews,
    audits, incidents, training imports and risk assessments: try --as-recorded on it.

    \b
    Examples:
      nencheck init compliance --organisation "Huisartsenzorg Voorbeeldregio"
      nencheck init --example voorbeeld
    """
    if example:
        return _init_example(directory)
    catalog = builtin_catalog(framework)
    files = scaffold_files(catalog, organisation, language)
    create_repository(directory, files, commit=not no_commit)
    from nencheck.render.layout import wrap_text

    message = _(
        "created {count} files in {path}; next: edit nencheck.yaml (units, contacts) and run "
        "'nencheck status'"
    ).format(count=len(files), path=directory)
    click.echo(wrap_text(message, text_width()))
    return 0


def _init_example(directory: Path) -> int:
    from nencheck.store.write.example import END, START, write_example

    count = write_example(directory)
    click.echo(
        _(
            "created the example organisation in {path}: {count} commits from {first} to {last}; "
            "next: cd {path} && nencheck status --as-of {last}"
        ).format(path=directory, count=count, first=START, last=END)
    )
    return 0
