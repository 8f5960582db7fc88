"""Global options (accepted before or after the subcommand) and what commands share:
the repository, the evaluation date, the language and loading the records."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from nencheck.errors import DataError, DataErrors, NencheckError
from nencheck.i18n import _, set_language

if TYPE_CHECKING:  # the models (pydantic) load with the records, not for `nencheck --help`
    from nencheck.model.policy import Policy
    from nencheck.model.records import Records
    from nencheck.model.types import Duration
    from nencheck.store.read.loader import FileReader, LoadResult
    from nencheck.store.read.source import FileSource

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class AppContext:
    repo: str | None = None
    as_of_text: str | None = None
    lang: str | None = None
    rev: str | None = None
    as_recorded: bool = False
    debug: bool = False
    no_cache: bool = False
    _root: Path | None = None
    # Data errors reported by a reading command that went on with the readable records: the
    # command exits 2 when it is done (SPEC, "One broken file never takes the dashboard down").
    data_errors: list[DataError] = field(default_factory=list)
    _shallow_checked: bool = False
    _later_noted: bool = False

    @property
    def root(self) -> Path:
        if self._root is None:
            from nencheck.store.read.discovery import find_repository

            self._root = find_repository(self.repo)
            self._apply_language()
            show_interrupted_writes(self._root)
        return self._root

    @property
    def as_of(self) -> date:
        """The evaluation date: --as-of, or today. Only the CLI knows today's date."""
        if self.as_of_text is None:
            return date.today()
        self.settle_language()
        return parse_cli_date(self.as_of_text, "--as-of")

    def settle_language(self) -> None:
        """Find the repository early, so a message about an option is in its language too."""
        if self.lang or self._root is not None:
            return
        with contextlib.suppress(NencheckError):  # no repository: the command says so later
            self.root  # noqa: B018 - finding the repository applies its language

    def _apply_language(self) -> None:
        if self.lang:
            return
        settings = self._root / "nencheck.yaml" if self._root else None
        if settings and settings.is_file():
            match = re.search(
                r"^language:\s*[\"']?(nl|en)\b", settings.read_text("utf-8", "replace"), re.M
            )
            if match:
                set_language(match.group(1))

    @property
    def today(self) -> date:
        """Today's real date, whatever --as-of says: dates of things that happened may not lie
        after it (SPEC, "Evaluation"). Only the CLI knows it."""
        return date.today()

    def load_result(self) -> LoadResult:
        """Every readable record and every error (``store.read.loader.load_repository``); raises
        DataErrors only when nothing can be evaluated (nencheck.yaml or its catalog unreadable)."""
        return self.load_result_with_source()[0]

    def load_result_with_source(self) -> tuple[LoadResult, FileSource]:
        """``load_result`` and the source it read (to read more files from the same revision:
        the Kennisbank's documents, the document links of ``check``)."""
        from nencheck.store.read.loader import load_repository

        source, reader = self._source_and_reader()
        result = load_repository(source, reader, today=self.today)
        if result.records is None:
            raise DataErrors(result.errors, settings_broken=True)
        settings = result.records.settings
        if not self.lang and "language" in settings.model_fields_set:
            set_language(settings.language)  # else the environment's, set at start-up
        self._note_later_records(result.latest_event)
        return result, source

    def _note_later_records(self, latest: date | None) -> None:
        """Once per run: --as-of alone judges today's records on that date, so a review or a
        closure recorded after it counts as if it had been done then. Said when the records
        hold such a date, with the option that reads them as they stood (found trying nencheck
        as an auditor: "--as-of 2026-06-30" looked like the position on 30 June)."""
        if self._later_noted or self.rev or self.as_recorded or not self.as_of_text:
            return
        self._later_noted = True
        as_of = self.as_of
        if latest is None or latest <= as_of:
            return
        click.echo(
            _(
                "note: the records hold dates after {as_of} (the latest {latest}); they are "
                "judged as they are written now. To see them as they stood on {as_of}, add "
                "--as-recorded."
            ).format(as_of=as_of.isoformat(), latest=latest.isoformat()),
            err=True,
        )

    def load(self, strict: bool = False) -> Records:
        """The records, from the working tree or the revision asked for. With errors, a reading
        command still gets what the readable files say: the errors and the count of files left
        out go to stderr first, and the command exits 2 when it is done (``main``). A command
        that changes records passes ``strict`` and gets DataErrors instead."""
        return self.load_with_source(strict)[0]

    def load_with_source(self, strict: bool = False) -> tuple[Records, FileSource]:
        """``load`` and the source the records were read from."""
        result, source = self.load_result_with_source()
        if result.errors:
            if strict:
                raise DataErrors(result.errors)
            self.report_errors(result.errors, len(result.unreadable))
        assert result.records is not None
        return result.records, source

    def load_for_change(self, needs: frozenset[str] | None = None) -> Records:
        """The records a command that changes them works on. Without ``needs`` every file must
        be readable. With it (the kinds of record the change reads or writes, e.g. incidents for
        a new incident, whose id follows theirs), only errors in files of those kinds (or of no
        known kind) refuse it: a colleague's typo in a protocol must not stop a data breach from
        being recorded within its 72 hours. The other errors are shown, and the command goes on
        (exit 0 when it succeeds: nothing it wrote depends on them)."""
        result, _source = self.load_result_with_source()
        if not result.errors:
            assert result.records is not None
            return result.records
        from nencheck.store.read.loader import kind_of_path

        kinds = {kind_of_path(error.file) for error in result.errors}
        if needs is None or None in kinds or kinds & needs:
            raise DataErrors(result.errors, for_change=True)
        from nencheck.render.errors import render_errors_text

        click.echo(render_errors_text(result.errors, len(result.unreadable)), err=True, nl=False)
        click.echo(
            _("note: this change does not depend on those files; it goes ahead without them."),
            err=True,
        )
        assert result.records is not None
        return result.records

    def report_errors(self, errors: list[DataError], unreadable: int) -> None:
        """The data errors on stderr, ahead of the command's output; the exit code becomes 2."""
        from nencheck.render.errors import render_errors_text

        click.echo(render_errors_text(errors, unreadable=unreadable), err=True, nl=False)
        self.data_errors.extend(errors)

    def load_policies(self, wanted_id: str | None = None) -> list[Policy]:
        """Only the policy records (``store.loader.load_policies``); errors are reported on
        stderr (the command exits 2 when done), the readable policies returned."""
        from nencheck.store.read.loader import load_policies

        policies, errors = load_policies(*self._source_and_reader(), wanted_id, today=self.today)
        if errors:
            self.report_errors(errors, len({error.file for error in errors}))
        return policies

    def warn_if_shallow(self) -> None:
        """Once per run, before reading history: a shallow clone's history stops at the
        fetched commits, so what is judged from it may be incomplete (issue 13)."""
        if self._shallow_checked:
            return
        self._shallow_checked = True
        from nencheck.store.git.runner import is_shallow

        if is_shallow(self.root):
            click.echo(
                _(
                    "warning: {root} is a shallow clone: its git history stops at the fetched "
                    "commits, so policy-changed-unversioned, --as-recorded and the policy "
                    "history can miss older changes. Fetch the full history (git fetch "
                    "--unshallow; in CI: fetch-depth: 0)."
                ).format(root=self.root),
                err=True,
            )

    def _source_and_reader(self) -> tuple[FileSource, FileReader]:
        """Where records are read from (--rev, --as-recorded, else the working tree) and how
        (through the parse cache unless --no-cache)."""
        from nencheck.store.read.choice import file_reader, open_source

        if self.as_recorded:
            self.warn_if_shallow()

        source = open_source(
            self.root, rev=self.rev, as_recorded_on=self.as_of if self.as_recorded else None
        )
        return source, file_reader(self.root, enabled=not self.no_cache)


def show_interrupted_writes(root: Path) -> None:
    """A note on stderr for every write that was interrupted and left files uncommitted (and for
    one whose commit landed before it could say so). Costs one ``listdir`` when there is none."""
    try:
        names = os.listdir(root / ".nencheck" / "write")
    except OSError:
        return
    if not any(name.startswith(("journal-", "tmp-")) for name in names):
        return
    from nencheck.store.write.journal import interrupted

    pending, landed = interrupted(root)
    for text in landed:
        click.echo(_("note: {text}").format(text=text), err=True)
    for leftover in pending:
        click.echo(_("note: {text}").format(text=leftover.note()), err=True)


def parse_cli_date(text: str, option: str) -> date:
    """A YYYY-MM-DD date (only that form: not 20260331 or 2026-W14-2, which Python would also
    take) within the years records may hold."""
    from nencheck.model.types import FIRST_YEAR, LAST_YEAR

    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError(text)
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise NencheckError(
            _("{option}: '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31").format(
                option=option, value=text
            )
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise NencheckError(
            _(
                "{option}: {value} is out of range; nencheck takes dates from {first} to {last}"
            ).format(option=option, value=text, first=FIRST_YEAR, last=LAST_YEAR)
        )
    return day


def parse_cli_duration(text: str, option: str | None = None) -> Duration:
    """A duration option (``60d``, ``6m``, ``2y``) parsed as records parse it; NencheckError
    naming the option when given."""
    from pydantic_core import PydanticCustomError

    from nencheck.model.types import parse_duration

    try:
        return parse_duration(text)
    except PydanticCustomError as error:
        if error.type == "duration_too_long":
            from nencheck.store.read.validation_messages import custom_error_message

            message = f"'{text}': {custom_error_message(error)}"
        else:
            message = _("'{value}' is not a duration; write e.g. 60d, 6w, 3m or 1y").format(
                value=text
            )
        raise NencheckError(f"{option}: {message}" if option else message) from None


def app(ctx: click.Context) -> AppContext:
    return ctx.ensure_object(AppContext)


def _setter(attribute: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def store(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value is None or value is False:
            return  # not given at this level: keep what the group level set
        setattr(app(ctx), attribute, value)
        if attribute == "lang":
            set_language(value)

    return store


def global_options(function: F) -> F:
    """--repo, --as-of, --lang, --rev, --as-recorded, --debug: accepted on the group and on every
    command, so ``nencheck check --as-of 2026-01-01`` and ``nencheck --as-of ... check`` agree."""
    options = [
        click.option(
            "--repo",
            metavar="PATH",
            expose_value=False,
            callback=_setter("repo"),
            help="The compliance repository (default: walk up to nencheck.yaml; or NENCHECK_REPO).",
        ),
        click.option(
            "--as-of",
            metavar="DATE",
            expose_value=False,
            callback=_setter("as_of_text"),
            help="Evaluate on this date (YYYY-MM-DD) instead of today.",
        ),
        click.option(
            "--lang",
            type=click.Choice(["nl", "en"]),
            expose_value=False,
            is_eager=True,  # before other options, so their errors are in this language too
            callback=_setter("lang"),
            help="Language of output (default: nencheck.yaml).",
        ),
        click.option(
            "--rev",
            metavar="REV",
            expose_value=False,
            callback=_setter("rev"),
            help="Read the records as committed at git revision REV.",
        ),
        click.option(
            "--as-recorded",
            is_flag=True,
            default=False,
            expose_value=False,
            callback=_setter("as_recorded"),
            help="Read the records as committed on the --as-of date (last commit on or before it).",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            default=False,
            expose_value=False,
            callback=_setter("no_cache"),
            help="Parse every file, ignoring the parse cache.",
        ),
        click.option(
            "--debug",
            is_flag=True,
            default=False,
            expose_value=False,
            callback=_setter("debug"),
            help="Show tracebacks of internal errors.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def output_option(function: F) -> F:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write the report to FILE instead of standard output.",
    )(function)


def format_option(*formats: str, default: str = "text") -> Callable[[F], F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(formats)),
        default=default,
        show_default=True,
        help="Output format.",
    )


def emit(content: str | bytes, output: Path | None) -> None:
    """Write a rendered report to -o FILE (atomically) or standard output."""
    if output is None:
        if isinstance(content, bytes):
            # click.get_binary_stream is deprecated in click 8.5: write to the text stream's buffer
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            click.echo(content, nl=not content.endswith("\n"))
        return
    from nencheck.store.write.atomic import write_atomic

    if not output.parent.is_dir():
        raise NencheckError(
            _("cannot write {path}: the folder {folder} does not exist; create it first").format(
                path=output, folder=output.parent
            )
        )
    try:
        write_atomic(output, content if isinstance(content, bytes) else content.encode("utf-8"))
    except OSError as error:
        raise NencheckError(
            _("cannot write {path}: {reason}").format(path=output, reason=error.strerror or error)
        ) from None
    click.echo(_("written: {path}").format(path=output), err=True)


def stdout_is_terminal() -> bool:
    """Whether to colour output: only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def text_width(output: object = None) -> int | None:
    """The width text output must fit: ``COLUMNS`` when set, else the terminal's; ``None`` (no
    limit: whole lines, one record each, for ``grep``) when written to a file or piped without
    ``COLUMNS`` (docs/evaluation.md, "Width of text output")."""
    if output not in (None, "-"):
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), MIN_WIDTH)
    if sys.stdout.isatty():
        import shutil

        return max(shutil.get_terminal_size().columns, MIN_WIDTH)
    return None


MIN_WIDTH = 40  # below this, tables would be all ellipses: narrower terminals get long lines


def check_unit(records: Records, unit: str | None, *, allow_all: bool = False) -> None:
    """A --unit option must name a unit of nencheck.yaml (or ``all`` where the command takes
    it): the one check every command with --unit makes."""
    known = [u.id for u in records.settings.units]
    if unit is None or unit in known or (allow_all and unit == "all"):
        return
    raise NencheckError(
        _("--unit: there is no unit '{unit}'; use one of nencheck.yaml's units: {units}").format(
            unit=unit, units=", ".join(known) or "-"
        )
    )


def check_owner(records: Records, owner: str | None) -> None:
    """An --owner filter must name an owner some record has (compared without regard to case):
    a typo would otherwise give an empty list, and a scheduled ``notify`` would send nothing."""
    if owner is None:
        return
    from difflib import get_close_matches

    from nencheck.checks.owners import record_owners

    folded = {name.casefold(): name for name in record_owners(records)}
    if owner.casefold() in folded:
        return
    close = [folded[name] for name in get_close_matches(owner.casefold(), folded, n=3)]
    hint = (
        _("did you mean {names}?").format(names=", ".join(f"'{name}'" for name in close))
        if close
        else _("see 'nencheck due --by owner' for the owners")
    )
    raise NencheckError(
        _("--owner: no record has the owner '{owner}'; {hint}").format(owner=owner, hint=hint)
    )
