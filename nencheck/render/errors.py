"""Data errors as compiler-style lines: ``file:line:col: error code: message``."""

from __future__ import annotations

from nencheck.errors import DataError
from nencheck.i18n import _, ngettext
from nencheck.render.labels import problem_severity_label


def render_errors_text(errors: list[DataError]) -> str:
    word = problem_severity_label("error")
    lines = [f"{e.file}:{e.line}:{e.column}: {word} {e.code}: {e.message}" for e in errors]
    files = len({e.file for e in errors})
    lines.append(
        ngettext("{count} data error", "{count} data errors", len(errors)).format(count=len(errors))
        + " "
        + ngettext("in {files} file", "in {files} files", files).format(files=files)
        + "; "
        + _("nothing was evaluated.")
    )
    return "\n".join(lines) + "\n"
