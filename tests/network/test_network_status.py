"""``nencheck network status`` over a generated network: each member as its own ``status``,
the totals as their sum, the mirror statistics as a direct computation, unreadable members
reported with the reason (exit 2)."""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import AS_OF, run_cli
from tests.network.net_org import NETWORK_NAME, Net, build_network, readable_network

READABLE = ("P001", "P002", "P003")


@pytest.fixture(scope="module")
def net(tmp_path_factory: pytest.TempPathFactory) -> Net:
    return build_network(tmp_path_factory.mktemp("network"))


@pytest.fixture(scope="module")
def document(net: Net) -> dict[str, Any]:
    done = run_cli(
        "network", "status", "--network", str(net.file), "--as-of", AS_OF, "--format", "json"
    )
    assert done.exit_code == 2, done.output
    result: dict[str, Any] = done.json()
    return result


def own_status(root: Path) -> dict[str, Any]:
    done = run_cli("status", "--format", "json", "--as-of", AS_OF, repo=root)
    assert done.exit_code == 0, done.output
    result: dict[str, Any] = done.json()
    return result


def count_leaves(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], int]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from count_leaves(item, (*path, key))
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path, value


def at(document: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(document, dict) or key not in document:
            return 0
        document = document[key]
    return document


def test_each_member_status_is_exactly_its_own_status_json(
    net: Net, document: dict[str, Any]
) -> None:
    members = {m["id"]: m for m in document["members"]}
    for member_id in READABLE:
        assert members[member_id]["ok"] is True
        assert members[member_id]["error"] is None
        assert members[member_id]["status"] == own_status(net.members[member_id])
    # each in its own language and with its own settings
    assert members["P002"]["status"]["controls"]["by_theme"]["people"]["label"] == "People"
    assert members["P001"]["status"]["controls"]["by_theme"]["people"]["label"] == "Mensen"
    assert members["P002"]["status"]["training"]["target"] == 0.75
    assert members["P002"]["status"]["units"]["HAP"] == "Spoedpost Zuid"


def test_totals_are_the_sum_of_the_members_own_status(net: Net, document: dict[str, Any]) -> None:
    statuses = [own_status(net.members[i]) for i in READABLE]
    totals = document["totals"]
    leaves = list(count_leaves(totals))
    assert len(leaves) > 80
    for path, value in leaves:
        assert value == sum(at(s, path) for s in statuses), path
    assert totals["findings"]["total"] < 3 * statuses[0]["findings"]["total"]  # audits differ
    required = sum(s["training"]["required"] for s in statuses)
    compliant = sum(s["training"]["compliant"] for s in statuses)
    assert totals["training"]["rate"] == pytest.approx(compliant / required)
    assert totals["organisation"] == NETWORK_NAME
    assert totals["as_of"] == AS_OF


def test_mirror_quartiles_match_a_direct_computation(document: dict[str, Any]) -> None:
    statuses = [m["status"] for m in document["members"] if m["ok"]]
    direct = {
        "policies_overdue_share": [
            s["policies"]["overdue"] / s["policies"]["active"] for s in statuses
        ],
        "training_rate": [s["training"]["rate"] for s in statuses],
        "findings_open": [s["findings"]["open"] for s in statuses],
        "findings_overdue": [s["findings"]["overdue"] for s in statuses],
        "controls_implemented_share": [
            s["controls"]["by_status"]["implemented"] / s["controls"]["applicable"]
            for s in statuses
        ],
        "late_notifications": [
            s["incidents"]["breach_notification_late"] + s["incidents"]["calamity_report_late"]
            for s in statuses
        ],
    }
    assert set(direct) == set(document["mirror"])
    assert len(set(direct["findings_open"])) == 3  # the members really differ
    for name, values in direct.items():
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
        figures = document["mirror"][name]
        assert figures["median"] == pytest.approx(statistics.median(values)), name
        assert figures["median"] == pytest.approx(median), name
        assert figures["q1"] == pytest.approx(q1), name
        assert figures["q3"] == pytest.approx(q3), name
        assert figures["count"] == 3


def test_unreadable_members_are_reported_with_the_reason(document: dict[str, Any]) -> None:
    members = {m["id"]: m for m in document["members"]}
    broken, away = members["P004"], members["P005"]
    assert broken["ok"] is False and broken["status"] is None
    assert broken["errors"][0]["file"] == "nencheck.yaml"
    assert broken["errors"][0]["code"] == "invalid-value"
    assert "nencheck.yaml:" in broken["error"]
    assert away["ok"] is False and away["errors"] == []
    assert "nowhere.git" in away["error"] and "git clone" in away["error"]
    assert document["network"] == NETWORK_NAME and document["as_of"] == AS_OF


def test_text_fits_80_columns_and_names_the_failures(net: Net) -> None:
    done = run_cli("network", "status", "--network", str(net.file), "--as-of", AS_OF)
    assert done.exit_code == 2
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any(line.startswith("P001") and "Huisartsenpraktijk De L…" in line for line in lines)
    row = next(line for line in lines if line.startswith("P005"))
    assert "kan niet worden gelezen" in row
    assert "nowhere.git" in done.stdout


def test_csv_has_one_row_per_member(net: Net, document: dict[str, Any]) -> None:
    done = run_cli(
        "network", "status", "--network", str(net.file), "--as-of", AS_OF, "--format", "csv"
    )
    assert done.exit_code == 2
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["id"] for r in rows] == ["P001", "P002", "P003", "P004", "P005"]
    assert [r["ok"] for r in rows] == ["true", "true", "true", "false", "false"]
    first = document["members"][0]["indicators"]
    assert float(rows[0]["findings_open"]) == first["findings_open"]
    assert "P005" in done.stderr  # the reason is also on standard error


def test_markdown_and_html_show_members_and_mirror(net: Net) -> None:
    for output_format in ("markdown", "html"):
        done = run_cli(
            "network",
            "status",
            "--network",
            str(net.file),
            "--as-of",
            AS_OF,
            "--format",
            output_format,
        )
        assert done.exit_code == 2
        for name in net.names.values():
            assert name in done.stdout
        assert "Mediaan" in done.stdout


def test_all_readable_network_exits_0(tmp_path: Path, net: Net) -> None:
    only = readable_network(tmp_path, net, READABLE)
    done = run_cli(
        "network", "status", "--network", str(only), "--as-of", AS_OF, "--format", "json"
    )
    assert done.exit_code == 0, done.output
    assert [m["id"] for m in done.json()["members"]] == list(READABLE)


def test_one_worker_gives_the_same_document(net: Net, document: dict[str, Any]) -> None:
    done = run_cli(
        "network",
        "status",
        "--network",
        str(net.file),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--workers",
        "1",
    )
    assert done.json() == document
