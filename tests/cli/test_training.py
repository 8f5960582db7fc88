"""``nencheck training status|import``: figures by personnel number, names only when asked,
and imports of realistic learning-platform exports with one commit and no duplicates."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from tests.cli.registers_org import (
    FILES,
    clean,
    commits,
    last_commit_files,
    last_commit_message,
    make_org,
)
from tests.conftest import AS_OF, Outcome, git

Run = Callable[..., Outcome]
COMPLETIONS = "evidence/training/completions/2026.yaml"

# A learning platform's CSV as Excel saves it in the Netherlands: BOM, semicolons, CRLF,
# a name column, a status column, one duplicate row and one unknown employee.
EXPORT = (
    codecs.BOM_UTF8
    + (
        "Personeelsnummer;Naam;Cursus;Status;Afgerond op\r\n"
        "E1043;Anna de Vries;AW-01;Voltooid;04-03-2026\r\n"
        "E1043;Anna de Vries;Veilig omgaan met patiëntgegevens;Voltooid;4 maart 2026\r\n"
        "E1043;Anna de Vries;AW-01;Voltooid;04-03-2026\r\n"
        "E1042;Piet Bakker;AW-01;Voltooid;2026-03-04\r\n"
        "E2001;Jan Smit;AW-01;Niet gestart;\r\n"
        "E9999;Kees Onbekend;AW-01;Voltooid;5-3-2026\r\n"
        "1077;Klaas Jansen;Phishing herkennen;Voltooid;05/03/2026 14:32\r\n"
    ).encode()
)
NAMES = ("Anna de Vries", "Piet Bakker", "Jan Smit", "Kees Onbekend", "Klaas Jansen")


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return make_org(tmp_path / "org")


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "export-leerplatform.csv"
    path.write_bytes(EXPORT)
    return path


def status(run: Run, org: Path, *options: str) -> dict:
    result = run("training", "status", "--format", "json", "--as-of", AS_OF, *options, repo=org)
    assert result.exit_code == 0, result.stderr
    return result.json()


# --- status -------------------------------------------------------------------------------------


def test_status_gives_figures_per_unit_and_module(run: Run, org: Path) -> None:
    figures = status(run, org)
    assert (figures["required"], figures["compliant"], figures["rate"]) == (6, 2, 0.3333)
    assert figures["by_unit"]["HAP"] == {
        "required": 4,
        "compliant": 2,
        "rate": 0.5,
        "people": 2,
        "people_trained": 1,
        "below_target": True,
    }
    assert figures["by_unit"]["HCZ"]["required"] == 2  # E2002 has left: not counted
    assert figures["by_module"]["AW-01"]["title"] == "Phishing herkennen"
    assert [(o["person"], o["module"]) for o in figures["overdue"]] == [
        ("E1043", "AW-01"),
        ("E1043", "AW-02"),
        ("01077", "AW-01"),
        ("E2001", "AW-01"),
    ]
    # Never completed: due from the module's first completion in the records (E1042 took AW-01
    # on 2026-03-04 and AW-02 on 2026-03-05), not from the evaluation date (issue 15).
    assert [o["due"] for o in figures["overdue"]] == [
        "2026-03-04",
        "2026-03-05",
        "2026-03-04",
        "2026-03-04",
    ]


def test_status_lists_personnel_numbers_and_names_only_when_asked(run: Run, org: Path) -> None:
    plain = run("training", "status", "--as-of", AS_OF, repo=org).stdout
    assert "E1043" in plain and "Anna de Vries" not in plain
    assert "HAP   Huisartsenspoedpost                4          2  50.0%  below target" in plain
    assert all("name" not in item for item in status(run, org)["overdue"])
    named = run("training", "status", "--names", "--as-of", AS_OF, repo=org).stdout
    assert "Anna de Vries" in named
    with_names = status(run, org, "--names")["overdue"]
    assert [item.get("name") for item in with_names] == [
        "Anna de Vries",
        "Anna de Vries",
        None,
        None,
    ]


def test_status_for_one_unit(run: Run, org: Path) -> None:
    figures = status(run, org, "--unit", "HCZ")
    assert list(figures["by_unit"]) == ["HCZ"]
    assert figures["required"] == 2
    refused = run("training", "status", "--unit", "XYZ", repo=org)
    assert refused.exit_code == 2 and "no unit 'XYZ'" in refused.stderr


# --- import -------------------------------------------------------------------------------------


def test_unknown_employee_stops_the_import_and_is_listed_with_its_row(
    run: Run, org: Path, export: Path
) -> None:
    before = commits(org)
    result = run("training", "import", str(export), "--as-of", AS_OF, repo=org)
    assert result.exit_code == 2
    assert "not imported: unknown personnel number E9999 (row 7)" in result.stdout
    assert "nothing was imported" in result.stderr
    assert commits(org) == before and clean(org)


def test_skip_unknown_imports_the_rest_in_one_commit_keeping_comments(
    run: Run, org: Path, export: Path
) -> None:
    result = run("training", "import", str(export), "--skip-unknown", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 0, result.stderr
    assert "read CSV (utf-8-sig, delimiter ';'), header in row 1" in result.stdout
    assert (
        "7 row(s): 3 new, 1 already recorded, 1 duplicate(s) in the file, "
        "1 without a completion date"
    ) in result.stdout
    assert "skipped: unknown personnel number E9999 (row 7)" in result.stdout
    assert last_commit_files(org) == [COMPLETIONS]
    assert last_commit_message(org).startswith(
        "Import 3 training completion(s) from export-leerplatform.csv"
    )
    assert clean(org)
    text = (org / COMPLETIONS).read_text(encoding="utf-8")
    old = FILES[COMPLETIONS].replace("# einde export\n", "")
    assert text == old + (
        '  - {person: "E1043", module: AW-01, completed: 2026-03-04}\n'
        '  - {person: "E1043", module: AW-02, completed: 2026-03-04}\n'
        '  - {person: "01077", module: AW-01, completed: 2026-03-05}\n'
        "# einde export\n"
    )
    assert not any(name in text for name in NAMES)
    figures = status(run, org)
    assert (figures["required"], figures["compliant"]) == (6, 5)


def test_importing_the_same_export_twice_adds_nothing(run: Run, org: Path, export: Path) -> None:
    run("training", "import", str(export), "--skip-unknown", "--as-of", AS_OF, repo=org)
    after_first = commits(org)
    again = run(
        "training",
        "import",
        str(export),
        "--skip-unknown",
        "--format",
        "json",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert again.exit_code == 0
    summary = again.json()
    assert (summary["new"], summary["already_recorded"], summary["written"]) == (0, 5, [])
    assert summary["unknown_people"] == [{"value": "E9999", "rows": [7]}]
    assert "nothing new to import" in again.stderr
    assert commits(org) == after_first and clean(org)


def test_dry_run_writes_nothing(run: Run, org: Path, export: Path) -> None:
    before = commits(org)
    result = run(
        "training", "import", str(export), "--skip-unknown", "--dry-run", "--as-of", AS_OF, repo=org
    )
    assert result.exit_code == 0
    assert "3 new" in result.stdout and "dry run" in result.stderr
    assert commits(org) == before and clean(org)


def test_no_commit_leaves_the_completions_staged(run: Run, org: Path, export: Path) -> None:
    before = commits(org)
    run(
        "training",
        "import",
        str(export),
        "--skip-unknown",
        "--no-commit",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert commits(org) == before
    assert git(org, "diff", "--cached", "--name-only").split() == [COMPLETIONS]


def test_xlsx_with_title_row_and_excel_dates_spanning_two_years(
    run: Run, org: Path, tmp_path: Path
) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Rapport voortgang e-learning informatiebeveiliging"])
    sheet.append(["Geëxporteerd op 20-11-2026"])
    sheet.append([])
    sheet.append(
        ["Medewerkernummer", "Naam medewerker", "Cursuscode", "Cursusnaam", "Datum voltooid"]
    )
    sheet.append(["E2001", "Jan Smit", "AW-01", "Phishing herkennen", datetime(2025, 12, 30, 15)])
    sheet.append(["E2001", "Jan Smit", "AW-01", "Phishing herkennen", datetime(2026, 11, 2, 9)])
    sheet.append([1077, "Klaas Jansen", "AW-01", "Phishing herkennen", datetime(2026, 11, 3)])
    workbook.save(tmp_path / "voortgang.xlsx")
    before = commits(org)
    result = run("training", "import", str(tmp_path / "voortgang.xlsx"), "--as-of", AS_OF, repo=org)
    assert result.exit_code == 0, result.output
    assert "header in row 4" in result.stdout
    assert len(commits(org)) == len(before) + 1
    assert last_commit_files(org) == ["evidence/training/completions/2025.yaml", COMPLETIONS]
    new_year = (org / "evidence/training/completions/2025.yaml").read_text(encoding="utf-8")
    assert new_year.endswith(
        'completions:\n  - {person: "E2001", module: AW-01, completed: 2025-12-30}\n'
    )
    assert status(run, org)["by_unit"]["HCZ"] == {
        "required": 2,
        "compliant": 2,
        "rate": 1.0,
        "people": 2,
        "people_trained": 2,
        "below_target": False,
    }


def test_explicit_map_and_date_format(run: Run, org: Path, tmp_path: Path) -> None:
    path = tmp_path / "lms.csv"
    path.write_text("Employee,Learning path,Done\nE2001,AW-01,11/02/2026\n", encoding="utf-8")
    result = run(
        "training",
        "import",
        str(path),
        "--map",
        "person=Employee,module=Learning path",
        "--map",
        "completed=Done",
        "--date-format",
        "%m/%d/%Y",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert result.exit_code == 0, result.output
    assert '{person: "E2001", module: AW-01, completed: 2026-11-02}' in (
        org / COMPLETIONS
    ).read_text(encoding="utf-8")


def test_day_month_swap_that_lands_in_the_future_is_refused(
    run: Run, org: Path, tmp_path: Path
) -> None:
    path = tmp_path / "lms.csv"
    path.write_text(
        "Personeelsnummer;Cursus;Afgerond\nE2001;AW-01;12/24/2026\nE2001;AW-01;02-12-2026\n",
        encoding="utf-8",
    )
    result = run("training", "import", str(path), "--as-of", AS_OF, repo=org)
    assert result.exit_code == 2
    assert (
        'not imported: row 2: impossible date "12/24/2026"; dates are read day first'
        in result.stdout
    )
    assert "not imported: row 3: the completion date lies after 2026-11-23" in result.stdout
    assert clean(org)


def test_export_without_recognisable_columns_is_refused_with_a_hint(
    run: Run, org: Path, tmp_path: Path
) -> None:
    path = tmp_path / "lms.csv"
    path.write_text("Personeelsnummer;Cursus;Score\nE2001;AW-01;80\n", encoding="utf-8")
    result = run("training", "import", str(path), "--as-of", AS_OF, repo=org)
    assert result.exit_code == 2
    assert "no column for: completed" in result.stderr and "--map completed=" in result.stderr


def test_reimporting_the_example_completions_adds_nothing(
    run: Run, example_git: Path, tmp_path: Path
) -> None:
    """The example's own completions, exported as the platform would, are all recognised."""
    import yaml

    rows = ["Personeelsnummer;Naam;Cursus;Afgerond op"]
    for path in sorted((example_git / "evidence/training/completions").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["completions"]:
            day = item["completed"]
            rows.append(f"{item['person']};X;{item['module']};{day.day}-{day.month}-{day.year}")
    export = tmp_path / "export.csv"
    export.write_bytes(codecs.BOM_UTF8 + "\r\n".join(rows).encode("utf-8"))
    before = commits(example_git)
    result = run(
        "training", "import", str(export), "--format", "json", "--as-of", AS_OF, repo=example_git
    )
    assert result.exit_code == 0, result.output
    summary = result.json()
    assert summary["new"] == 0
    assert summary["already_recorded"] + summary["duplicates_in_file"] == len(rows) - 1
    assert commits(example_git) == before
