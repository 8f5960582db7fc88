"""``nencheck network check``: one exit code for the network (0/1/2), a member's data errors
named with the member id and its file:line, in every ``check`` format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_cli
from tests.network.net_org import Net, build_network, readable_network


@pytest.fixture(scope="module")
def net(tmp_path_factory: pytest.TempPathFactory) -> Net:
    return build_network(tmp_path_factory.mktemp("network"))


@pytest.fixture(autouse=True)
def _in_network_folder(net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where a cooperative's CI runs: in the folder of network.yaml."""
    monkeypatch.chdir(net.file.parent)


def check(network: Path, *args: str) -> tuple[int, str, str]:
    done = run_cli("network", "check", "--network", str(network), "--as-of", AS_OF, *args)
    return done.exit_code, done.stdout, done.stderr


def test_a_broken_or_unreachable_member_makes_exit_2_and_is_named(net: Net) -> None:
    code, out, _err = check(net.file)
    assert code == 2
    broken = next(line for line in out.splitlines() if line.startswith("P004/"))
    assert broken.startswith("P004/nencheck.yaml:")
    assert "fout invalid-value" in broken and "training_target" in broken
    away = next(line for line in out.splitlines() if "P005" in line)
    assert away.startswith("network.yaml:8:5: fout member-unreadable: P005: ")
    # the other members were still evaluated: their problems are listed too
    assert "P001/policies/" in out and "policy-overdue" in out
    assert "P003/policies/" in out


def test_a_fail_on_rule_of_a_member_makes_exit_1(tmp_path: Path, net: Net) -> None:
    code, out, _err = check(readable_network(tmp_path, net, ("P001", "P003")))
    assert code == 1
    assert "P001/policies/" in out


def test_no_fail_on_rule_fired_makes_exit_0(tmp_path: Path, net: Net) -> None:
    code, out, _err = check(readable_network(tmp_path, net, ("P003",)))
    assert code == 0, out
    assert "warning" in out or "waarschuwing" in out


def test_json_lists_errors_and_problems_with_member_paths(net: Net) -> None:
    code, out, _err = check(net.file, "--format", "json")
    assert code == 2
    document = json.loads(out)
    assert document["ok"] is False and document["as_of"] == AS_OF
    files = {error["file"] for error in document["errors"]}
    assert files == {"P004/nencheck.yaml", "network.yaml"}
    assert {p["file"].split("/")[0] for p in document["problems"]} == {"P001", "P002", "P003"}
    assert any(
        p["severity"] == "error" and p["file"].startswith("P001/") for p in document["problems"]
    )
    assert not any(
        p["severity"] == "error" for p in document["problems"] if p["file"].startswith("P003/")
    )


def test_junit_has_suites_per_member(net: Net) -> None:
    code, out, _err = check(net.file, "--format", "junit")
    assert code == 2
    root = ET.fromstring(out)
    names = [suite.get("name") for suite in root.findall("testsuite")]
    assert "P001 nencheck.policies" in names and "P002 nencheck.controls" in names
    assert "P004 nencheck.data" in names and "P005 nencheck.network" in names
    data = root.find("testsuite[@name='P004 nencheck.data']")
    assert data is not None
    case = data.find("testcase")
    assert case is not None and case.get("file") == "P004/nencheck.yaml"
    assert int(root.get("failures", "0")) > 2


def test_sarif_locates_results_in_the_members(net: Net) -> None:
    code, out, _err = check(net.file, "--format", "sarif")
    assert code == 2
    results = json.loads(out)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "P004/nencheck.yaml" in uris and "network.yaml" in uris
    assert any(uri.startswith("P002/policies/") for uri in uris)
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in rules}
    assert levels["policy-overdue"] == "error"  # fail_on of P001 and P002
    assert levels["policy-due-soon"] == "warning"


def test_github_annotations_name_member_files(net: Net) -> None:
    code, out, _err = check(net.file, "--format", "github")
    assert code == 2
    assert "::error file=P004/nencheck.yaml,line=" in out
    assert "::error file=network.yaml,line=8,col=5,title=member-unreadable::P005: " in out
    assert "::error file=P001/policies/" in out


def test_a_rule_failing_one_member_and_warning_another_is_shown_as_each(net: Net) -> None:
    _code, out, _err = check(net.file)
    lines = out.splitlines()
    assert any(line.startswith("P001/") and " fout policy-overdue:" in line for line in lines)
    p003 = [line for line in lines if line.startswith("P003/") and "policy-overdue" in line]
    assert p003 and all(" waarschuwing policy-overdue:" in line for line in p003)
