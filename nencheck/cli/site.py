"""``nencheck site OUT``: the Kennisbank, a static website of the policy register for all staff."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from nencheck.cli import exitcodes
from nencheck.cli.context import app, global_options
from nencheck.cli.groups import HelpCommand
from nencheck.i18n import _, ngettext

if TYPE_CHECKING:
    from nencheck.site.build import BuildSummary


@click.command(cls=HelpCommand)
@click.argument("out", metavar="OUT", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--include-drafts",
    is_flag=True,
    default=False,
    help="Publish draft documents too (marked as drafts); left out by default.",
)
@global_options
@click.pass_context
def site(ctx: click.Context, out: Path, include_drafts: bool) -> int:
    """Write the Kennisbank: a static website of every current document, for all staff.

    The site goes to the folder OUT: a start page, a page per policy with its document and
    version history, the archive, indexes per unit and control, and search. It opens from
    file:// or any static host.

    OUT must be empty, new, or a site built before (it is replaced as a whole).

    \b
    Examples:
      nencheck site public/
      nencheck site public/ --as-of 2026-11-23 --lang en --include-drafts
    """
    from nencheck.cli.history_rules import history_start
    from nencheck.errors import NencheckError
    from nencheck.site.build import build_site

    state = app(ctx)
    records, source = state.load_with_source()
    try:
        start: str | None = history_start(state)
    except NencheckError:
        start = None
    summary = build_site(
        state.root,
        source,
        records,
        out.resolve(),
        as_of=state.as_of,
        history_rev=start,
        include_drafts=include_drafts,
        use_cache=not state.no_cache,
    )
    for problem in summary.problems:
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        click.echo(
            _("{where}: warning {code}: {message}").format(
                where=where, code=problem.code, message=problem.message
            ),
            err=True,
        )
    click.echo(_summary_text(out, summary))
    return exitcodes.OK


def _summary_text(out: Path, summary: BuildSummary) -> str:
    lines = [
        _("Knowledge base written to {path}: {pages} pages, {files} copied files.").format(
            path=out, pages=summary.pages, files=summary.files
        ),
        _(
            "  {current} current documents ({documents} with a document), {retired} in the "
            "archive, {drafts} drafts."
        ).format(
            current=summary.current,
            documents=summary.documents,
            retired=summary.retired,
            drafts=summary.drafts,
        ),
        _("  Built from commit {commit}.").format(commit=summary.commit[:12])
        if summary.commit
        else _("  Not built from a git commit (no history shown)."),
    ]
    if summary.problems:
        lines.append(
            ngettext("  {count} warning:", "  {count} warnings:", len(summary.problems)).format(
                count=len(summary.problems)
            )
        )
        for problem in summary.problems:
            where = f"{problem.file}:{problem.line}" if problem.line else problem.file
            lines.append(f"    {where}: {problem.code}: {problem.message}")
    return "\n".join(lines)
