"""``nencheck risk``: the register on a real git repository (assess and accept make one commit
each, comments kept; the history of levels comes from those commits), the heat map agrees with
the list, and a broken risk file is reported with its file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import AS_OF, Outcome, git, init_git

Run = Callable[..., Outcome]
RISK = "risks/hap/r-2025-007.yaml"

FILES = {
    "nencheck.yaml": """\
organisation: Testpraktijk
framework: catalog.yaml
language: en
units:
  - {id: HAP, name: Huisartsenspoedpost}
risk:
  likelihood: [Zeldzaam, Onwaarschijnlijk, Mogelijk, Waarschijnlijk, Bijna zeker]
  impact: [Gering, Beperkt, Aanzienlijk, Ernstig, Catastrofaal]
  levels: {low: 4, medium: 9, high: 16, critical: 25}
  appetite: medium
""",
    "catalog.yaml": """\
catalog: test-catalog
title: Test catalog
themes:
  - {id: technological, number: "8", nl: Technologisch, en: Technological}
controls:
  - {id: "8.7", theme: technological, title: Protection against malware}
  - {id: "8.13", theme: technological, title: Information backup}
  - {id: "8.30", theme: technological, title: Outsourced development}
""",
    "controls/8.7.yaml": 'id: "8.7"\napplicable: true\nstatus: implemented\n',
    "controls/8.13.yaml": 'id: "8.13"\napplicable: true\nstatus: partial\n',
    "controls/8.30.yaml": (
        'id: "8.30"\napplicable: false\njustification: Geen uitbestede ontwikkeling\n'
        "status: not_started\n"
    ),
    RISK: """\
# Ransomware op de huisartsenpost: de grootste dreiging.
id: R-2025-007
title: Ransomware op het netwerk van de huisartsenpost
units: [HAP]
owner: Manager bedrijfsvoering
current: {likelihood: 5, impact: 5}  # na de eerste analyse
target: {likelihood: 2, impact: 4}
treatment: mitigate
controls: ["8.7", "8.13"]
actions:
  - {id: R-2025-007-A1, title: EDR op alle werkplekken, owner: ICT-beheer, due: 2026-03-31, status: open}
assessed: 2025-02-10
review_interval: 1y
status: open
""",
    "risks/dia/r-2026-004.yaml": """\
id: R-2026-004
title: Verouderde software in diagnostische apparatuur
units: [HAP]
owner: Manager Diagnostisch Centrum
current: {likelihood: 4, impact: 3}
treatment: accept
controls: ["8.7", "8.30"]
assessed: 2026-10-14
review_interval: 1y
status: open
""",
}


@pytest.fixture
def org(tmp_path: Path) -> Path:
    root = tmp_path / "org"
    for path, text in FILES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return init_git(root, "Risicoregister")


def test_two_assessments_make_a_history_of_levels_from_their_commits(org: Path, run: Run) -> None:
    first = run("risk", "assess", "R-2025-007", "--likelihood", "4", "--impact", "5",
                "--date", "2025-09-15", repo=org)  # fmt: skip
    assert first.exit_code == 0, first.output
    second = run("risk", "assess", "R-2025-007", "--likelihood", "3", "--impact", "4",
                 "--target", "2,3", "--date", "2026-11-20", repo=org)  # fmt: skip
    assert second.exit_code == 0, second.output
    assert len(git(org, "log", "--format=%H").split()) == 3
    assert git(org, "show", "--name-only", "--format=", "HEAD").split() == [RISK]
    message = git(org, "log", "-1", "--format=%B")
    assert message.startswith("Assess risk R-2025-007: likelihood 3, impact 4 (high, score 12)")
    text = (org / RISK).read_text(encoding="utf-8")
    assert "current: {likelihood: 3, impact: 4}  # na de eerste analyse" in text
    assert "target: {likelihood: 2, impact: 3}" in text
    assert "assessed: 2026-11-20" in text
    assert text.startswith("# Ransomware op de huisartsenpost")

    shown = run("risk", "show", "R-2025-007", "--as-of", AS_OF, "--format", "json", repo=org)
    assert shown.exit_code == 0, shown.output
    history = shown.json()["history"]
    assert [
        (h["assessed"], h["likelihood"], h["impact"], h["score"], h["level"]) for h in history
    ] == [
        ("2026-11-20", 3, 4, 12, "high"),
        ("2025-09-15", 4, 5, 20, "critical"),
        ("2025-02-10", 5, 5, 25, "critical"),
    ]
    assert {h["author"] for h in history} == {"Test Auteur"}
    assert history[0]["target"]["level"] == "medium"
    since = run("risk", "show", "R-2025-007", "--since", "2025-10-01", "--format", "json",
                "--as-of", AS_OF, repo=org)  # fmt: skip
    # the assessments since that date, and the one in force on it
    assert [h["assessed"] for h in since.json()["history"]] == ["2026-11-20", "2025-09-15"]
    text_view = run("risk", "show", "R-2025-007", "--as-of", AS_OF, repo=org)
    assert "Information backup                            applicable, Partially implemented" in (
        text_view.stdout
    )
    assert "2025-09-15  4  5     20  critical" in text_view.stdout


def test_accept_records_who_and_when_and_clears_the_appetite_warning(org: Path, run: Run) -> None:
    before = run("check", "--as-of", AS_OF, "--format", "json", repo=org).json()
    assert [p["id"] for p in before["problems"] if p["rule"] == "risk-above-appetite"] == [
        "R-2026-004"
    ]
    done = run("risk", "accept", "R-2026-004", "--by", "Bestuurder", "--date", "2026-11-20",
               repo=org)  # fmt: skip
    assert done.exit_code == 0, done.output
    text = (org / "risks/dia/r-2026-004.yaml").read_text(encoding="utf-8")
    assert "accepted_by: Bestuurder\naccepted: 2026-11-20\n" in text
    assert (
        git(org, "log", "-1", "--format=%s")
        == "Accept risk R-2026-004: Verouderde software in diagnostische apparatuur\n"
    )
    after = run("check", "--as-of", AS_OF, "--format", "json", repo=org).json()
    assert not [p for p in after["problems"] if p["rule"] == "risk-above-appetite"]
    listed = run("risk", "list", "--above-appetite", "--as-of", AS_OF, repo=org).stdout
    assert "Bestuurder 2026-11-20" in listed


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--likelihood", "6", "--impact", "2"], "likelihood must lie from 1 to 5"),
        (["--likelihood", "2", "--impact", "2", "--date", "2999-01-01"], "lies after today"),
        (["--likelihood", "2", "--impact", "2", "--date", "2024-01-01"], "lies before the last"),
        (["--likelihood", "2", "--impact", "2", "--target", "2"], "likelihood,impact"),
    ],
)
def test_assess_refuses_bad_input_and_writes_nothing(
    org: Path, run: Run, args: list[str], fragment: str
) -> None:
    result = run("risk", "assess", "R-2025-007", *args, repo=org)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert git(org, "status", "--porcelain") == ""
    assert len(git(org, "log", "--format=%H").split()) == 1


def test_heat_map_counts_equal_the_list_on_the_example(example_git: Path, run: Run) -> None:
    listed = run("risk", "list", "--as-of", AS_OF, "--format", "json", repo=example_git).json()
    heat = run("risk", "matrix", "--as-of", AS_OF, "--format", "json", repo=example_git).json()
    cells: dict[tuple[int, int], int] = {}
    for item in listed["risks"]:
        key = (item["current"]["likelihood"], item["current"]["impact"])
        cells[key] = cells.get(key, 0) + 1
    assert {(c["likelihood"], c["impact"]): c["count"] for c in heat["current"]} == cells
    assert sum(cells.values()) == len(listed["risks"]) == 26
    status = run("status", "--as-of", AS_OF, "--format", "json", repo=example_git).json()
    assert status["risks"]["open"] == 26
    assert sum(status["risks"]["by_level"].values()) == 26
    svg = run("risk", "matrix", "--as-of", AS_OF, "--format", "svg", repo=example_git).stdout
    counts = [int(part.split('"')[1]) for part in svg.split("data-count=")[1:]]
    assert sum(counts[:25]) == 26 and len(counts) == 50
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)  # a standalone, well-formed SVG document
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_list_filters(org: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def ids(*args: str) -> list[str]:
        found = run("risk", "list", "--as-of", AS_OF, "--format", "json", *args, repo=org)
        assert found.exit_code == 0, found.output
        return [item["id"] for item in found.json()["risks"]]

    assert ids() == ["R-2025-007", "R-2026-004"]
    assert ids("--level", "high") == ["R-2026-004"]
    assert ids("--treatment", "accept") == ["R-2026-004"]
    assert ids("--owner", "manager bedrijfsvoering") == ["R-2025-007"]
    assert ids("--above-appetite") == ["R-2025-007", "R-2026-004"]
    bad = run("risk", "list", "--level", "extreme", repo=org)
    assert bad.exit_code == 2 and "low, medium, high, critical" in bad.stderr
    csv_text = run("risk", "list", "--as-of", AS_OF, "--format", "csv", repo=org).stdout
    assert csv_text.splitlines()[1].startswith("R-2025-007;")
    monkeypatch.setenv("COLUMNS", "80")
    text = run("risk", "list", "--as-of", AS_OF, repo=org).stdout
    assert max(len(line) for line in text.splitlines()) <= 80


@pytest.mark.parametrize(
    ("old", "new", "where", "fragment"),
    [
        ("current: {likelihood: 4, impact: 3}", "current: {likelihood: 4, impact: 3, level: high}",
         ":5:", "never written by hand"),
        ("current: {likelihood: 4, impact: 3}", "current: {likelihood: 7, impact: 3}",
         ":5:", "beyond the scale"),
        ("controls: [\"8.7\", \"8.30\"]", "controls: [\"8.7\", \"9.99\"]", ":7:", "9.99"),
        ("treatment: accept", "treatment: accept\naccepted_by: Bestuurder", ":", "accepted"),
    ],
)  # fmt: skip
def test_a_broken_risk_file_is_reported_with_file_and_line(
    org: Path, run: Run, old: str, new: str, where: str, fragment: str
) -> None:
    path = org / "risks/dia/r-2026-004.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = run("check", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 2
    line = next(line for line in result.output.splitlines() if "r-2026-004.yaml" in line)
    assert f"risks/dia/r-2026-004.yaml{where}" in line
    assert fragment in line


def test_due_lists_reviews_and_actions_with_their_owners(org: Path, run: Run) -> None:
    due = run("due", "--kind", "risk", "--as-of", AS_OF, "--format", "json", repo=org).json()
    items = {(i["id"], i["owner"], i["state"]) for i in due["items"]}
    assert items == {
        ("R-2025-007", "Manager bedrijfsvoering", "overdue"),  # assessed 2025-02-10 + 1y
        ("R-2025-007-A1", "ICT-beheer", "overdue"),
    }
    ics = run("due", "--kind", "risk", "--as-of", AS_OF, "--format", "ics", repo=org).stdout
    assert "R-2025-007-A1" in ics


def test_report_shows_heat_map_movement_from_git_and_acceptances(org: Path, run: Run) -> None:
    assessed = run("risk", "assess", "R-2025-007", "--likelihood", "3", "--impact", "4",
                   "--date", "2026-11-20", repo=org)  # fmt: skip
    assert assessed.exit_code == 0, assessed.output
    markdown = run("report", "--format", "markdown", "--as-of", AS_OF, repo=org)
    assert markdown.exit_code == 0, markdown.output
    section = markdown.stdout.split("## Risks", 1)[1].split("\n## ", 1)[0]
    assert "2 open risks; 2 above the appetite (medium)" in section
    assert "- R-2025-007: 2025-02-10 critical (25) → 2026-11-20 high (12)" in section
    assert (
        "- R-2026-004 Verouderde software in diagnostische apparatuur (high): **not recorded**"
        in section
    )
    html = run("report", "--as-of", AS_OF, repo=org).stdout
    assert '<tr data-risk="R-2025-007" data-direction="down">' in html
    assert html.count('class="cell"') == 50  # two 5x5 grids: current and target
    assert 'data-likelihood="3" data-impact="4" data-level="high" data-count="1"' in html


def test_rev_and_as_recorded_read_the_register_as_committed(org: Path, run: Run) -> None:
    run("risk", "assess", "R-2025-007", "--likelihood", "3", "--impact", "4", "--date",
        "2026-11-20", repo=org)  # fmt: skip

    def score(*args: str) -> int:
        found = run("risk", "list", "--as-of", AS_OF, "--format", "json", *args, repo=org)
        assert found.exit_code == 0, found.output
        return next(r for r in found.json()["risks"] if r["id"] == "R-2025-007")["current"]["score"]

    assert score() == 12
    assert score("--rev", "HEAD~1") == 25
    shown = run("risk", "show", "R-2025-007", "--rev", "HEAD~1", "--format", "json",
                "--as-of", AS_OF, repo=org)  # fmt: skip
    assert [h["assessed"] for h in shown.json()["history"]] == ["2025-02-10"]


def test_action_ids_are_unique_across_the_register(org: Path, run: Run) -> None:
    path = org / "risks/dia/r-2026-004.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "actions:\n  - {id: R-2025-007-A1, title: Vervangen, owner: DC, due: 2027-01-01, "
        "status: open}\n",
        encoding="utf-8",
    )
    result = run("check", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 2
    assert (
        "risks/hap/r-2025-007.yaml:11:10: error duplicate-id: duplicate risk action id "
        "'R-2025-007-A1': also used in risks/dia/r-2026-004.yaml:12" in result.output
    )


def test_the_example_register_gives_one_case_of_each_risk_rule(run: Run) -> None:
    """The data helper's register (risks/): no data errors on 2026-11-23 and exactly these."""
    from tests.conftest import PROJECT_ROOT

    found = run("check", "--as-of", AS_OF, "--format", "json", repo=PROJECT_ROOT).json()
    assert found["errors"] == []
    by_rule: dict[str, list[str]] = {}
    for problem in found["problems"]:
        if problem["rule"].startswith("risk-") or problem["rule"] == "control-unjustified":
            by_rule.setdefault(problem["rule"], []).append(problem["id"])
    assert by_rule == {
        "risk-review-overdue": ["R-2024-008", "R-2025-024", "R-2024-003"],
        "risk-action-overdue": ["R-2025-020-A1", "R-2025-007-A2", "R-2025-024-A2", "R-2026-006-A1"],
        "risk-above-appetite": ["R-2026-004"],
        "risk-control-excluded": ["R-2026-016"],
    }
    status = run("status", "--as-of", AS_OF, "--lang", "en", repo=PROJECT_ROOT).stdout
    assert "26 open; 10 above the appetite (medium); reviews overdue: 3" in status


def test_assess_adds_a_target_after_current_in_the_files_style(org: Path, run: Run) -> None:
    done = run("risk", "assess", "R-2026-004", "--likelihood", "3", "--impact", "3",
               "--target", "2,3", "--date", "2026-11-20", repo=org)  # fmt: skip
    assert done.exit_code == 0, done.output
    text = (org / "risks/dia/r-2026-004.yaml").read_text(encoding="utf-8")
    assert (
        "current: {likelihood: 3, impact: 3}\ntarget: {likelihood: 2, impact: 3}\n"
        "treatment: accept\n" in text
    )
    assert "assessed: 2026-11-20\n" in text


def test_the_soa_names_the_risks_and_marks_an_unjustified_control(org: Path, run: Run) -> None:
    soa = run("soa", "--as-of", AS_OF, "--format", "json", repo=org).json()
    rows = {row["id"]: row for row in soa["controls"]}
    assert sorted(rows["8.7"]["risks"]) == ["R-2025-007", "R-2026-004"]
    assert rows["8.13"]["risks"] == ["R-2025-007"] and rows["8.13"]["unjustified"] is False
    (org / "controls/8.31.yaml").write_text(
        'id: "8.31"\ntitle: Eigen maatregel\napplicable: true\nstatus: planned\n', encoding="utf-8"
    )
    text = run("soa", "--as-of", AS_OF, repo=org).stdout
    assert "no risk names it and no justification is given" in text
    check = run("check", "--as-of", AS_OF, "--format", "json", repo=org).json()
    assert [p["id"] for p in check["problems"] if p["rule"] == "control-unjustified"] == ["8.31"]
    # the documents an auditor is handed say it too, at that control only
    markdown = run("soa", "--as-of", AS_OF, "--format", "markdown", repo=org).stdout
    [row] = [line for line in markdown.splitlines() if "no risk names it" in line]
    assert row.startswith("| 8.31 |")
    html = run("soa", "--as-of", AS_OF, "--format", "html", repo=org).stdout
    assert html.count('class="unjustified"') == 1
    marked = html.index('class="unjustified"')
    assert html.rindex('data-control="', 0, marked) == html.index('data-control="8.31"')
