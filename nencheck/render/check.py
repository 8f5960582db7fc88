"""The outcome of ``check`` and the renderer for each of its formats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import click

from nencheck.checks.problem import Problem
from nencheck.errors import DataError
from nencheck.i18n import _, ngettext
from nencheck.model.records import Records
from nencheck.render.errors import render_errors_text
from nencheck.render.json_text import json_text
from nencheck.render.labels import problem_severity_label
from nencheck.render.layout import wrap, wrap_text


@dataclass
class CheckOutcome:
    as_of: date
    errors: list[DataError]
    problems: list[Problem]
    records: Records | None
    color: bool = False  # style the text format (only when writing to a terminal)
    width: int | None = None  # the text format wraps its lines to this (None: no limit)
    unreadable: int = 0  # files whose records the problems leave out (they had errors)
    fail_on: frozenset[str] = frozenset()  # without records (network check): the members' rules

    @property
    def fail_on_rules(self) -> frozenset[str]:
        return frozenset(self.records.settings.fail_on) if self.records else self.fail_on

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
    return json_text(document)


def render_text(outcome: CheckOutcome) -> str:
    """Problems grouped by rule (fail_on rules first), compiler-style lines, one summary line."""
    if outcome.records is None:
        return wrap_text(render_errors_text(outcome.errors, settings_broken=True), outcome.width)
    head = (
        wrap_text(render_errors_text(outcome.errors, outcome.unreadable), outcome.width) + "\n"
        if outcome.errors
        else ""
    )
    return head + render_problems(outcome)


def render_problems(outcome: CheckOutcome) -> str:
    """The problems grouped by rule and severity (in `network check` one rule may fail one
    member and warn another), fail_on rules first, and the summary line."""
    by_rule: dict[tuple[str, str], list[Problem]] = {}
    for problem in outcome.problems:
        by_rule.setdefault((problem.rule, problem.severity), []).append(problem)
    ordered = sorted(by_rule.items(), key=lambda item: item[0][1] != "error")
    lines: list[str] = []
    for (rule, severity), problems in ordered:
        header = _rule_header(rule, severity, len(problems))
        word = problem_severity_label(severity)
        for part in wrap(header, outcome.width, "    "):
            lines.append(_style(outcome, part, fg=_COLOURS[severity], bold=True))
        for p in problems:
            where = f"{p.file}:{p.line}:{p.column}:"
            # Wrapped with the next lines indented: the first line stays "file:line:col: ...".
            line = f"{where} {word} {p.rule}: {p.id}: {p.message}"
            first, *rest = wrap(line, outcome.width, "    ")
            styled = f" {_style(outcome, word, fg=_COLOURS[severity])} "
            lines += [first.replace(f" {word} ", styled, 1), *rest]
        lines.append("")
    for part in wrap(summary_line(outcome), outcome.width, "    "):
        lines.append(_style(outcome, part, bold=True))
    return "\n".join(lines) + "\n"


def summary_line(outcome: CheckOutcome) -> str:
    errors = sum(1 for p in outcome.problems if p.severity == "error")
    warnings = len(outcome.problems) - errors
    return _("{errors}, {warnings} on {date}").format(
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        date=outcome.as_of.isoformat(),
    )


_COLOURS = {"error": "red", "warning": "yellow"}


def _rule_header(rule: str, severity: str, count: int) -> str:
    if severity == "error":
        text = ngettext("{rule}: {count} error", "{rule}: {count} errors", count)
    else:
        text = ngettext("{rule}: {count} warning", "{rule}: {count} warnings", count)
    return text.format(rule=rule, count=count)


def _style(outcome: CheckOutcome, text: str, **style: object) -> str:
    if not outcome.color:
        return text
    return click.style(text, **style)  # type: ignore[arg-type]


def _lazy(module: str) -> Callable[[CheckOutcome], str]:
    """A renderer imported only when its format is asked for."""

    def render(outcome: CheckOutcome) -> str:
        from importlib import import_module

        renderer: Callable[[CheckOutcome], str] = import_module(module).render
        return renderer(outcome)

    return render


RENDERERS: dict[str, Callable[[CheckOutcome], str]] = {
    "text": render_text,
    "json": render_json,
    "junit": _lazy("nencheck.render.junit"),
    "sarif": _lazy("nencheck.render.sarif"),
    "github": _lazy("nencheck.render.github"),
}
