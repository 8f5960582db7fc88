"""``check --format sarif``: SARIF 2.1.0 for code scanning (GitHub, GitLab, editors).

Each problem is a result located at the record's file, line and column; the rules and the data
error codes are listed in ``tool.driver.rules`` under their stable names. Results of ``fail_on``
rules and data errors have level ``error``, the others ``warning``. A fingerprint of rule and
record id lets code scanning follow one problem across commits even when lines move.
"""

from __future__ import annotations

from typing import Any

from nencheck import __version__
from nencheck.checks.rules import RULES
from nencheck.errors import ERROR_CODES
from nencheck.render.check import CheckOutcome
from nencheck.render.json_text import json_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(outcome: CheckOutcome) -> str:
    rules = _rules(set(outcome.fail_on_rules))
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    results = [_error_result(error, index) for error in outcome.errors]
    results += [_problem_result(problem, index) for problem in outcome.problems]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "nencheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"as_of": outcome.as_of.isoformat()},
            }
        ],
    }
    return json_text(document)


def _rules(fail_on: set[str]) -> list[dict[str, Any]]:
    rules = [
        _rule(rule.name, rule.text, "error" if rule.name in fail_on else rule.severity)
        for rule in RULES
    ]
    rules += [_rule(code, text, "error") for code, text in ERROR_CODES.items()]
    return rules


def _rule(rule_id: str, description: str, level: str) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": description},
        "defaultConfiguration": {"level": level},
    }


def _location(file: str, line: int, column: int) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": file, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": max(line, 1), "startColumn": max(column, 1)},
        }
    }


def _problem_result(problem: Any, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": problem.rule,
        "level": problem.severity,
        "message": {"text": f"{problem.id}: {problem.message}"},
        "locations": [_location(problem.file, problem.line, problem.column)],
        "partialFingerprints": {"nencheck/v1": f"{problem.rule}/{problem.id}"},
    }
    if problem.rule in index:
        result["ruleIndex"] = index[problem.rule]
    return result


def _error_result(error: Any, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": error.code,
        "level": "error",
        "message": {"text": error.message},
        "locations": [_location(error.file, error.line, error.column)],
    }
    if error.code in index:
        result["ruleIndex"] = index[error.code]
    return result
