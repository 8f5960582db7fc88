"""What the register commands that change records share: ``--no-commit``/``--force``, lists of
ids on the command line, and applying one change with one commit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from nencheck.i18n import _

F = TypeVar("F", bound=Callable[..., Any])


def commit_options(function: F) -> F:
    options = [
        click.option(
            "--no-commit", is_flag=True, help="Write and stage the change, but do not commit it."
        ),
        click.option(
            "--force",
            is_flag=True,
            help="Also change a file that has uncommitted changes (they join the commit).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def split_ids(values: tuple[str, ...] | str | None) -> list[str]:
    """``--controls 8.8,5.15`` or ``--controls 8.8 --controls 5.15`` -> ["8.8", "5.15"]."""
    if not values:
        return []
    texts = [values] if isinstance(values, str) else list(values)
    found: list[str] = []
    for text in texts:
        found += [part.strip() for part in text.split(",") if part.strip()]
    return list(dict.fromkeys(found))


def commit(root: Path, changes: list[Any], message: str, *, no_commit: bool, force: bool) -> None:
    """Write the changes with one commit (or staged only), and say so on stderr."""
    from datetime import date

    from nencheck.store.write.event_dates import refuse_future_events
    from nencheck.store.write.writer import apply_changes

    refuse_future_events(changes, date.today())  # only the CLI knows today
    files = ", ".join(change.path for change in changes)

    def announce(commit_id: str | None) -> None:
        if commit_id:
            done = _("committed {commit}: {files}").format(commit=commit_id[:10], files=files)
        else:
            done = _("written, not committed: {files}").format(files=files)
        click.echo(done, err=True)

    apply_changes(root, changes, message, commit=not no_commit, force=force, announce=announce)


def records_for_edit(state: Any, *, write: bool = True, needs: frozenset[str] | None = None) -> Any:
    """The working tree's records: a change is made to the files as they are now, never to
    what an older revision said. Unless ``write`` is False (a dry run), the repository's write
    lock is taken first and kept until the command ends, so the records read here (and the ids
    given out from them) are still current when the change is committed. ``needs``: the kinds
    of record the change depends on; broken files of other kinds do not stop it
    (``AppContext.load_for_change``)."""
    from nencheck.errors import NencheckError

    if state.rev or state.as_recorded:
        raise NencheckError(
            _("--rev and --as-recorded apply to reports only; changes are made to the working tree")
        )
    if write:
        lock_for_write(state.root)
    return state.load_for_change(needs)


def lock_for_write(root: Path) -> None:
    """Take the repository's write lock for the rest of the command (released when the click
    context closes, or by the operating system when the process ends), waiting briefly for
    another writer; refuse while an earlier interrupted write is unresolved."""
    from nencheck.store.write.lock import acquire, release
    from nencheck.store.write.writer import refuse_if_interrupted

    context = click.get_current_context()
    acquire(root, context.command_path, on_wait=lambda text: click.echo(text, err=True))
    context.find_root().call_on_close(lambda: release(root))
    refuse_if_interrupted(root)
