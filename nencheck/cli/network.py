"""``nencheck network status|check|report``: one view over the compliance repositories of many
organisations (SPEC "Network: many organisations, one view")."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from nencheck.cli import exitcodes
from nencheck.cli.context import app, emit, format_option, global_options, output_option
from nencheck.cli.groups import HelpGroup
from nencheck.errors import NencheckError
from nencheck.i18n import _, set_language

if TYPE_CHECKING:
    from nencheck.network.evaluate import MemberOutcome
    from nencheck.network.view import NetworkView

F = TypeVar("F", bound=Callable[..., Any])


def network_options(function: F) -> F:
    """--network FILE, --workers N, --no-fetch: shared by the network commands."""
    options = [
        click.option(
            "--network",
            "network_file",
            metavar="FILE",
            default=None,
            help="The network file (default: network.yaml here or in a folder above).",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            help="Evaluate this many members at once (default: one per CPU).",
        ),
        click.option(
            "--no-fetch",
            is_flag=True,
            default=False,
            help="Use the git members already in the cache as they are; fetch only new ones.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group(cls=HelpGroup)
def network() -> None:
    """One view over the compliance repositories of many organisations (network.yaml).

    \b
    Examples:
      nencheck network status --as-of 2026-11-23
      nencheck network check --format junit -o network.xml
      nencheck network report --member P002 -o spiegel-P002.html
    """


def _view(
    ctx: click.Context,
    network_file: str | None,
    workers: int | None,
    no_fetch: bool,
    check: bool = False,
    report: bool = False,
) -> NetworkView:
    from nencheck.network.config import declared_language, find_network, read_network
    from nencheck.network.view import Options, network_view

    state = app(ctx)
    if state.rev:
        raise NencheckError(
            _("--rev does not apply to a network; give a member's rev in network.yaml")
        )
    path = find_network(network_file)
    set_language(state.lang or declared_language(path))
    config = read_network(path)
    language = state.lang or config.network.language
    set_language(language)
    options = Options(
        as_of=state.as_of,
        as_recorded=state.as_recorded,
        today=state.today,
        lang=state.lang,
        check=check,
        report_lang=language if report else None,
        fetch=not no_fetch,
        use_cache=not state.no_cache,
        workers=workers,
    )
    with _progress(len(config.network.members)) as advance:
        view = network_view(config, options, on_done=advance)
    set_language(language)
    return view


@contextmanager
def _progress(total: int) -> Iterator[Callable[[MemberOutcome], None]]:
    """A progress bar on standard error, only when that is a terminal."""
    if not sys.stderr.isatty():
        yield lambda _outcome: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(_("evaluating members"), total=total)

        def advance(outcome: MemberOutcome) -> None:
            progress.update(task, advance=1, description=outcome.id)

        yield advance


STATUS_FORMATS = ("text", "json", "csv", "markdown", "html")


@network.command("status")
@format_option(*STATUS_FORMATS)
@network_options
@output_option
@global_options
@click.pass_context
def status(
    ctx: click.Context,
    output_format: str,
    network_file: str | None,
    workers: int | None,
    no_fetch: bool,
    output: Path | None,
) -> int:
    """Each member's figures on one date, the network totals and the mirror statistics
    (median and quartiles per indicator). Exit 2 when a member cannot be read, or is
    evaluated without its unreadable files (its figures still count, flagged).

    \b
    Examples:
      nencheck network status --as-of 2026-11-23
      nencheck network status --format json -o network.json
    """
    from nencheck.render import network_status

    view = _view(ctx, network_file, workers, no_fetch)
    _report_data_errors(view)
    emit(network_status.RENDERERS[output_format](view.to_json()), output)
    _report_unreadable(view, output_format, output)
    return exitcodes.OK if view.ok else exitcodes.INVALID


def _report_data_errors(view: NetworkView) -> None:
    """Ahead of the output, as ``status`` does: the data errors of each member evaluated without
    its unreadable files, on standard error, with the member id in front of each path."""
    from dataclasses import replace

    from nencheck.render.errors import render_errors_text

    for outcome in view.readable:
        if outcome.data_errors:
            errors = [replace(e, file=f"{outcome.id}/{e.file}") for e in outcome.data_errors]
            text = render_errors_text(errors, unreadable=len(outcome.unreadable))
            click.echo(text, err=True, nl=False)


def _report_unreadable(view: NetworkView, output_format: str, output: Path | None) -> None:
    """The text table shows why a member failed or what it left out; other formats say it on
    standard error."""
    if output_format == "text" and output is None:
        return
    for outcome in view.outcomes:
        if not outcome.complete:
            click.echo(
                _("{id} ({name}): {reason}").format(
                    id=outcome.id, name=outcome.name, reason=outcome.error
                ),
                err=True,
            )


CHECK_FORMATS = ("text", "json", "junit", "sarif", "github")


@network.command("check")
@format_option(*CHECK_FORMATS)
@network_options
@output_option
@global_options
@click.pass_context
def check(
    ctx: click.Context,
    output_format: str,
    network_file: str | None,
    workers: int | None,
    no_fetch: bool,
    output: Path | None,
) -> int:
    """Apply every member's own rules; one exit code for the network, for CI: 0 all good
    (warnings allowed), 1 a member's fail_on rule fired, 2 a member cannot be read or holds
    invalid records (named with the member id and file:line).

    \b
    Examples:
      nencheck network check --as-of 2026-11-23
      nencheck network check --format sarif -o network.sarif
    """
    from nencheck.errors import DataErrors
    from nencheck.render.network_check import (
        NetworkCheck,
        network_outcome,
        render_network_check,
    )

    try:
        view = _view(ctx, network_file, workers, no_fetch, check=True)
    except DataErrors as failure:  # network.yaml itself: reported in the format asked for
        outcome = NetworkCheck(app(ctx).as_of, failure.errors, [], None, evaluated=False)
        emit(render_network_check(output_format, outcome), output)
        return exitcodes.INVALID
    combined = network_outcome(view.as_of, view.config.shown, _check_parts(view))
    emit(render_network_check(output_format, combined), output)
    if combined.errors:
        return exitcodes.INVALID
    return exitcodes.RULES_FAILED if combined.failed else exitcodes.OK


def _check_parts(view: NetworkView) -> list[Any]:
    from nencheck.render.network_check import MemberCheck

    return [
        MemberCheck(
            id=o.id,
            line=m.origin.line,
            column=m.origin.column,
            error=None if o.ok or o.data_errors else o.error,
            errors=o.data_errors,
            unreadable=len(o.unreadable) if o.ok else None,
            problems=o.problems,
            fail_on=o.fail_on,
            cases=o.cases,
        )
        for o, m in zip(view.outcomes, view.config.network.members, strict=True)
    ]


@network.command("report")
@format_option("html", "markdown", default="html")
@click.option(
    "--member",
    metavar="ID",
    default=None,
    help="Write this member's mirror report: its own figures beside the network's median and "
    "quartiles, without any other member.",
)
@click.option(
    "--mirror-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write every readable member's mirror report into DIR, as ID.html (or ID.md).",
)
@network_options
@output_option
@global_options
@click.pass_context
def report(
    ctx: click.Context,
    output_format: str,
    member: str | None,
    mirror_dir: Path | None,
    network_file: str | None,
    workers: int | None,
    no_fetch: bool,
    output: Path | None,
) -> int:
    """The network report (one offline HTML file or Markdown): the totals, the mirror
    statistics and the management report's charts per member; or, with --member, one
    member's mirror report.

    \b
    Examples:
      nencheck network report -o netwerk.html
      nencheck network report --member P002 -o spiegel-P002.html
      nencheck network report --mirror-dir spiegel/
    """
    from nencheck.render import network_report

    if mirror_dir is not None and (member is not None or output is not None):
        raise NencheckError(_("--mirror-dir writes one file per member; leave out --member and -o"))
    view = _view(ctx, network_file, workers, no_fetch, report=True)
    _report_data_errors(view)
    document = view.to_json()
    if mirror_dir is not None:
        _write_mirrors(view, document, output_format, mirror_dir)
    elif member is None:
        charts = {o.id: o.charts for o in view.outcomes}
        figures = {o.id: o.figures for o in view.outcomes}
        emit(network_report.render_network(document, charts, figures, output_format), output)
    else:
        chosen = _member(view, member)
        emit(_mirror(document, chosen, output_format), output)
    _report_unreadable(view, "report", output)
    return exitcodes.OK if view.ok else exitcodes.INVALID


def _mirror(document: dict[str, Any], outcome: MemberOutcome, output_format: str) -> str:
    from nencheck.render.network_report import render_mirror

    if not outcome.ok:
        raise NencheckError(
            _("{id} cannot be read, so it has no mirror report: {reason}").format(
                id=outcome.id, reason=outcome.error
            )
        )
    return render_mirror(document, outcome.id, outcome.charts, outcome.figures, output_format)


def _write_mirrors(
    view: NetworkView, document: dict[str, Any], output_format: str, folder: Path
) -> None:
    """Every readable member's mirror report into ``folder`` as ID.html or ID.md."""
    suffix = ".html" if output_format == "html" else ".md"
    folder.mkdir(parents=True, exist_ok=True)
    for outcome in view.readable:
        emit(_mirror(document, outcome, output_format), folder / f"{outcome.id}{suffix}")


def _member(view: NetworkView, wanted: str) -> MemberOutcome:
    for outcome in view.outcomes:
        if outcome.id.casefold() == wanted.casefold():
            return outcome
    raise NencheckError(
        _("--member: there is no member '{id}'; use one of: {ids}").format(
            id=wanted, ids=", ".join(o.id for o in view.outcomes)
        )
    )
