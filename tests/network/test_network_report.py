"""``nencheck network report``: the network report with each member's charts, and a member's
mirror report that never names another member."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_cli
from tests.network.net_org import Net, build_network


@pytest.fixture(scope="module")
def net(tmp_path_factory: pytest.TempPathFactory) -> Net:
    return build_network(tmp_path_factory.mktemp("network"))


def report(net: Net, *args: str) -> tuple[int, str]:
    done = run_cli("network", "report", "--network", str(net.file), "--as-of", AS_OF, *args)
    return done.exit_code, done.stdout


def test_network_report_has_every_readable_member_with_charts(net: Net) -> None:
    code, html = report(net)
    assert code == 2  # two members cannot be read
    for member_id in ("P001", "P002", "P003"):
        section = html.split(f'id="member-{member_id}"')[1].split("</section>")[0]
        assert 'data-chart="controls-by-theme"' in section
        assert 'data-chart="training-by-unit"' in section
        assert 'data-chart="mirror"' in section
    assert 'id="member-P004"' not in html
    assert "Huisartsen West" in html and "Praktijk Oost" in html  # listed as unreadable
    assert not re.search(r"<(script|link|img)\b", html)  # one offline file


@pytest.mark.parametrize("output_format", ["html", "markdown"])
@pytest.mark.parametrize("member_id", ["P001", "P002", "P003"])
def test_mirror_report_names_no_other_member(net: Net, member_id: str, output_format: str) -> None:
    code, text = report(net, "--member", member_id, "--format", output_format)
    assert code == 2
    assert net.names[member_id] in text
    for other_id, other_name in net.names.items():
        if other_id != member_id:
            assert other_id not in text
            assert other_name not in text


def test_mirror_report_shows_own_figures_beside_the_quartiles(net: Net) -> None:
    status = run_cli(
        "network", "status", "--network", str(net.file), "--as-of", AS_OF, "--format", "json"
    ).json()
    own = next(m for m in status["members"] if m["id"] == "P002")["indicators"]
    _code, text = report(net, "--member", "P002", "--format", "markdown")
    row = next(line for line in text.splitlines() if line.startswith("| Open "))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    figures = status["mirror"]["findings_open"]
    assert cells[1] == f"**{own['findings_open']}**"
    assert cells[2:5] == [f"{figures[k]:g}".replace(".", ",") for k in ("q1", "median", "q3")]
    assert any("," in cell for cell in cells[2:5])  # a Dutch decimal comma: 10,5


def test_unknown_or_unreadable_member_is_refused(net: Net) -> None:
    code, _text = report(net, "--member", "P999")
    assert code == 2
    done = run_cli(
        "network", "report", "--network", str(net.file), "--as-of", AS_OF, "--member", "P004"
    )
    assert done.exit_code == 2 and "P004" in done.stderr and done.stdout == ""


def test_mirror_dir_writes_one_private_report_per_readable_member(net: Net, tmp_path: Path) -> None:
    folder = tmp_path / "spiegel"
    code, _text = report(net, "--mirror-dir", str(folder), "--format", "markdown")
    assert code == 2
    assert sorted(p.name for p in folder.iterdir()) == ["P001.md", "P002.md", "P003.md"]
    for path in folder.iterdir():
        text = path.read_text("utf-8")
        own = path.stem
        assert net.names[own] in text
        assert not [i for i in net.names if i != own and (i in text or net.names[i] in text)]


def test_network_file_errors_are_in_its_language(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text("network: N\nmembers:\n  - {id: P1, name: A, repo: a, tak: main}\n", "utf-8")
    done = run_cli("network", "status", "--network", str(path))
    assert done.exit_code == 2 and "onbekend veld 'tak'" in done.stderr
