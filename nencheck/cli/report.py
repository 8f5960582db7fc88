"""``nencheck report``: the management-review report (one HTML file with charts, or Markdown)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from nencheck.cli.context import app, emit, format_option, global_options, output_option
from nencheck.cli.groups import HelpCommand
from nencheck.i18n import current_language


@click.command(cls=HelpCommand)
@format_option("html", "markdown", default="html")
@click.option(
    "--template-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Use your own templates (report.html, report.md, style.css, ...) from DIR; "
    "templates not found there come from nencheck.",
)
@output_option
@global_options
@click.pass_context
def report(
    ctx: click.Context, output_format: str, template_dir: Path | None, output: Path | None
) -> int:
    """The management-review report (HTML or Markdown).

    The management-review report: summary figures, controls per theme, policies and reviews
    ahead, findings, training, incidents, what is overdue per owner, and the Statement of
    Applicability as an appendix. HTML is one self-contained file that prints to A4.

    \b
    Examples:
      nencheck report -o rapport.html
      nencheck report --lang en --format markdown -o report.md
    """
    from nencheck.checks.review import management_review
    from nencheck.render.soa_common import soa_view

    state = app(ctx)
    records = state.load()
    as_of = state.as_of
    review = management_review(records, as_of, _risk_history(state))
    soa = soa_view(records, review.soa, as_of, current_language())
    if output_format == "html":
        from nencheck.render.report_html import render
    else:
        from nencheck.render.report_markdown import render
    emit(render(records, review, soa, template_dir), output)
    return 0


def _risk_history(state: Any) -> Any:
    """Every risk file's assessments from git (one pass), or None outside a git repository."""
    from nencheck.cli.history_rules import history_start
    from nencheck.store.git.history import register_assessments
    from nencheck.store.git.runner import is_git_repo

    if not is_git_repo(state.root):
        return None
    return register_assessments(state.root, "risks", rev=history_start(state))
