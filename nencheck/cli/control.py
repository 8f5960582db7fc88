"""``nencheck control``: show one control with everything linked to it; import an existing SoA."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from nencheck.cli.completion import complete_control_ids
from nencheck.cli.context import (
    app,
    emit,
    format_option,
    global_options,
    output_option,
    text_width,
)
from nencheck.cli.groups import HelpGroup
from nencheck.cli.policy_import import import_options
from nencheck.errors import NencheckError
from nencheck.i18n import _, current_language
from nencheck.model.records import Records


@click.group(cls=HelpGroup)
@global_options
def control() -> None:
    """Controls: show one with everything linked to it; import an SoA.

    \b
    Examples:
      nencheck control show 5.15
      nencheck control import verklaring-van-toepasselijkheid.xlsx --dry-run
    """


@control.command()
@click.argument("control_id", metavar="ID", shell_complete=complete_control_ids)
@format_option("text", "json")
@output_option
@global_options
@click.pass_context
def show(ctx: click.Context, control_id: str, output_format: str, output: Path | None) -> int:
    """Show a control: catalog title and theme, its SoA entry, the policies that implement it
    with their review state, evidence with its validity, findings and incidents that name it,
    and the control file's git history.

    \b
    Example:
      nencheck control show 8.13 --format json
    """
    from nencheck.checks.control_view import control_view
    from nencheck.render import control_json, control_text

    state = app(ctx)
    records = state.load()
    control_id = resolve_control_id(control_id, records)
    view = control_view(records, control_id, state.as_of, current_language())
    if view is None:
        raise NencheckError(
            _(
                "there is no control '{id}' in the catalog {catalog} or in the "
                "control files; 'nencheck soa' lists them all"
            ).format(id=control_id, catalog=records.catalog.catalog)
        )
    view.history = file_versions(state.root, view.soa_file)
    if output_format == "text":
        emit(control_text.render(view, state.as_of, text_width(output)), output)
    else:
        emit(control_json.render(view, state.as_of), output)
    return 0


def resolve_control_id(written: str, records: Records) -> str:
    """The control an id refers to: ``A.5.15`` is 5.15; a 2013 number such as ``9.4.1`` is the
    2022 control that replaced it (said on stderr), refused when it was split over several."""
    from nencheck.imports.soa import resolve_id

    known = set(records.catalog.ids()) | set(records.control_by_id)
    if written in known:
        return written
    targets, old_id = resolve_id(written, known)
    if old_id is not None and len(targets) > 1:
        raise NencheckError(
            _("{old} (ISO 27002:2013) went to several controls: {ids}; show one of them").format(
                old=old_id, ids=", ".join(targets)
            )
        )
    if old_id is not None and targets:
        click.echo(
            _("{old} (ISO 27002:2013) is {new} in the 2022 numbering").format(
                old=old_id, new=targets[0]
            ),
            err=True,
        )
    return targets[0] if targets else written


def file_versions(root: Path, path: str | None) -> list[dict[str, Any]] | None:
    """The file's commits, newest first; None outside a git repository (then there is none)."""
    from nencheck.store.git.runner import is_git_repo

    if path is None or not is_git_repo(root):
        return None
    from nencheck.store.git.history import file_history

    try:
        history = file_history(root, path, with_content=False)
    except NencheckError:  # e.g. a repository without any commit yet
        return []
    return [
        {
            "commit": version.commit,
            "date": version.date,
            "author": version.author,
            "message": (version.message.strip().splitlines() or [""])[0],
        }
        for version in history
    ]


@control.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@import_options
@global_options
@click.pass_context
def import_soa(
    ctx: click.Context,
    file: Path,
    maps: tuple[str, ...],
    sheet: str | None,
    dry_run: bool,
    skip_invalid: bool,
    no_commit: bool,
    force: bool,
) -> int:
    """Import an existing Statement of Applicability (.xlsx or .csv) into the control files.

    Columns: control id, applicable (Ja/Nee), justification, status (Geïmplementeerd,
    Gedeeltelijk, Gepland, Niet gestart) and owner. 2013 numbers (A.9.4.1) are mapped to the
    2022 controls; rows that merge into one control are reported. Existing control files are
    updated in place, missing ones created; one commit.

    \b
    Example:
      nencheck control import vvt.xlsx --map id=Nr,applicable="Van toepassing" --dry-run
    """
    from nencheck.cli.import_run import RunOptions, finish_import, read_import
    from nencheck.imports.soa import plan_soa_import
    from nencheck.imports.table import CONTROL_HEADERS

    read = read_import(ctx, file, maps, sheet, CONTROL_HEADERS, dry_run)
    state, table = read.state, read.table
    plan = plan_soa_import(table, read.columns, read.records, state.root)
    run = RunOptions(dry_run=dry_run, skip_invalid=skip_invalid, commit=not no_commit, force=force)
    return finish_import(state.root, table, plan, run, _("Import Statement of Applicability"))
