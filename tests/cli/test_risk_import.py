"""``nencheck risk import``: a messy Dutch risk spreadsheet (title rows, Dutch words, numbers
stored as 4.0, an invalid cell) becomes risk files in one commit; every problem of a row is
reported at its row and column, and nothing is written while a row is invalid."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import AS_OF, Outcome, git
from tests.sheets import make_repo, write_xlsx

Run = Callable[..., Outcome]
HEADERS = (
    "Risico",
    "Dreiging",
    "Kwetsbaarheid",
    "Kans",
    "Impact",
    "Eigenaar",
    "Maatregelen",
    "Behandeling",
    "Afdeling",
)
GOOD = [
    (
        "Ransomware op de huisartsenpost",
        "Ransomware via phishing",
        "Geen netwerksegmentatie",
        "Waarschijnlijk",
        "Catastrofaal",
        "Manager ICT",
        "8.7 Malwarebescherming; 8.13 Back-up",
        "Mitigeren",
        "HAP",
    ),
    (
        "Verkeerd geadresseerde e-mail",
        "Menselijke fout",
        "Geen waarschuwing bij externe ontvangers",
        4.0,  # Excel's number cell
        "ernstig",
        "Privacy officer",
        "5.14",
        "verminderen",
        "Huisartsen Chronische Zorg",
    ),
    (
        "Uitval van de stroom",
        "Stroomstoring",
        "Geen noodstroom",
        "twee",
        3,
        "Facilitair",
        "",
        "Accepteren",
        "Alle",
    ),
]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "org", language="en")


def sheet(tmp_path: Path, rows: list[tuple[object, ...]]) -> Path:
    return write_xlsx(
        tmp_path / "risicoanalyse.xlsx",
        HEADERS,
        rows,
        sheet="Risico's",
        title="Risicoanalyse informatiebeveiliging 2026",
    )


def test_a_messy_dutch_sheet_becomes_risk_files_in_one_commit(
    repo: Path, tmp_path: Path, run: Run
) -> None:
    result = run("risk", "import", str(sheet(tmp_path, GOOD)), "--as-of", AS_OF, repo=repo)
    assert result.exit_code == 0, result.output
    assert "3 created" in result.stdout
    assert (
        git(repo, "log", "--format=%s")
        .splitlines()[0]
        .startswith("Import risk register risicoanalyse.xlsx: 3 created")
    )
    first = (repo / "risks/hap/r-2026-001.yaml").read_text(encoding="utf-8")
    assert "current: {likelihood: 4, impact: 5}" in first
    assert 'controls: ["8.7", "8.13"]' in first
    assert "treatment: mitigate" in first
    assert "assessed: 2026-11-23" in first
    assert first.startswith("# Imported from risicoanalyse.xlsx (Risico's!R4).")
    second = (repo / "risks/hcz/r-2026-002.yaml").read_text(encoding="utf-8")
    assert "current: {likelihood: 4, impact: 4}" in second
    third = (repo / "risks/algemeen/r-2026-003.yaml").read_text(encoding="utf-8")
    assert "current: {likelihood: 2, impact: 3}" in third and "treatment: accept" in third
    listed = run("risk", "list", "--as-of", AS_OF, "--format", "json", repo=repo).json()
    assert [r["id"] for r in listed["risks"]] == ["R-2026-001", "R-2026-002", "R-2026-003"]
    assert listed["risks"][0]["current"]["level"] == "critical"


def test_every_problem_of_a_row_is_reported_at_its_cell_and_nothing_is_written(
    repo: Path, tmp_path: Path, run: Run
) -> None:
    bad = (
        "Phishing",
        "Phishing",
        "Geen training",
        "soms ja",  # not a likelihood: column D
        9,  # beyond the scale: column E
        "ISO",
        "8.7, malware",  # a part without a control number: column G
        "negeren",  # not a treatment: column H
        "HAP",
    )
    result = run("risk", "import", str(sheet(tmp_path, [GOOD[0], bad])), repo=repo)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "risicoanalyse.xlsx:" in line]
    assert [line.split(": ", 1)[0] for line in errors] == [
        "risicoanalyse.xlsx:Risico's!R5:C4",
        "risicoanalyse.xlsx:Risico's!R5:C5",
        "risicoanalyse.xlsx:Risico's!R5:C7",
        "risicoanalyse.xlsx:Risico's!R5:C8",
    ]
    assert '"soms ja" is not a step of the scale' in errors[0]
    assert "unknown treatment" in errors[3]
    assert "nothing written: 1 row has problems" in result.stderr
    assert not (repo / "risks").exists()
    assert len(git(repo, "log", "--format=%H").split()) == 1
    skipped = run("risk", "import", str(sheet(tmp_path, [GOOD[0], bad])), "--skip-invalid",
                  "--as-of", AS_OF, repo=repo)  # fmt: skip
    assert skipped.exit_code == 0, skipped.output
    assert "skipped 1 invalid row: Risico's!R5" in skipped.stderr
    assert (repo / "risks/hap/r-2026-001.yaml").exists()


def test_a_sheet_without_the_required_columns_is_refused(
    repo: Path, tmp_path: Path, run: Run
) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", ("Risico", "Eigenaar"), [("Brand", "Facilitair")])
    result = run("risk", "import", str(path), repo=repo)
    assert result.exit_code == 2
    assert "no column for likelihood" in result.stderr


def test_an_import_into_broken_records_is_refused_before_anything_is_written(
    repo: Path, tmp_path: Path, run: Run
) -> None:
    # like every record import: records read strictly, under the write lock
    broken = repo / "controls" / "kapot.yaml"
    broken.parent.mkdir(exist_ok=True)
    broken.write_text("id: [\n", encoding="utf-8")
    before = git(repo, "rev-parse", "HEAD")
    result = run("risk", "import", str(sheet(tmp_path, GOOD)), "--as-of", AS_OF, repo=repo)
    assert result.exit_code == 2
    assert "controls/kapot.yaml" in result.stderr
    assert not (repo / "risks").exists() or not list((repo / "risks").rglob("*.yaml"))
    assert git(repo, "rev-parse", "HEAD") == before
