"""``nencheck due``: the worklist of what is overdue or falls due soon, by date or by owner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from nencheck.checks.due import KINDS
from nencheck.cli.context import (
    app,
    check_owner,
    check_unit,
    emit,
    format_option,
    global_options,
    output_option,
    parse_cli_duration,
    stdout_is_terminal,
    text_width,
)
from nencheck.cli.groups import HelpCommand
from nencheck.errors import NencheckError
from nencheck.model.types import Duration

FORMATS = ("text", "json", "csv", "ics")


class DurationType(click.ParamType):
    name = "duration"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Duration:
        try:
            return parse_cli_duration(value)
        except NencheckError as error:
            self.fail(str(error), param, ctx)


@click.command(cls=HelpCommand)
@click.option(
    "--within",
    type=DurationType(),
    default=None,
    metavar="DURATION",
    help="Also list what falls due within this period, e.g. 60d (default: the setting "
    "due_soon: in nencheck.yaml).",
)
@click.option(
    "--kind",
    "kinds",
    type=click.Choice([kind.value for kind in KINDS]),
    multiple=True,
    help="Only these kinds (repeat the option for several).",
)
@click.option("--owner", metavar="NAME", help="Only items of this owner (training: the unit).")
@click.option("--unit", metavar="UNIT", help="Only items of this unit (and those for all units).")
@click.option(
    "--by",
    "group",
    type=click.Choice(["owner"]),
    default=None,
    help="Group the list into one block per owner.",
)
@format_option(*FORMATS)
@output_option
@global_options
@click.pass_context
def due(
    ctx: click.Context,
    within: Duration | None,
    kinds: tuple[str, ...],
    owner: str | None,
    unit: str | None,
    group: str | None,
    output_format: str,
    output: Path | None,
) -> int:
    """What is overdue, or falls due within --within, sorted by date.

    \b
    Examples:
      nencheck due
      nencheck due --within 90d --kind policy --by owner
      nencheck due --owner "Teamleider triage" --format ics -o triage.ics
      nencheck due --format csv -o due.csv
    """
    from nencheck.checks.due import due_items
    from nencheck.render.due import DueReport

    state = app(ctx)
    records = state.load()
    check_unit(records, unit)
    check_owner(records, owner)
    window = within or records.settings.due_soon
    items = due_items(records, state.as_of, window, kinds=kinds or None, owner=owner, unit=unit)
    report = DueReport(
        state.as_of,
        window,
        items,
        by_owner=group == "owner",
        color=output_format == "text" and output is None and stdout_is_terminal(),
        width=text_width(output),
    )
    emit(_render(output_format, report), output)
    return 0


def _render(output_format: str, report: Any) -> str | bytes:
    if output_format == "json":
        from nencheck.render.due import render_json

        return render_json(report)
    if output_format == "csv":
        from nencheck.render import due_csv

        return due_csv.render(report)
    if output_format == "ics":
        from nencheck.render import due_ics

        return due_ics.render(report)
    from nencheck.render import due_text

    return due_text.render(report)
