"""The one error boundary: SPEC's exit codes and never a traceback for a user's mistake."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nencheck.store.read import loader
from tests.conftest import AS_OF, PROJECT_ROOT


def test_no_repository_found_is_exit_2_with_advice(tmp_path: Path, run, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 2
    assert "no nencheck.yaml found" in result.stderr
    assert "nencheck init" in result.stderr


def test_repo_option_pointing_at_a_folder_without_settings(tmp_path: Path, run) -> None:
    result = run("check", repo=tmp_path)
    assert result.exit_code == 2
    assert "is not a compliance repository" in result.stderr


def test_nencheck_repo_environment_variable(tmp_path: Path, run, monkeypatch) -> None:
    (tmp_path / "nencheck.yaml").write_text("organisation: X\n", encoding="utf-8")
    monkeypatch.setenv("NENCHECK_REPO", str(tmp_path))
    monkeypatch.chdir(PROJECT_ROOT.parent)
    result = run("check", "--as-of", AS_OF, "--format", "json")
    assert result.json()["errors"] == []


def test_walks_up_from_a_subfolder(tmp_path: Path, run, monkeypatch) -> None:
    (tmp_path / "nencheck.yaml").write_text("organisation: X\n", encoding="utf-8")
    (tmp_path / "policies" / "hap").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "policies" / "hap")
    result = run("check", "--as-of", AS_OF, "--format", "json")
    assert result.json()["errors"] == []


def test_bad_as_of_date_is_exit_2(tmp_path: Path, run) -> None:
    (tmp_path / "nencheck.yaml").write_text("organisation: X\n", encoding="utf-8")
    result = run("check", "--as-of", "2026-13-01", repo=tmp_path)
    assert result.exit_code == 2
    assert "--as-of" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_unknown_command_and_option_are_usage_errors(run) -> None:
    assert run("bogus").exit_code == 2
    assert run("check", "--format", "pdf").exit_code == 2


def test_global_options_before_or_after_the_subcommand(tmp_path: Path, run) -> None:
    (tmp_path / "nencheck.yaml").write_text("organisation: X\n", encoding="utf-8")
    before = run("--as-of", "2025-01-31", "--repo", str(tmp_path), "check", "--format", "json")
    after = run("check", "--format", "json", "--as-of", "2025-01-31", "--repo", str(tmp_path))
    assert before.json()["as_of"] == after.json()["as_of"] == "2025-01-31"


def test_internal_error_is_exit_3_with_one_line_and_no_traceback(
    tmp_path: Path, run, monkeypatch
) -> None:
    (tmp_path / "nencheck.yaml").write_text("organisation: X\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(loader, "record_files", broken)
    result = run("check", repo=tmp_path)
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert "bug" in result.stderr and "--debug" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

    debug = run("check", "--debug", repo=tmp_path)
    assert debug.exit_code == 3
    assert "Traceback" in debug.stderr and "kapot" in debug.stderr


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (PermissionError(13, "Permission denied", "/srv/nencheck/policies"), 2),  # the user's
        (OSError(22, "Invalid argument"), 3),  # no file named: a bug, not the user's to fix
    ],
)
def test_a_file_the_user_can_fix_is_exit_2_and_any_other_os_error_a_bug(
    tmp_path: Path, run, monkeypatch, error: OSError, code: int
) -> None:
    (tmp_path / "nencheck.yaml").write_text("organisation: X\n", encoding="utf-8")

    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(loader, "record_files", failing)
    result = run("check", repo=tmp_path)
    assert result.exit_code == code
    assert ("/srv/nencheck/policies" in result.stderr) is (code == 2)
    assert "Traceback" not in result.output


def test_interrupt_is_exit_130(tmp_path: Path, run, monkeypatch) -> None:
    (tmp_path / "nencheck.yaml").write_text("organisation: X\n", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "record_files", interrupted)
    assert run("check", repo=tmp_path).exit_code == 130


def test_help_lists_every_command(run) -> None:
    from nencheck.cli.commands import COMMANDS

    result = run("--help")
    assert result.exit_code == 0
    for entry in COMMANDS:
        assert entry.name in result.stdout


@pytest.mark.parametrize("command", ["check", "schema", "init"])
def test_each_command_help_has_an_example(run, command: str) -> None:
    result = run("--lang", "en", command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_installed_console_script_runs_on_the_example_organisation() -> None:
    script = Path(sys.executable).parent / "nencheck"
    assert script.exists(), "install the package: pip install -e ."
    completed = subprocess.run(
        [str(script), "--repo", str(PROJECT_ROOT), "check", "--as-of", AS_OF, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode in (0, 1), completed.stderr
    assert '"errors": []' in completed.stdout
