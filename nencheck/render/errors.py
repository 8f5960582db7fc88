"""Data errors as compiler-style lines: ``file:line:col: error code: message``."""

from __future__ import annotations

from nencheck.errors import DataError
from nencheck.i18n import _, ngettext
from nencheck.render.labels import problem_severity_label


def render_errors_text(
    errors: list[DataError],
    unreadable: int | None = None,
    settings_broken: bool = False,
    for_change: bool = False,
) -> str:
    """The errors and a closing line. ``unreadable`` (a reading command that went on with the
    readable records) says how many files the figures leave out; None means nothing was
    evaluated (a command that changes records, or ``settings_broken``: nencheck.yaml)."""
    word = problem_severity_label("error")
    lines = [f"{e.file}:{e.line}:{e.column}: {word} {e.code}: {e.message}" for e in sorted(errors)]
    lines.append(summary_line(errors, unreadable, settings_broken, for_change))
    return "\n".join(lines) + "\n"


def summary_line(
    errors: list[DataError],
    unreadable: int | None = None,
    settings_broken: bool = False,
    for_change: bool = False,
) -> str:
    files = len({e.file for e in errors})
    counted = (
        ngettext("{count} data error", "{count} data errors", len(errors)).format(count=len(errors))
        + " "
        + ngettext("in {files} file", "in {files} files", files).format(files=files)
        + "; "
    )
    if settings_broken:
        return counted + _(
            "nothing was evaluated: without readable settings (nencheck.yaml and the catalog it "
            "names) no record can be judged. Fix nencheck.yaml first."
        )
    if for_change:
        return counted + _(
            "nothing was written: this change needs these files readable. Fix them (or undo "
            "your own edit with git restore FILE) and run the command again."
        )
    if unreadable is None:
        return counted + _("nothing was evaluated.")
    if unreadable == 0:
        return counted + _("the figures below include the records concerned.")
    return counted + ngettext(
        "figures exclude {count} unreadable file.",
        "figures exclude {count} unreadable files.",
        unreadable,
    ).format(count=unreadable)
