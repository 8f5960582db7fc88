"""Apply every rule on a date and mark the ``fail_on`` rules as errors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from nencheck.checks.problem import Problem
from nencheck.model.records import Records


def evaluate(
    records: Records,
    as_of: date,
    extra_rules: Sequence[Callable[[Records, date], list[Problem]]] = (),
) -> list[Problem]:
    """``extra_rules``: rules that need facts from outside the records (git history), bound to
    those facts by the caller; they are judged against ``fail_on`` like the others."""
    from nencheck.checks.rules import RECORD_RULES

    fail_on = set(records.settings.fail_on)
    problems: list[Problem] = []
    for rule in [*RECORD_RULES, *extra_rules]:
        problems.extend(rule(records, as_of))
    return [
        replace(problem, severity="error" if problem.rule in fail_on else _default(problem.rule))
        for problem in problems
    ]


def _default(rule: str) -> str:
    from nencheck.checks.rules import RULE_BY_NAME

    spec = RULE_BY_NAME.get(rule)
    return spec.severity if spec else "warning"
