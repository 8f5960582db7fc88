"""``nencheck incident list|add|update|close``: the incident register with notification deadlines."""

from __future__ import annotations

from pathlib import Path

import click

from nencheck.cli import exitcodes
from nencheck.cli.completion import complete_incident_ids
from nencheck.cli.context import (
    app,
    emit,
    format_option,
    global_options,
    output_option,
    parse_cli_date,
    text_width,
)
from nencheck.cli.editing import commit, commit_options, records_for_edit, split_ids
from nencheck.cli.groups import HelpGroup
from nencheck.model.incident import IncidentKind, IncidentStatus

KINDS = [kind.value for kind in IncidentKind]
STATUSES = [status.value for status in IncidentStatus]


@click.group(cls=HelpGroup)
@global_options
def incident() -> None:
    """The incident register, with the notification deadlines.

    A data breach must reach the Autoriteit Persoonsgegevens within 72 hours (AVG art. 33), a
    calamity the IGJ within 3 working days; while open and not notified, `incident list`,
    `status` and `due` count down to the deadline.

    \b
    Examples:
      nencheck incident add --title "Mail naar verkeerde ontvanger" --kind data_breach \\
        --reported "2026-11-21 10:15" --units HCZ --controls 5.24,5.26
      nencheck incident update INC-2026-015 --notified "2026-11-22 16:00" --note "Gemeld bij AP"
      nencheck incident list --status open
    """


@incident.command(name="list")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(STATUSES),
    help="Only incidents with this status (repeatable).",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KINDS),
    help="Only incidents of this kind (repeatable).",
)
@format_option("text", "json", "csv")
@output_option
@global_options
@click.pass_context
def list_incidents(
    ctx: click.Context,
    statuses: tuple[str, ...],
    kinds: tuple[str, ...],
    output_format: str,
    output: Path | None,
) -> int:
    """List incidents, newest first, with the notification deadline of breaches and calamities.

    \b
    Example:
      nencheck incident list --kind data_breach --format json
    """
    from nencheck.checks.registers import incident_rows
    from nencheck.render import registers

    state = app(ctx)
    rows = incident_rows(state.load(), state.as_of, statuses, kinds)
    if output_format == "text":
        emit(registers.incidents_text(rows, state.as_of, text_width(output)), output)
        return exitcodes.OK
    render = {"json": registers.incidents_json, "csv": registers.incidents_csv}[output_format]
    emit(render(rows, state.as_of), output)
    return exitcodes.OK


@incident.command()
@click.option("--title", required=True, help="What happened, without names of patients or staff.")
@click.option("--kind", required=True, type=click.Choice(KINDS))
@click.option(
    "--reported",
    required=True,
    metavar="TIMESTAMP",
    help="When it was reported: 2026-11-21T10:15+01:00, or 2026-11-21 10:15 (Dutch time).",
)
@click.option("--units", multiple=True, metavar="IDS", help="Units concerned (default: all).")
@click.option(
    "--controls", multiple=True, metavar="IDS", help="Controls concerned, e.g. 5.24,5.26."
)
@click.option("--owner", help="Who handles it.")
@click.option("--description", help="Short description (no personal data).")
@commit_options
@global_options
@click.pass_context
def add(
    ctx: click.Context,
    title: str,
    kind: str,
    reported: str,
    units: tuple[str, ...],
    controls: tuple[str, ...],
    owner: str | None,
    description: str | None,
    no_commit: bool,
    force: bool,
) -> int:
    """Record a new incident (id INC-<year>-NNN); prints its id.

    \b
    Example:
      nencheck incident add --title "Laptop gestolen" --kind data_breach \\
        --reported 2026-11-21T10:15+01:00 --units HAP --controls 5.24
    """
    from nencheck.registers.incident import add_incident, parse_moment

    state = app(ctx)
    edit = add_incident(
        state.root,
        records_for_edit(state, needs=frozenset({"incident"})),
        title=title,
        kind=kind,
        reported=parse_moment(reported, "--reported"),
        units=split_ids(units),
        controls=split_ids(controls),
        owner=owner,
        description=description,
    )
    commit(state.root, edit.changes, edit.message, no_commit=no_commit, force=force)
    click.echo(edit.record_id)
    return exitcodes.OK


@incident.command()
@click.argument("incident_id", metavar="ID", shell_complete=complete_incident_ids)
@click.option(
    "--status",
    type=click.Choice([s for s in STATUSES if s != IncidentStatus.CLOSED]),
    help="The new status (to close, use 'incident close').",
)
@click.option(
    "--notified", metavar="TIMESTAMP", help="When the authority (AP or IGJ) was notified."
)
@click.option("--note", help="What happened; kept in the incident's updates.")
@click.option(
    "--date", "day", metavar="DATE", help="Date of the update (default: --as-of or today)."
)
@commit_options
@global_options
@click.pass_context
def update(
    ctx: click.Context,
    incident_id: str,
    status: str | None,
    notified: str | None,
    note: str | None,
    day: str | None,
    no_commit: bool,
    force: bool,
) -> int:
    """Record progress on an incident, or when the authority was notified.

    \b
    Example:
      nencheck incident update INC-2026-015 --notified "2026-11-22 16:00" --note "Gemeld bij de AP"
    """
    from nencheck.registers.incident import parse_moment, update_incident

    state = app(ctx)
    edit = update_incident(
        state.root,
        records_for_edit(state, needs=frozenset({"incident"})),
        incident_id,
        day=parse_cli_date(day, "--date") if day else state.as_of,
        status=status,
        notified=parse_moment(notified, "--notified") if notified else None,
        note=note,
    )
    commit(state.root, edit.changes, edit.message, no_commit=no_commit, force=force)
    return exitcodes.OK


@incident.command()
@click.argument("incident_id", metavar="ID", shell_complete=complete_incident_ids)
@click.option("--date", "day", required=True, metavar="DATE", help="Date it was closed.")
@click.option("--note", help="How it was handled.")
@commit_options
@global_options
@click.pass_context
def close(
    ctx: click.Context, incident_id: str, day: str, note: str | None, no_commit: bool, force: bool
) -> int:
    """Close an incident.

    \b
    Example:
      nencheck incident close INC-2026-015 --date 2026-12-01 --note "Afgehandeld; werkinstructie aangepast"
    """
    from nencheck.registers.incident import close_incident

    state = app(ctx)
    edit = close_incident(
        state.root,
        records_for_edit(state, needs=frozenset({"incident"})),
        incident_id,
        day=parse_cli_date(day, "--date"),
        note=note,
    )
    commit(state.root, edit.changes, edit.message, no_commit=no_commit, force=force)
    return exitcodes.OK
