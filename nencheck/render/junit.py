"""``check --format junit``: one testcase per record checked, one testsuite per kind of record.

A testcase fails when a ``fail_on`` rule fired on its record; warnings are listed in the
testcase's ``system-out`` (GitLab and GitHub show it, the build stays green). When the records
cannot be read, a ``nencheck.data`` suite holds one failing testcase per broken file. Timestamps
come from the evaluation date, never the clock, so the report is reproducible.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from nencheck.checks.problem import Problem
from nencheck.checks.rules import rule_kind
from nencheck.errors import DataError
from nencheck.model.base import Record
from nencheck.model.records import Records
from nencheck.render.check import CheckOutcome

# kind -> suite name, in the order the suites appear.
SUITES = {
    "control": "nencheck.controls",
    "policy": "nencheck.policies",
    "finding": "nencheck.findings",
    "evidence": "nencheck.evidence",
    "person": "nencheck.training.people",
    "unit": "nencheck.training.units",
    "incident": "nencheck.incidents",
    "risk": "nencheck.risks",
    "risk-action": "nencheck.risks.actions",
    "other": "nencheck.other",
}


@dataclass
class Case:
    name: str
    file: str
    line: int
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failure_type: str = ""


def render(outcome: CheckOutcome) -> str:
    suites = {"nencheck.data": error_cases(outcome.errors)} if outcome.errors else {}
    if outcome.records is not None:  # the readable records' problems, beside the errors
        suites.update(problem_cases(checked_records(outcome.records), outcome.problems))
    return render_suites(f"nencheck check {outcome.as_of.isoformat()}", suites, outcome.as_of)


def render_suites(title: str, suites: dict[str, dict[str, Case]], as_of: date) -> str:
    """The JUnit document of suites (name -> record id -> case); ``network check`` uses it too."""
    root = ET.Element("testsuites", name=title)
    stamp = f"{as_of.isoformat()}T00:00:00"
    for name, cases in suites.items():
        _suite(root, name, list(cases.values()), stamp)
    _count(root, root.findall("testsuite"))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def checked_records(records: Records) -> dict[str, dict[str, Case]]:
    """kind -> record id -> an empty case, for every record the rules look at."""
    settings = records.settings_file
    cases: dict[str, dict[str, Case]] = {kind: {} for kind in SUITES}
    for control_id in records.catalog.ids():
        line = records.settings.origin.at("framework")[0]
        cases["control"][control_id] = Case(control_id, settings, line)
    groups: list[tuple[str, Sequence[Record]]] = [
        ("control", records.controls),
        ("policy", records.policies),
        ("finding", [finding for _audit, finding in records.findings()]),
        ("evidence", records.evidence),
        ("person", records.people),
        ("incident", records.incidents),
        ("risk", records.risks),
        ("risk-action", [action for risk in records.risks for action in risk.actions]),
    ]
    for kind, items in groups:
        for item in items:
            item_id = getattr(item, "id")  # noqa: B009 - every record kind here has an id
            cases[kind][item_id] = Case(item_id, item.origin.file, item.origin.at("id")[0])
    line = records.settings.origin.at("training_target")[0]
    for unit in records.settings.units:
        cases["unit"][unit.id] = Case(unit.id, settings, line)
    return cases


def problem_cases(
    cases: dict[str, dict[str, Case]], problems: list[Problem]
) -> dict[str, dict[str, Case]]:
    """The checked records' cases (kind -> id -> case) with the problems added, by suite name."""
    for problem in problems:
        kind = rule_kind(problem.rule)
        case = cases[kind].setdefault(problem.id, Case(problem.id, problem.file, problem.line))
        text = f"{problem.file}:{problem.line}:{problem.column}: {problem.rule}: {problem.message}"
        if problem.severity == "error":
            case.failures.append(text)
            case.failure_type = case.failure_type or problem.rule
        else:
            case.warnings.append(f"warning {text}")
    return {SUITES[kind]: found for kind, found in cases.items() if found}


def error_cases(errors: list[DataError]) -> dict[str, Case]:
    cases: dict[str, Case] = {}
    for error in errors:
        case = cases.setdefault(error.file, Case(error.file, error.file, error.line))
        case.failures.append(str(error))
        case.failure_type = case.failure_type or error.code
    return cases


def _suite(root: ET.Element, name: str, cases: list[Case], stamp: str) -> None:
    suite = ET.SubElement(root, "testsuite", name=name, timestamp=stamp)
    for case in cases:
        element = ET.SubElement(
            suite,
            "testcase",
            name=case.name,
            classname=name,
            file=case.file,
            line=str(case.line),
            time="0",
        )
        if case.failures:
            failure = ET.SubElement(
                element, "failure", message=case.failures[0], type=case.failure_type
            )
            failure.text = "\n".join(case.failures)
        if case.warnings:
            ET.SubElement(element, "system-out").text = "\n".join(case.warnings)
    _count(suite, suite.findall("testcase"))


def _count(element: ET.Element, children: list[ET.Element]) -> None:
    """tests/failures/errors/skipped/time attributes, summed from the children."""
    if element.tag == "testsuites":
        tests = sum(int(child.get("tests", "0")) for child in children)
        failures = sum(int(child.get("failures", "0")) for child in children)
    else:
        tests = len(children)
        failures = sum(1 for child in children if child.find("failure") is not None)
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    if element.tag == "testsuite":
        element.set("skipped", "0")
    element.set("time", "0")
