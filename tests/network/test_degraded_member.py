"""A member with one broken record file is evaluated on its readable records, as ``status`` does
for one repository (SPEC, "One broken file never takes the dashboard down"): its figures count in
the totals and the mirror, the broken file is named in every view, and the command exits 2. A
member whose nencheck.yaml is broken has no figures at all (ok=false)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import AS_OF, copy_example, init_git, run_cli
from tests.network.net_org import BROKEN_POLICY, build_degraded_network

BROKEN = BROKEN_POLICY


@pytest.fixture(scope="module")
def net(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_degraded_network(tmp_path_factory.mktemp("degraded"))


def network(net: Path, command: str, *args: str) -> Any:
    return run_cli("network", command, "--network", str(net), "--as-of", AS_OF, *args)


def own_status(root: Path) -> tuple[int, dict[str, Any]]:
    done = run_cli("status", "--format", "json", "--as-of", AS_OF, repo=root)
    return done.exit_code, done.json()


@pytest.fixture(scope="module")
def document(net: Path) -> dict[str, Any]:
    done = network(net, "status", "--format", "json")
    assert done.exit_code == 2, done.output
    result: dict[str, Any] = done.json()
    return result


def members(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {member["id"]: member for member in document["members"]}


def test_degraded_member_is_ok_with_its_own_degraded_status(
    net: Path, document: dict[str, Any]
) -> None:
    zuid = members(document)["P002"]
    code, own = own_status(net.parent / "zuid")
    assert code == 2  # `status` itself exits 2 on the broken file
    assert zuid["ok"] is True
    assert zuid["status"] == own
    assert zuid["status"]["unreadable"] == [BROKEN]
    assert zuid["error"] is not None and BROKEN in zuid["error"]
    assert "1 unreadable file" in zuid["error"] or "1 onleesbaar bestand" in zuid["error"]
    assert [e["file"] for e in zuid["errors"]] == [BROKEN]
    assert zuid["indicators"] is not None
    # the broken policy is left out of the member's figures, not counted as missing
    linde = members(document)["P001"]
    assert zuid["status"]["policies"]["total"] == linde["status"]["policies"]["total"] - 1


def test_degraded_member_counts_in_the_totals_and_the_mirror(
    net: Path, document: dict[str, Any]
) -> None:
    _, linde = own_status(net.parent / "linde")
    _, zuid = own_status(net.parent / "zuid")
    totals = document["totals"]
    for kind, key in (("policies", "total"), ("policies", "overdue"), ("findings", "open")):
        assert totals[kind][key] == linde[kind][key] + zuid[kind][key], (kind, key)
    assert totals["training"]["required"] == linde["training"]["required"] * 2
    assert totals["unreadable"] == [f"P002/{BROKEN}"]
    assert all(figures["count"] == 2 for figures in document["mirror"].values())


def test_broken_settings_member_has_no_figures(document: dict[str, Any]) -> None:
    west = members(document)["P003"]
    assert west["ok"] is False and west["status"] is None and west["indicators"] is None
    assert "nencheck.yaml:" in west["error"]
    assert west["errors"][0]["file"] == "nencheck.yaml"


def test_text_names_the_unreadable_file_and_exits_2(net: Path) -> None:
    done = network(net, "status")
    assert done.exit_code == 2
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    row = lines.index(next(line for line in lines if line.startswith("P002")))
    assert "%" in lines[row]  # its figures are shown
    assert lines[row + 1].lstrip().startswith("!") and "1 onleesbaar bestand weg" in lines[row + 1]
    assert BROKEN in done.stdout
    # its data error with the member id in front, on standard error, as `status` reports it
    assert f"P002/{BROKEN}:" in done.stderr
    assert "kan niet worden gelezen" in next(line for line in lines if line.startswith("P003"))


@pytest.mark.parametrize("output_format", ["csv", "markdown", "html"])
def test_other_formats_show_the_warning(net: Path, output_format: str) -> None:
    done = network(net, "status", "--format", output_format)
    assert done.exit_code == 2
    assert BROKEN in done.stdout
    assert "P002 (Zuid):" in done.stderr and "P003 (West):" in done.stderr


def test_all_files_readable_exits_0(tmp_path: Path, net: Path) -> None:
    only = tmp_path / "network.yaml"
    only.write_text(
        f"network: Regio\nmembers:\n  - {{id: P001, name: De Linde, repo: {net.parent}/linde}}\n",
        "utf-8",
    )
    done = network(only, "status", "--format", "json")
    assert done.exit_code == 0, done.output
    assert done.json()["members"][0]["error"] is None
    assert done.json()["totals"]["unreadable"] == []


def test_check_reports_the_data_error_and_the_readable_records_problems(net: Path) -> None:
    done = network(net, "check", "--format", "json")
    assert done.exit_code == 2
    result = json.loads(done.stdout)
    assert result["ok"] is False
    files = [error["file"] for error in result["errors"]]
    assert f"P002/{BROKEN}" in files and "P003/nencheck.yaml" in files
    problem_files = {problem["file"].split("/")[0] for problem in result["problems"]}
    assert problem_files == {"P001", "P002"}
    zuid = [p for p in result["problems"] if p["file"].startswith("P002/")]
    linde = [p for p in result["problems"] if p["file"].startswith("P001/")]
    assert 0 < len(zuid) <= len(linde)
    assert not any(p["file"] == f"P002/{BROKEN}" for p in zuid)
    assert not any(p["rule"] == "control-missing" for p in zuid)  # unknown, not missing


def test_check_text_sarif_github_and_junit_agree(net: Path) -> None:
    text = network(net, "check")
    assert text.exit_code == 2
    assert f"P002/{BROKEN}:" in text.stdout
    assert "1 lid kan niet worden gelezen" in text.stdout
    assert "1 lid is beoordeeld zonder zijn onleesbare bestanden" in text.stdout
    assert "P002/policies/" in text.stdout.split("\n\n", 1)[1]  # its problems follow
    sarif = json.loads(network(net, "check", "--format", "sarif").stdout)
    located = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for location in result["locations"]
    }
    assert f"P002/{BROKEN}" in located
    assert any(uri.startswith("P002/") and uri != f"P002/{BROKEN}" for uri in located)
    github = network(net, "check", "--format", "github").stdout
    assert f"::error file=P002/{BROKEN}," in github
    junit = ET.fromstring(network(net, "check", "--format", "junit").stdout)
    suites = {suite.get("name") for suite in junit.iter("testsuite")}
    assert "P002 nencheck.data" in suites
    assert any(
        name and name.startswith("P002 ") and name != "P002 nencheck.data" for name in suites
    )


def test_mirror_report_of_a_degraded_member_says_what_it_leaves_out(net: Path) -> None:
    done = network(net, "report", "--member", "P002", "--format", "markdown")
    assert done.exit_code == 2
    assert BROKEN in done.stdout
    assert "De Linde" not in done.stdout and "P001" not in done.stdout
    refused = network(net, "report", "--member", "P003")
    assert refused.exit_code == 2 and "P003" in refused.stderr


def test_a_member_review_dated_after_today_is_an_error_as_in_status(tmp_path: Path) -> None:
    """Only the CLI knows today's date; the network passes it to every member (SPEC, dates of
    things that happened may not lie after today, whatever --as-of says)."""
    root = copy_example(tmp_path / "linde")
    policy = root / BROKEN
    text = policy.read_text("utf-8")
    policy.write_text(text.replace("last_reviewed:", "last_reviewed: 2099-01-01\n#", 1), "utf-8")
    init_git(root)
    only = tmp_path / "network.yaml"
    only.write_text("network: Regio\nmembers:\n  - {id: P001, name: Linde, repo: linde}\n", "utf-8")
    done = network(only, "status", "--format", "json")
    assert done.exit_code == 2, done.output
    member = done.json()["members"][0]
    assert member["ok"] is True and member["status"]["unreadable"] == [BROKEN]
    assert member["errors"][0]["code"] == "invalid-date"
