"""A problem found by a rule on a date: a value, rendered by the CLI in any format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    rule: str  # a stable rule name from SPEC, e.g. "policy-overdue"
    id: str  # the record it concerns
    file: str
    line: int
    column: int
    message: str
    severity: str = "warning"  # "error" when the rule is in fail_on
    details: dict[str, Any] = field(default_factory=dict)  # extra JSON keys (due, days, owner, ...)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "id": self.id,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }
        for key, value in self.details.items():
            data.setdefault(key, value)
        return data
