"""--as-of alone judges today's records on a past date; when they hold later dates, a reading
command says so and names --as-recorded (found trying nencheck as an auditor)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

NOTE = "note: the records hold dates after 2026-06-30 (the latest 2026-11-22)"


def test_a_past_as_of_with_later_records_names_as_recorded(example_copy: Path) -> None:
    result = run_cli("status", "--as-of", "2026-06-30", "--lang", "en", repo=example_copy)
    assert result.exit_code == 0, result.output
    assert result.stderr.count(NOTE) == 1
    assert "add --as-recorded." in result.stderr
    assert NOTE not in result.stdout


def test_no_note_when_nothing_is_dated_after_as_of(example_copy: Path) -> None:
    for args in (["--as-of", "2026-11-23"], []):
        result = run_cli("status", *args, "--lang", "en", repo=example_copy)
        assert "note:" not in result.stderr, args


def test_json_stays_one_document_with_the_note_on_stderr(example_copy: Path) -> None:
    result = run_cli(
        "check", "--as-of", "2026-06-30", "--format", "json", "--lang", "en", repo=example_copy
    )
    assert NOTE in result.stderr
    assert result.json()["as_of"] == "2026-06-30"
