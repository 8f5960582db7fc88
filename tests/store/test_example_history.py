"""``nencheck init --example``: the example organisation as its own repository whose dated
commits replay what its records say happened, ending exactly in the committed example."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from nencheck.store.write.example import (
    END,
    START,
    example_commits,
    example_files,
    example_source,
    fast_import_stream,
    past_risks,
)
from tests.conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from nencheck.cli.main import main

    target = tmp_path_factory.mktemp("history") / "voorbeeld"
    assert main(["init", "--example", str(target), "--lang", "en"]) == 0
    return target


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout


def test_the_last_commit_is_the_example_byte_for_byte(example: Path) -> None:
    final = example_files(PROJECT_ROOT)
    tracked = set(git(example, "ls-files").split())
    assert tracked == {*final, ".gitignore"}
    for path, content in final.items():
        assert (example / path).read_bytes() == content, path
    assert git(example, "status", "--porcelain") == ""


def test_commits_span_two_years_in_order_with_the_people_who_acted(example: Path) -> None:
    days = git(example, "log", "--reverse", "--format=%ad", "--date=short").split()
    assert days[0] == START.isoformat() and days[-1] <= END.isoformat()
    assert days == sorted(days) and len(days) > 200
    log = git(
        example,
        "log",
        "--format=%ad|%an|%s",
        "--date=short",
        "--",
        "policies/hap/prot-hap-014.yaml",
    )
    assert (
        "2025-03-18|Teamleider triage|Herziening PROT-HAP-014 (versie 4.0): Inhoudelijk ongewijzigd"
        in log
    )
    risk = git(example, "log", "--format=%ad|%s", "--date=short", "--", "risks/hap/r-2025-007.yaml")
    assert "2025-09-15|Risicobeoordeling R-2025-007: kans 4, impact 5" in risk


@pytest.mark.parametrize("day", ["2024-12-20", "2025-06-30", "2026-01-15"])
def test_every_past_state_reads_without_data_errors(example: Path, day: str) -> None:
    from nencheck.cli.main import main

    assert main(
        ["--repo", str(example), "check", "--as-recorded", "--as-of", day, "--format", "json"]
    ) in (0, 1)


def test_the_past_differs_from_the_present(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from nencheck.cli.main import main

    main(
        [
            "--repo",
            str(example),
            "status",
            "--as-recorded",
            "--as-of",
            "2025-03-01",
            "--format",
            "json",
        ]
    )
    then = json.loads(capsys.readouterr().out)
    main(["--repo", str(example), "status", "--as-of", "2026-11-23", "--format", "json"])
    now = json.loads(capsys.readouterr().out)
    assert then["training"]["compliant"] < now["training"]["compliant"]
    assert then["evidence"]["total"] < now["evidence"]["total"]


def test_the_history_is_the_same_on_every_build() -> None:
    source = example_source()
    final = example_files(source)
    first = fast_import_stream(example_commits(final, past_risks(source)), {})
    second = fast_import_stream(example_commits(final, past_risks(source)), {})
    assert first == second


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    from nencheck.cli.main import main

    (tmp_path / "iets.txt").write_text("x", encoding="utf-8")
    assert main(["init", "--example", str(tmp_path), "--lang", "en"]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["iets.txt"]
