"""The outcome of ``check`` and the renderer for each of its formats."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from nencheck.checks.problem import Problem
from nencheck.errors import DataError
from nencheck.i18n import _
from nencheck.model.records import Records
from nencheck.render.errors import render_errors_text


@dataclass
class CheckOutcome:
    as_of: date
    errors: list[DataError]
    problems: list[Problem]
    records: Records | None

    @property
    def failed(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failed


def render_json(outcome: CheckOutcome) -> str:
    document = {
        "ok": outcome.ok,
        "as_of": outcome.as_of.isoformat(),
        "errors": [error.to_json() for error in outcome.errors],
        "problems": [problem.to_json() for problem in outcome.problems],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_text(outcome: CheckOutcome) -> str:
    if outcome.errors:
        return render_errors_text(outcome.errors)
    lines = [
        f"{p.file}:{p.line}:{p.column}: {p.severity} {p.rule}: {p.message}" for p in outcome.problems
    ]
    errors = sum(1 for p in outcome.problems if p.severity == "error")
    warnings = len(outcome.problems) - errors
    lines.append(_("{errors} error(s), {warnings} warning(s) on {date}").format(
        errors=errors, warnings=warnings, date=outcome.as_of.isoformat()))
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[CheckOutcome], str]] = {
    "text": render_text,
    "json": render_json,
}
