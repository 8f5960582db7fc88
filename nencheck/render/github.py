"""``check --format github``: GitHub Actions workflow commands, one annotation per problem.

``::error file=F,line=L,col=C,title=RULE::MESSAGE`` for fail_on problems and data errors,
``::warning ...`` for the rest, then one plain summary line for the log. Values are escaped as
the workflow-command syntax requires (``%``, CR and LF everywhere; ``:`` and ``,`` too in
properties), so a message with a newline or a comma cannot break or forge a command.
"""

from __future__ import annotations

from nencheck.render.check import CheckOutcome, summary_line
from nencheck.render.errors import summary_line as errors_summary


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, file: str, line: int, column: int, title: str, message: str) -> str:
    properties = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (("file", file), ("line", line), ("col", column), ("title", title))
    )
    return f"::{level} {properties}::{escape_data(message)}"


def render(outcome: CheckOutcome) -> str:
    """The data errors first, then the readable records' problems, then the summaries."""
    lines = [command("error", e.file, e.line, e.column, e.code, e.message) for e in outcome.errors]
    lines += [
        command(
            "error" if p.severity == "error" else "warning",
            p.file,
            p.line,
            p.column,
            p.rule,
            f"{p.id}: {p.message}",
        )
        for p in outcome.problems
    ]
    if outcome.errors:
        lines.append(
            errors_summary(
                outcome.errors, outcome.unreadable, settings_broken=outcome.records is None
            )
        )
    if outcome.records is not None:
        lines.append(summary_line(outcome))
    return "\n".join(lines) + "\n"
