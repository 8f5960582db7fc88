"""``nencheck check`` in every format, on a small repository with one case of every rule."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from nencheck.render.github import command, escape_data, escape_property
from tests.cli.eval_org import EXPECTED_PROBLEMS, write_eval_org
from tests.cli.junit_schema import validate
from tests.conftest import AS_OF

SARIF_SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "schemas" / "sarif-2.1.0-subset.json").read_text(
        "utf-8"
    )
)


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return write_eval_org(tmp_path / "org")


@pytest.fixture
def broken(org: Path) -> Path:
    (org / "policies" / "bel-001.yaml").write_text("id: BEL-001\ntitel: x\n", encoding="utf-8")
    return org


def test_json_lists_every_rule_case_and_exits_1_for_fail_on(org: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--format", "json", repo=org)
    assert result.exit_code == 1
    document = result.json()
    assert document["ok"] is False and document["as_of"] == AS_OF and document["errors"] == []
    found: dict[str, list[str]] = {}
    for problem in document["problems"]:
        assert {"rule", "severity", "id", "file", "message", "line", "column"} <= set(problem)
        found.setdefault(problem["rule"], []).append(problem["id"])
    assert found == EXPECTED_PROBLEMS
    severities = {p["rule"]: p["severity"] for p in document["problems"]}
    assert severities["policy-overdue"] == severities["breach-notification-late"] == "error"
    assert severities["policy-due-soon"] == "warning"


def test_warnings_alone_exit_0(org: Path, run) -> None:
    settings = org / "nencheck.yaml"
    settings.write_text(
        settings.read_text("utf-8").replace(
            "fail_on: [policy-overdue, breach-notification-late]", "fail_on: [calamity-report-late]"
        ),
        encoding="utf-8",
    )
    result = run("check", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 0
    assert result.stdout.rstrip().endswith("0 errors, 13 warnings on 2026-11-23")


def test_text_groups_problems_by_rule_with_one_summary_line(org: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, repo=org)
    lines = result.stdout.splitlines()
    assert lines[0] == "policy-overdue: 1 error"
    assert lines[1] == (
        "policies/bel-001.yaml:7:16: error policy-overdue: BEL-001: review was due 2026-03-12, "
        "256 days before 2026-11-23 (last_reviewed 2024-03-12 + review_interval 2y)"
    )
    assert "policy-due-soon: 2 warnings" in lines
    assert lines[-1] == "2 errors, 11 warnings on 2026-11-23"
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_text_is_coloured_for_a_terminal(org: Path) -> None:
    from nencheck.checks.evaluate import evaluate
    from nencheck.cli.context import AppContext
    from nencheck.render.check import CheckOutcome, render_text

    records = AppContext(repo=str(org)).load()
    as_of = date(2026, 11, 23)
    outcome = CheckOutcome(
        as_of=as_of, errors=[], problems=evaluate(records, as_of), records=records, color=True
    )
    assert "\x1b[31m" in render_text(outcome)


def test_junit_validates_and_has_one_testcase_per_record(org: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--format", "junit", repo=org)
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert validate(root) == []
    suites = {suite.get("name"): suite for suite in root}
    assert [case.get("name") for case in suites["nencheck.policies"]] == [
        "BEL-001",
        "BEL-003",
        "BEL-009",
        "PROT-HAP-014",
        "PROT-HCZ-002",
        "PROT-HCZ-003",
    ]
    # 4 catalog controls, 6 policies, 4 findings, 2 evidence, 4 people, 2 units, 3 incidents
    assert root.get("tests") == "25"
    assert root.get("failures") == "2"
    failed = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert [(case.get("name"), case.find("failure").get("type")) for case in failed] == [
        ("BEL-001", "policy-overdue"),
        ("INC-2026-001", "breach-notification-late"),
    ]
    bel = failed[0]
    assert bel.get("file") == "policies/bel-001.yaml"
    warned = suites["nencheck.controls"].find("testcase[@name='8.8']")
    assert "control-missing" in warned.find("system-out").text
    assert warned.find("failure") is None


def test_junit_reports_data_errors_as_failures(broken: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--format", "junit", repo=broken)
    assert result.exit_code == 2
    root = ET.fromstring(result.stdout)
    assert validate(root) == []
    suites = {suite.get("name"): suite for suite in root}
    [case] = suites["nencheck.data"]
    assert case.get("name") == "policies/bel-001.yaml"
    assert case.find("failure").get("type") in ("unknown-field", "missing-field")
    # The readable records are judged beside the error (SPEC: one broken file never takes the
    # dashboard down): the late breach notification is still a failure.
    failures = [case.find("failure") for suite in root for case in suite]
    assert any(f is not None and f.get("type") == "breach-notification-late" for f in failures)


def test_json_lists_errors_and_the_readable_records_problems(broken: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--format", "json", repo=broken)
    assert result.exit_code == 2
    document = result.json()
    assert document["ok"] is False
    assert {error["file"] for error in document["errors"]} == {"policies/bel-001.yaml"}
    found: dict[str, list[str]] = {}
    for problem in document["problems"]:
        found.setdefault(problem["rule"], []).append(problem["id"])
    # BEL-001 is unknown: not overdue, and no control counts as unsupported for want of a policy
    # (the broken file may link it).
    expected = {
        rule: ids
        for rule, ids in EXPECTED_PROBLEMS.items()
        if rule not in ("policy-overdue", "control-unsupported")
    }
    assert found == expected


def test_text_heads_the_problems_with_the_errors_and_the_count_left_out(broken: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--lang", "en", repo=broken)
    assert result.exit_code == 2
    head, _blank, rest = result.stdout.partition("\n\n")
    assert head.startswith("policies/bel-001.yaml:1:1: error missing-field")
    assert head.endswith("figures exclude 1 unreadable file.")
    assert "breach-notification-late" in rest and "BEL-001" not in rest


def test_sarif_validates_and_locates_each_result(org: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--format", "sarif", repo=org)
    assert result.exit_code == 1
    document = result.json()
    jsonschema.validate(document, SARIF_SCHEMA)
    run_ = document["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    rule_ids = [rule["id"] for rule in rules]
    assert {"policy-overdue", "calamity-report-late", "control-missing", "yaml-syntax"} <= set(
        rule_ids
    )
    assert len(run_["results"]) == 13
    for item in run_["results"]:
        assert rule_ids[item["ruleIndex"]] == item["ruleId"]
    first = run_["results"][0]
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "policies/bel-001.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 7, "startColumn": 16},
    }
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in rules}
    assert levels["policy-overdue"] == "error" and levels["policy-due-soon"] == "warning"


def test_sarif_reports_data_errors_as_error_results(broken: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--format", "sarif", repo=broken)
    assert result.exit_code == 2
    document = result.json()
    jsonschema.validate(document, SARIF_SCHEMA)
    results = document["runs"][0]["results"]
    assert results[0]["level"] == "error"
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "policies/bel-001.yaml"
    )
    assert "breach-notification-late" in {item["ruleId"] for item in results[1:]}


def test_github_annotations(org: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--format", "github", repo=org)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::error file=policies/bel-001.yaml,line=7,col=16,title=policy-overdue::BEL-001: review "
        "was due 2026-03-12, 256 days before 2026-11-23 (last_reviewed 2024-03-12 + "
        "review_interval 2y)"
    )
    assert sum(line.startswith("::warning ") for line in lines) == 11
    assert sum(line.startswith("::error ") for line in lines) == 2
    assert lines[-1] == "2 errors, 11 warnings on 2026-11-23"


def test_github_data_errors_are_error_annotations(broken: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--format", "github", repo=broken)
    assert result.exit_code == 2
    assert result.stdout.startswith("::error file=policies/bel-001.yaml,line=")
    assert "title=breach-notification-late::" in result.stdout


def test_github_escaping_keeps_commands_intact() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert command("warning", "x,y.yaml", 3, 1, "rule", "two\nlines") == (
        "::warning file=x%2Cy.yaml,line=3,col=1,title=rule::two%0Alines"
    )


def test_junit_written_to_a_file(org: Path, run, tmp_path: Path) -> None:
    target = tmp_path / "report.xml"
    result = run("check", "--as-of", AS_OF, "--format", "junit", "-o", str(target), repo=org)
    assert result.exit_code == 1
    assert validate(ET.parse(target).getroot()) == []


def test_check_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "import nencheck.cli.check, nencheck.checks.evaluate, nencheck.checks.rules\n"
        "import nencheck.render.check, nencheck.checks.summary, nencheck.checks.due\n"
        "heavy = {'rich', 'jinja2', 'icalendar', 'babel', 'git', 'openpyxl', 'ruamel'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "[]"
