"""``nencheck finding list|add|update|close``: the findings register across all audits."""

from __future__ import annotations

from pathlib import Path

import click

from nencheck.cli import exitcodes
from nencheck.cli.completion import complete_audit_ids, complete_finding_ids
from nencheck.cli.context import (
    app,
    check_owner,
    emit,
    format_option,
    global_options,
    output_option,
    parse_cli_date,
    text_width,
)
from nencheck.cli.editing import commit, commit_options, records_for_edit, split_ids
from nencheck.cli.groups import HelpGroup
from nencheck.model.audit import FindingStatus, Severity

STATUSES = [status.value for status in FindingStatus]
SEVERITIES = [severity.value for severity in Severity]


@click.group(cls=HelpGroup)
@global_options
def finding() -> None:
    """The findings register across all audits.

    \b
    Examples:
      nencheck finding list --overdue
      nencheck finding add AUD-2026-INT --title "..." --severity minor --due 2027-01-31 --owner ICT-beheer
      nencheck finding close F-2026-INT-03 --date 2026-12-01 --resolution "..." --evidence EV-2026-040
    """


@finding.command(name="list")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(STATUSES),
    help="Only findings with this status (repeatable).",
)
@click.option(
    "--severity",
    "severities",
    multiple=True,
    type=click.Choice(SEVERITIES),
    help="Only findings of this severity (repeatable).",
)
@click.option("--owner", help="Only findings of this owner (case does not matter).")
@click.option("--control", metavar="ID", help="Only findings linked to this control.")
@click.option("--overdue", is_flag=True, help="Only open findings past their due date.")
@format_option("text", "json", "csv")
@output_option
@global_options
@click.pass_context
def list_findings(
    ctx: click.Context,
    statuses: tuple[str, ...],
    severities: tuple[str, ...],
    owner: str | None,
    control: str | None,
    overdue: bool,
    output_format: str,
    output: Path | None,
) -> int:
    """List findings of all audits, by due date.

    \b
    Example:
      nencheck finding list --status open --status in_progress --format csv -o findings.csv
    """
    from nencheck.checks.registers import FindingFilter, finding_rows
    from nencheck.render import registers

    state = app(ctx)
    chosen = FindingFilter(statuses, severities, owner, control, overdue)
    records = state.load()
    check_owner(records, owner)
    rows = finding_rows(records, state.as_of, chosen)
    if output_format == "text":
        emit(registers.findings_text(rows, state.as_of, text_width(output)), output)
        return exitcodes.OK
    render = {"json": registers.findings_json, "csv": registers.findings_csv}[output_format]
    emit(render(rows, state.as_of), output)
    return exitcodes.OK


@finding.command()
@click.argument("audit", shell_complete=complete_audit_ids)
@click.option("--title", required=True, help="What was found.")
@click.option("--severity", required=True, type=click.Choice(SEVERITIES))
@click.option("--due", required=True, metavar="DATE", help="When it must be resolved (YYYY-MM-DD).")
@click.option("--owner", required=True, help="Who resolves it.")
@click.option("--controls", multiple=True, metavar="IDS", help="Controls concerned, e.g. 8.8,5.15.")
@commit_options
@global_options
@click.pass_context
def add(
    ctx: click.Context,
    audit: str,
    title: str,
    severity: str,
    due: str,
    owner: str,
    controls: tuple[str, ...],
    no_commit: bool,
    force: bool,
) -> int:
    """Add a finding to an audit; prints its new id.

    The id follows the audit's: AUD-2026-INT gets F-2026-INT-01, -02, ... (one more than the
    highest number in use).

    \b
    Example:
      nencheck finding add AUD-2026-INT --title "Back-up niet getest" --severity minor \\
        --due 2027-03-31 --owner ICT-beheer --controls 8.13
    """
    from nencheck.registers.finding import add_finding

    state = app(ctx)
    edit = add_finding(
        state.root,
        records_for_edit(state, needs=frozenset({"audit"})),
        audit,
        title=title,
        severity=severity,
        due=parse_cli_date(due, "--due"),
        owner=owner,
        controls=split_ids(controls),
    )
    commit(state.root, edit.changes, edit.message, no_commit=no_commit, force=force)
    click.echo(edit.record_id)
    return exitcodes.OK


@finding.command()
@click.argument("finding_id", metavar="ID", shell_complete=complete_finding_ids)
@click.option(
    "--status",
    type=click.Choice([s for s in STATUSES if s != FindingStatus.CLOSED]),
    help="The new status (to close, use 'finding close').",
)
@click.option("--note", help="What happened; kept in the finding's updates.")
@click.option(
    "--date", "day", metavar="DATE", help="Date of the update (default: --as-of or today)."
)
@commit_options
@global_options
@click.pass_context
def update(
    ctx: click.Context,
    finding_id: str,
    status: str | None,
    note: str | None,
    day: str | None,
    no_commit: bool,
    force: bool,
) -> int:
    """Record progress on a finding: a dated entry in its updates, and its new status.

    \b
    Example:
      nencheck finding update F-2026-INT-03 --status in_progress --note "USB-blokkade getest"
    """
    from nencheck.registers.finding import update_finding

    state = app(ctx)
    when = parse_cli_date(day, "--date") if day else state.as_of
    edit = update_finding(
        state.root,
        records_for_edit(state, needs=frozenset({"audit"})),
        finding_id,
        day=when,
        status=status,
        note=note,
    )
    commit(state.root, edit.changes, edit.message, no_commit=no_commit, force=force)
    return exitcodes.OK


@finding.command()
@click.argument("finding_id", metavar="ID", shell_complete=complete_finding_ids)
@click.option("--date", "day", required=True, metavar="DATE", help="Date it was closed.")
@click.option("--resolution", required=True, help="How it was resolved.")
@click.option(
    "--evidence",
    multiple=True,
    metavar="IDS",
    help="Evidence of the resolution, e.g. EV-2026-040 (must exist).",
)
@commit_options
@global_options
@click.pass_context
def close(
    ctx: click.Context,
    finding_id: str,
    day: str,
    resolution: str,
    evidence: tuple[str, ...],
    no_commit: bool,
    force: bool,
) -> int:
    """Close a finding with its resolution and evidence.

    \b
    Example:
      nencheck finding close F-2026-INT-03 --date 2026-12-01 \\
        --resolution "USB-poorten geblokkeerd via beleid" --evidence EV-2026-040
    """
    from nencheck.registers.finding import close_finding

    state = app(ctx)
    edit = close_finding(
        state.root,
        records_for_edit(state, needs=frozenset({"audit"})),
        finding_id,
        day=parse_cli_date(day, "--date"),
        resolution=resolution,
        evidence=split_ids(evidence),
    )
    commit(state.root, edit.changes, edit.message, no_commit=no_commit, force=force)
    return exitcodes.OK
