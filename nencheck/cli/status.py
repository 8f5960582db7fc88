"""``nencheck status``: the dashboard of controls, policies, findings, evidence, training and
incidents on a date, for the whole organisation or one unit."""

from __future__ import annotations

from pathlib import Path

import click

from nencheck.cli.context import (
    app,
    check_unit,
    emit,
    format_option,
    global_options,
    output_option,
    stdout_is_terminal,
    text_width,
)
from nencheck.cli.groups import HelpCommand
from nencheck.render.json_text import json_text

FORMATS = ("text", "json", "markdown", "html")
PIPE_WIDTH = 100  # the dashboard is drawn to a width: piped without COLUMNS, this one


@click.command(cls=HelpCommand)
@format_option(*FORMATS)
@click.option("--unit", metavar="UNIT", help="Only records of this unit (and those for all units).")
@output_option
@global_options
@click.pass_context
def status(ctx: click.Context, output_format: str, unit: str | None, output: Path | None) -> int:
    """Dashboard: controls, policies, findings, evidence, training, incidents.

    Controls per theme, policies per unit, findings, evidence, training, and incidents with
    their notification deadlines.

    \b
    Examples:
      nencheck status
      nencheck status --unit HAP --as-of 2026-11-23
      nencheck status --format html -o status.html
    """
    from nencheck.checks.summary import status_summary

    state = app(ctx)
    records = state.load()
    check_unit(records, unit)
    summary = status_summary(records, state.as_of, unit)
    if output_format == "json":
        emit(json_text(summary.to_json()), output)
    elif output_format == "markdown":
        from nencheck.render.status_markdown import render_status_markdown

        emit(render_status_markdown(summary), output)
    elif output_format == "html":
        from nencheck.render.status_html import render_status_html

        emit(render_status_html(summary), output)
    else:
        from nencheck.render.status_text import render_status_text

        color = output is None and stdout_is_terminal()
        width = text_width(output) or PIPE_WIDTH
        emit(render_status_text(summary, color=color, width=width), output)
    return 0
