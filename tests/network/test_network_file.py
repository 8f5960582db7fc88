"""network.yaml: validated like every record (file:line:column), found by walking up."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, copy_example, run_cli


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "network.yaml"
    path.write_text(text, "utf-8")
    return path


def test_unknown_field_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "network: N\nmembers:\n  - {id: P1, name: A, repo: a, branch: main}\n")
    monkeypatch.chdir(tmp_path)
    done = run_cli("network", "status", "--as-of", AS_OF)
    assert done.exit_code == 2
    assert "network.yaml:3:32: fout unknown-field:" in done.stderr
    assert "branch" in done.stderr and "Traceback" not in done.output


def test_missing_members_and_duplicate_ids_are_errors(tmp_path: Path) -> None:
    empty = write(tmp_path / "a", "network: N\nmembers: []\n")
    done = run_cli("network", "status", "--network", str(empty), "--as-of", AS_OF)
    assert done.exit_code == 2 and ":2:10: fout invalid-value:" in done.stderr
    twice = write(
        tmp_path / "b",
        "network: N\nmembers:\n  - {id: P1, name: A, repo: a}\n  - {id: p1, name: B, repo: b}\n",
    )
    done = run_cli("network", "check", "--network", str(twice), "--as-of", AS_OF)
    assert done.exit_code == 2 and ":4:10: fout duplicate-id:" in done.stdout
    assert "er is niets beoordeeld" in done.stdout  # the network is Dutch by default


def test_found_by_walking_up_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_example(tmp_path / "praktijk")
    write(tmp_path, "network: N\nmembers:\n  - {id: P1, name: Praktijk, repo: praktijk}\n")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "sub" / "deeper")
    done = run_cli("network", "status", "--as-of", AS_OF, "--format", "json")
    assert done.exit_code == 0, done.output
    assert done.json()["members"][0]["status"]["organisation"] == "Huisartsenzorg Voorbeeldregio"


def test_no_network_file_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    done = run_cli("network", "status", "--lang", "en")
    assert done.exit_code == 2 and "--network FILE" in done.stderr
    done = run_cli("network", "status", "--lang", "en", "--network", str(tmp_path / "nope.yaml"))
    assert done.exit_code == 2 and "does not exist" in done.stderr


def test_rev_is_refused_for_a_network(tmp_path: Path) -> None:
    path = write(tmp_path, "network: N\nmembers:\n  - {id: P1, name: A, repo: a}\n")
    done = run_cli("network", "status", "--network", str(path), "--rev", "HEAD", "--lang", "en")
    assert done.exit_code == 2 and "member's rev" in done.stderr


def test_a_member_without_settings_is_not_a_compliance_repository(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    path = write(
        tmp_path, "network: N\nlanguage: en\nmembers:\n  - {id: P1, name: A, repo: empty}\n"
    )
    done = run_cli(
        "network", "status", "--network", str(path), "--as-of", AS_OF, "--format", "json"
    )
    assert done.exit_code == 2
    assert "is not a compliance repository" in done.json()["members"][0]["error"]


def test_a_member_id_must_be_fit_for_a_file_name(tmp_path: Path) -> None:
    path = write(
        tmp_path, "network: N\nlanguage: en\nmembers:\n  - {id: ../P1, name: A, repo: a}\n"
    )
    done = run_cli("network", "report", "--network", str(path), "--mirror-dir", str(tmp_path / "m"))
    assert done.exit_code == 2
    assert ":4:10: error invalid-value: members[0].id: a member id is letters" in done.stderr
    assert not (tmp_path / "m").exists()


def test_check_reports_a_broken_network_file_in_the_format_asked(tmp_path: Path) -> None:
    path = write(tmp_path, "network: N\nmembers:\n  - {id: P1, name: A, repo: a, x: 1}\n")
    done = run_cli("network", "check", "--network", str(path), "--as-of", AS_OF, "--format", "json")
    assert done.exit_code == 2
    error = done.json()["errors"][0]
    assert error["code"] == "unknown-field" and error["line"] == 3
    assert error["file"].endswith("network.yaml")
    done = run_cli(
        "network", "check", "--network", str(path), "--as-of", AS_OF, "--format", "junit"
    )
    assert done.exit_code == 2 and 'name="nencheck.network"' in done.stdout
