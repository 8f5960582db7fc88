"""The list of rules applied by ``check`` (each a pure function of records and a date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nencheck.checks.problem import Problem
from nencheck.model.records import Records

Rule = Callable[[Records, date], list[Problem]]

ALL_RULES: list[Rule] = []
