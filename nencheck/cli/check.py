"""``nencheck check``: validate every record, apply the rules, exit for CI."""

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
    stdout_is_terminal,
    text_width,
)
from nencheck.cli.groups import HelpCommand
from nencheck.errors import DataErrors

FORMATS = ("text", "json", "junit", "sarif", "github")


@click.command(cls=HelpCommand)
@format_option(*FORMATS)
@output_option
@global_options
@click.pass_context
def check(ctx: click.Context, output_format: str, output: Path | None) -> int:
    """Validate all records and apply the rules (for CI).

    Exit 0 when all is well (warnings allowed), 1 when a fail_on rule fired,
    2 when records are invalid (the readable records are still evaluated).

    \b
    Example:
      nencheck check --as-of 2026-11-23 --format json
    """
    from nencheck.checks.evaluate import evaluate
    from nencheck.render.check import RENDERERS, CheckOutcome

    state = app(ctx)
    as_of = state.as_of
    try:
        result, source = state.load_result_with_source()
    except DataErrors as failure:  # nencheck.yaml unreadable: nothing can be evaluated
        outcome = CheckOutcome(
            as_of=as_of,
            errors=failure.errors,
            problems=[],
            records=None,
            width=text_width(output),
        )
        emit(RENDERERS[output_format](outcome), output)
        return exitcodes.INVALID
    from nencheck.cli.document_links import document_link_rules
    from nencheck.cli.history_rules import history_rules

    records = result.records
    assert records is not None
    extra_rules = [
        *history_rules(state, records),
        *document_link_rules(state.root, source, records, not state.no_cache),
    ]
    problems = evaluate(records, as_of, extra_rules=extra_rules)
    outcome = CheckOutcome(
        as_of=as_of,
        errors=sorted(result.errors),
        problems=problems,
        records=records,
        color=output is None and stdout_is_terminal(),
        width=text_width(output),
        unreadable=len(result.unreadable),
    )
    emit(RENDERERS[output_format](outcome), output)
    if outcome.errors:
        return exitcodes.INVALID
    return exitcodes.RULES_FAILED if outcome.failed else exitcodes.OK
