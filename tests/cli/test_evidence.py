"""``nencheck evidence add`` and ``nencheck verify`` on a real git repository."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.registers_org import clean, commits, last_commit_files, last_commit_message, make_org
from tests.conftest import AS_OF, Outcome, git

Run = Callable[..., Outcome]
PDF = b"%PDF-1.4 restoretest Q4\n"


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return make_org(tmp_path / "org")


@pytest.fixture
def upload(tmp_path: Path) -> Path:
    path = tmp_path / "downloads" / "restoretest-2026q4.pdf"
    path.parent.mkdir()
    path.write_bytes(PDF)
    return path


def test_add_stores_the_file_and_a_record_with_its_sha256_in_one_commit(
    run: Run, org: Path, upload: Path
) -> None:
    before = commits(org)
    result = run(
        "evidence",
        "add",
        str(upload),
        "--title",
        "Restoretest back-up Q4",
        "--controls",
        "8.13",
        "--valid-for",
        "1y",
        "--owner",
        "ICT-beheer",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "EV-2026-002\n"
    assert len(commits(org)) == len(before) + 1
    assert last_commit_files(org) == [
        "evidence/files/2026/restoretest-2026q4.pdf",
        "evidence/records/2026/ev-2026-002.yaml",
    ]
    assert last_commit_message(org).startswith("Add evidence EV-2026-002: Restoretest back-up Q4")
    assert clean(org)
    assert (org / "evidence/files/2026/restoretest-2026q4.pdf").read_bytes() == PDF
    assert (org / "evidence/records/2026/ev-2026-002.yaml").read_text(encoding="utf-8") == (
        "id: EV-2026-002\n"
        "title: Restoretest back-up Q4\n"
        'controls: ["8.13"]\n'
        "collected: 2026-11-23\n"
        "valid_for: 1y\n"
        "owner: ICT-beheer\n"
        "file: evidence/files/2026/restoretest-2026q4.pdf\n"
        f"sha256: {hashlib.sha256(PDF).hexdigest()}\n"
    )
    assert run("verify", "--as-of", AS_OF, repo=org).exit_code == 0


def test_add_with_own_id_and_valid_until(run: Run, org: Path, upload: Path) -> None:
    result = run(
        "evidence",
        "add",
        str(upload),
        "--title",
        "Pentest",
        "--id",
        "EV-PEN-2026",
        "--valid-until",
        "2027-06-30",
        "--collected",
        "2026-06-30",
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    record = (org / "evidence/records/2026/ev-pen-2026.yaml").read_text(encoding="utf-8")
    assert "valid_until: 2027-06-30\n" in record and "collected: 2026-06-30\n" in record
    assert "valid_for" not in record


def test_adding_the_identical_file_again_only_adds_a_record(
    run: Run, org: Path, upload: Path
) -> None:
    run(
        "evidence",
        "add",
        str(upload),
        "--title",
        "Eerste",
        "--valid-for",
        "1y",
        "--as-of",
        AS_OF,
        repo=org,
    )
    result = run(
        "evidence",
        "add",
        str(upload),
        "--title",
        "Tweede",
        "--valid-for",
        "1y",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    assert last_commit_files(org) == ["evidence/records/2026/ev-2026-003.yaml"]


def test_add_refuses_to_overwrite_a_different_file_of_the_same_name(
    run: Run, org: Path, upload: Path, tmp_path: Path
) -> None:
    run(
        "evidence",
        "add",
        str(upload),
        "--title",
        "Eerste",
        "--valid-for",
        "1y",
        "--as-of",
        AS_OF,
        repo=org,
    )
    other = tmp_path / "elders" / upload.name
    other.parent.mkdir()
    other.write_bytes(b"another report\n")
    before = commits(org)
    result = run(
        "evidence",
        "add",
        str(other),
        "--title",
        "Ander",
        "--valid-for",
        "1y",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert result.exit_code == 2
    assert "already exists with other content" in result.stderr
    assert (org / "evidence/files/2026" / upload.name).read_bytes() == PDF
    assert commits(org) == before and clean(org)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--valid-for", "1y", "--controls", "9.99"], "unknown control(s): 9.99"),
        ([], "give --valid-for (e.g. 1y) or --valid-until DATE"),
        (["--valid-for", "1y", "--valid-until", "2027-01-01"], "not both"),
        (["--valid-for", "een jaar"], "--valid-for: 'een jaar' is not a duration"),
        (["--valid-for", "1y", "--id", "EV-2026-001"], "evidence EV-2026-001 already exists"),
    ],
)
def test_add_refusals_write_nothing(
    run: Run, org: Path, upload: Path, options: list[str], message: str
) -> None:
    before = commits(org)
    result = run(
        "evidence", "add", str(upload), "--title", "X", *options, "--as-of", AS_OF, repo=org
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert commits(org) == before and clean(org)
    assert not (org / "evidence/files/2026").exists()


def test_add_of_a_missing_file_is_refused(run: Run, org: Path, tmp_path: Path) -> None:
    result = run(
        "evidence", "add", str(tmp_path / "weg.pdf"), "--title", "X", "--valid-for", "1y", repo=org
    )
    assert result.exit_code == 2 and "no such file" in result.stderr


# --- verify -------------------------------------------------------------------------------------


def test_verify_passes_when_every_hash_matches(run: Run, org: Path) -> None:
    result = run("verify", "--format", "json", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 0
    report = result.json()
    assert report["ok"] is True
    assert report["checked"] == 1
    assert report["changed"] == report["missing"] == report["unreferenced"] == []


def test_verify_reports_a_changed_file_and_exits_1(run: Run, org: Path) -> None:
    (org / "evidence/files/restoretest-2026q3.txt").write_bytes(b"geknoeid\n")
    result = run("verify", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "evidence/records/2026/ev-2026-001.yaml:8: error changed: "
        "evidence/files/restoretest-2026q3.txt of EV-2026-001 has sha256 "
        + hashlib.sha256(b"geknoeid\n").hexdigest()
    )


def test_verify_reports_a_missing_file_and_exits_1(run: Run, org: Path) -> None:
    (org / "evidence/files/restoretest-2026q3.txt").unlink()
    result = run("verify", "--format", "json", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 1
    assert result.json()["missing"] == ["evidence/files/restoretest-2026q3.txt"]


def test_unreferenced_and_unhashed_files_are_warnings_not_failures(run: Run, org: Path) -> None:
    (org / "evidence/files/los-bestand.pdf").write_bytes(b"x")
    (org / "evidence/files/.gitkeep").write_bytes(b"")
    record = org / "evidence/records/2026/ev-2026-001.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text[: text.index("sha256:")], encoding="utf-8")
    result = run("verify", "--format", "json", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 0
    report = result.json()
    # the audit report and the policy document are referenced, so not listed
    assert report["unreferenced"] == ["evidence/files/los-bestand.pdf"]
    assert report["unhashed"] == ["evidence/files/restoretest-2026q3.txt"]
    text_report = run("verify", "--as-of", AS_OF, repo=org).stdout
    assert "warning unreferenced" in text_report and "warning unhashed" in text_report


def test_verify_checks_files_added_through_the_cli(run: Run, org: Path, upload: Path) -> None:
    run(
        "evidence",
        "add",
        str(upload),
        "--title",
        "Q4",
        "--valid-for",
        "1y",
        "--as-of",
        AS_OF,
        repo=org,
    )
    (org / "evidence/files/2026" / upload.name).write_bytes(PDF + b"extra")
    result = run("verify", "--format", "json", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 1
    assert result.json()["changed"] == ["evidence/files/2026/restoretest-2026q4.pdf"]
    assert (
        git(org, "status", "--porcelain").strip() == "M evidence/files/2026/restoretest-2026q4.pdf"
    )


def test_example_organisation_verifies_and_takes_new_evidence(
    run: Run, example_git: Path, upload: Path
) -> None:
    assert run("verify", "--as-of", AS_OF, repo=example_git).exit_code == 0
    added = run(
        "evidence",
        "add",
        str(upload),
        "--title",
        "Restoretest Q4",
        "--controls",
        "8.13",
        "--valid-for",
        "3m",
        "--as-of",
        AS_OF,
        repo=example_git,
    )
    assert added.exit_code == 0, added.stderr
    new_id = added.stdout.strip()
    assert new_id.startswith("EV-2026-")
    assert last_commit_files(example_git) == [
        "evidence/files/2026/restoretest-2026q4.pdf",
        f"evidence/records/2026/{new_id.lower()}.yaml",
    ]
    report = run("verify", "--format", "json", "--as-of", AS_OF, repo=example_git).json()
    assert report["ok"] and "evidence/files/2026/restoretest-2026q4.pdf" in [
        item["file"] for item in report["files"]
    ]
