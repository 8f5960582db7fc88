"""``nencheck evidence add`` (store a file with its sha256 and a record) and ``nencheck verify``."""

from __future__ import annotations

from pathlib import Path

import click

from nencheck.cli import exitcodes
from nencheck.cli.context import (
    app,
    emit,
    format_option,
    global_options,
    output_option,
    parse_cli_date,
    parse_cli_duration,
    text_width,
)
from nencheck.cli.editing import commit, commit_options, records_for_edit, split_ids
from nencheck.cli.groups import HelpCommand, HelpGroup
from nencheck.errors import NencheckError
from nencheck.i18n import _


@click.group(cls=HelpGroup)
@global_options
def evidence() -> None:
    """Evidence: store files with their sha256 and a record.

    \b
    Example:
      nencheck evidence add restoretest-q3.pdf --title "Restoretest Q3" --controls 8.13 --valid-for 1y
    """


@evidence.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", required=True, help="What the evidence shows.")
@click.option(
    "--controls", multiple=True, metavar="IDS", help="Controls it supports, e.g. 8.13,5.30."
)
@click.option("--valid-for", metavar="DURATION", help="How long it counts, e.g. 1y, 6m, 90d.")
@click.option("--valid-until", metavar="DATE", help="Or the last day it counts (YYYY-MM-DD).")
@click.option("--owner", help="Who keeps it current.")
@click.option("--id", "evidence_id", metavar="ID", help="The id (default: next EV-<year>-NNN).")
@click.option(
    "--collected", metavar="DATE", help="When it was collected (default: --as-of or today)."
)
@commit_options
@global_options
@click.pass_context
def add(
    ctx: click.Context,
    file: Path,
    title: str,
    controls: tuple[str, ...],
    valid_for: str | None,
    valid_until: str | None,
    owner: str | None,
    evidence_id: str | None,
    collected: str | None,
    no_commit: bool,
    force: bool,
) -> int:
    """Store FILE under evidence/files/<year>/ and record it with its sha256; prints the id.

    The file and its record evidence/records/<year>/<id>.yaml are committed together.

    \b
    Example:
      nencheck evidence add ~/Downloads/restoretest-q3.pdf --title "Restoretest back-up Q3" \\
        --controls 8.13 --valid-for 1y --owner ICT-beheer
    """
    from nencheck.registers.evidence import NewEvidence, attach_evidence

    state = app(ctx)
    if valid_for and valid_until:
        raise NencheckError(_("give --valid-for or --valid-until, not both"))
    duration = parse_cli_duration(valid_for, "--valid-for") if valid_for else None
    new = NewEvidence(
        source=file,
        title=title,
        controls=split_ids(controls),
        collected=parse_cli_date(collected, "--collected") if collected else state.as_of,
        valid_for=duration,
        valid_until=parse_cli_date(valid_until, "--valid-until") if valid_until else None,
        owner=owner,
        evidence_id=evidence_id,
    )
    edit = attach_evidence(state.root, records_for_edit(state, needs=frozenset({"evidence"})), new)
    commit(state.root, edit.changes, edit.message, no_commit=no_commit, force=force)
    click.echo(edit.record_id)
    return exitcodes.OK


@click.command(cls=HelpCommand)
@format_option("text", "json")
@output_option
@global_options
@click.pass_context
def verify(ctx: click.Context, output_format: str, output: Path | None) -> int:
    """Recompute the sha256 of every evidence file; report changed, missing and unreferenced files.

    Exit 1 when a file changed or is missing, 0 otherwise. Unreferenced files under
    evidence/files/ (named by no evidence file, audit report or policy document) and files
    without a recorded sha256 are warnings.

    \b
    Example:
      nencheck verify --format json
    """
    from nencheck.render.verify import verify_json, verify_text
    from nencheck.store.read.verify import verify_evidence

    state = app(ctx)
    report = verify_evidence(state.root, state.load())
    if output_format == "json":
        emit(verify_json(report, state.as_of), output)
    else:
        emit(verify_text(report, state.as_of, text_width(output)), output)
    return exitcodes.OK if report.ok else exitcodes.RULES_FAILED
