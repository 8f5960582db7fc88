"""The ``nencheck`` command group and the one error boundary that maps outcomes to exit codes."""

from __future__ import annotations

import gc
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from nencheck import __version__
from nencheck.cli import exitcodes
from nencheck.cli.commands import COMMANDS
from nencheck.cli.context import AppContext, global_options
from nencheck.cli.groups import LazyGroup
from nencheck.cli.helpformat import HelpFormatter
from nencheck.errors import DataErrors, NencheckError
from nencheck.i18n import N_, _, language_from_environment, set_language

# Every command's --help, also of subcommands click creates contexts for itself (issue 15).
click.Context.formatter_class = HelpFormatter


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_("nencheck, version {version}").format(version=__version__))
        ctx.exit()


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help=N_("Show the version and exit."),
)
@global_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    """nencheck: NEN 7510 compliance kept as YAML in git.

    \b
    Examples:
      nencheck status
      nencheck check --format github
      nencheck due --by owner --within 60d
    """
    ctx.ensure_object(AppContext)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; the single place where outcomes become exit codes (SPEC, "Exit codes")."""
    with collector_paused():
        return _main(argv)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Process-wide, so here and not in the library: a run creates hundreds of thousands of
    objects that all stay alive until it ends (YAML nodes while a file is parsed, then the
    records). Python's cyclic collector would rescan them over and over as they pile up
    (measured: 5 s of a 13 s load at 10,000 documents). Records form no cycles, and a run is
    short: the collector stays off while the command runs; what is left is then frozen (set
    aside from later scans, including the one at exit; reference counting still frees it)
    before collection resumes, for a caller that runs ``main`` in its own process."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def language_option(args: list[str]) -> str | None:
    """``--lang nl|en`` wherever it stands on the command line. Click answers ``--help`` the
    moment it meets it, so in ``nencheck check --help --lang en`` the option's own callback
    would come too late for the help text."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in ("nl", "en"):
            return value
    return None


def _main(argv: list[str] | None) -> int:
    app = AppContext()
    _tolerant_streams()
    app.lang = language_option(sys.argv[1:] if argv is None else argv)
    set_language(app.lang or language_from_environment())  # until a repository says otherwise
    try:
        result = cli.main(args=argv, prog_name="nencheck", standalone_mode=False, obj=app)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.UsageError as error:
        app.settle_language()
        error.show()
        return exitcodes.INVALID
    except (click.Abort, KeyboardInterrupt):
        click.echo(_("interrupted"), err=True)
        return exitcodes.INTERRUPTED
    except DataErrors as failure:
        from nencheck.render.errors import render_errors_text

        click.echo(
            render_errors_text(
                failure.errors,
                settings_broken=failure.settings_broken,
                for_change=failure.for_change,
            ),
            err=True,
            nl=False,
        )
        return exitcodes.INVALID
    except NencheckError as error:
        click.echo(_("error: {message}").format(message=error), err=True)
        return error.exit_code
    except click.ClickException as error:
        error.show()
        return exitcodes.INVALID
    except BrokenPipeError:
        sys.stderr.close()  # e.g. `nencheck due | head`: not an error
        return exitcodes.OK
    except ValueError as error:
        if "null byte" not in str(error) and "null character" not in str(error):
            return _internal_error(app)
        # A NUL character in a path or value (the shell cannot pass one; a script can).
        click.echo(
            _("error: a value contains a NUL character (\\0); remove it and try again"), err=True
        )
        return exitcodes.INVALID
    except Exception as error:
        if isinstance(error, OSError) and error.filename is not None:
            # a named file that cannot be written or read (permissions, a folder that is a
            # file): the user can fix that; any other failure is a bug, reported below
            if app.debug:
                traceback.print_exc()
            click.echo(
                _("error: cannot use {path}: {reason}; check the path and its permissions").format(
                    path=error.filename, reason=error.strerror or error
                ),
                err=True,
            )
            return exitcodes.INVALID
        return _internal_error(app)
    return _exit_code(result, app)


def _tolerant_streams() -> None:
    """A file name that is not UTF-8 (the shell passes its bytes as surrogates) is shown with
    backslash escapes instead of failing the command when it is printed."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _internal_error(app: AppContext) -> int:
    """A bug: one line asking for a report (--debug shows the traceback)."""
    if app.debug:
        traceback.print_exc()
    else:
        exc_type, exc_value, _tb = sys.exc_info()
        click.echo(
            _(
                "internal error ({name}: {value}). This is a bug in nencheck {version}: please "
                "report it with the command you ran; run again with --debug for the traceback."
            ).format(
                name=getattr(exc_type, "__name__", "?"),
                value=str(exc_value)[:200],
                version=__version__,
            ),
            err=True,
        )
    return exitcodes.INTERNAL


def _exit_code(result: Any, app: AppContext) -> int:
    """The command's code; 2 when it showed what readable records say while others had data
    errors (SPEC: the command then exits 2, so CI still fails)."""
    code = result if isinstance(result, int) else exitcodes.OK
    if app.data_errors and code in (exitcodes.OK, exitcodes.RULES_FAILED):
        return exitcodes.INVALID
    return code


if __name__ == "__main__":
    raise SystemExit(main())
