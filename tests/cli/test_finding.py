"""``nencheck finding list|add|update|close`` on a real git repository: one commit per change,
touching only the audit file, comments kept, refusals that write nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from nencheck.registers.ids import finding_prefix, next_finding_id, next_id
from tests.cli.registers_org import (
    FILES,
    clean,
    commits,
    last_commit_files,
    last_commit_message,
    make_org,
)
from tests.conftest import AS_OF, Outcome, git

AUDIT = "evidence/audits/aud-2026-int.yaml"
Run = Callable[..., Outcome]


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return make_org(tmp_path / "org")


def audit_text(org: Path) -> str:
    return (org / AUDIT).read_text(encoding="utf-8")


def comment_lines(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


# --- ids ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("audit", "existing", "expected"),
    [
        ("AUD-2026-INT", ["F-2026-INT-01", "F-2026-INT-04"], "F-2026-INT-05"),
        ("AUD-2026-INT", [], "F-2026-INT-01"),
        ("AUD-2026-INT", ["F-2026-EXT-07"], "F-2026-INT-01"),
        ("INT-2026", ["F-INT-2026-09"], "F-INT-2026-10"),
        ("AUD-2024-PEN", [f"F-2024-PEN-{n:02d}" for n in range(1, 100)], "F-2024-PEN-100"),
    ],
)
def test_finding_id_is_one_more_than_the_highest_of_its_audit(
    audit: str, existing: list[str], expected: str
) -> None:
    assert next_finding_id(audit, existing) == expected


def test_id_numbers_ignore_other_prefixes_and_suffixes() -> None:
    assert finding_prefix("AUD-2026-INT") == "F-2026-INT-"
    assert next_id("EV-2026-", ["EV-2026-009", "EV-2025-120", "EV-2026-010a"], 3) == "EV-2026-010"


# --- list ---------------------------------------------------------------------------------------


def test_list_shows_all_audits_findings_by_due_date(run: Run, org: Path) -> None:
    result = run("finding", "list", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()[1:-1]]
    assert ids == ["F-2025-EXT-01", "F-2026-INT-04", "F-2026-INT-01", "F-2026-INT-02"]
    assert "54 days overdue" in result.stdout
    assert "due in 22 days" in result.stdout
    assert result.stdout.splitlines()[-1] == "4 finding(s), 2 open, 1 overdue on 23 November 2026"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--overdue"], ["F-2026-INT-01"]),
        (["--status", "open", "--status", "in_progress"], ["F-2026-INT-01", "F-2026-INT-02"]),
        (["--severity", "major"], ["F-2026-INT-02"]),
        (["--owner", "ict-BEHEER"], ["F-2026-INT-01", "F-2026-INT-02"]),
        (["--control", "5.1"], ["F-2025-EXT-01"]),
        (["--status", "closed", "--owner", "ICT-beheer"], []),
    ],
)
def test_list_filters(run: Run, org: Path, options: list[str], expected: list[str]) -> None:
    result = run("finding", "list", "--as-of", AS_OF, "--format", "json", *options, repo=org)
    assert result.exit_code == 0
    assert [item["id"] for item in result.json()["findings"]] == expected


def test_list_json_carries_days_and_overdue(run: Run, org: Path) -> None:
    found = run("finding", "list", "--as-of", AS_OF, "--format", "json", repo=org).json()
    by_id = {item["id"]: item for item in found["findings"]}
    assert found["as_of"] == AS_OF
    assert (by_id["F-2026-INT-01"]["days"], by_id["F-2026-INT-01"]["overdue"]) == (-54, True)
    assert (by_id["F-2026-INT-04"]["days"], by_id["F-2026-INT-04"]["closed"]) == (
        None,
        "2026-08-20",
    )
    assert by_id["F-2026-INT-01"]["file"] == AUDIT


def test_list_csv_is_semicolon_separated_for_excel(run: Run, org: Path) -> None:
    result = run("finding", "list", "--as-of", AS_OF, "--format", "csv", "--overdue", repo=org)
    lines = result.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("id;audit;severity;status;owner;due;days;overdue")
    assert lines[1].startswith(
        "F-2026-INT-01;AUD-2026-INT;minor;open;ICT-beheer;2026-09-30;-54;true"
    )


# --- add ----------------------------------------------------------------------------------------


def test_add_appends_the_next_id_in_one_commit_touching_only_the_audit(run: Run, org: Path) -> None:
    before = commits(org)
    result = run(
        "finding",
        "add",
        "AUD-2026-INT",
        "--title",
        "USB-poorten: niet geblokkeerd",
        "--severity",
        "minor",
        "--due",
        "2027-01-31",
        "--owner",
        "ICT-beheer",
        "--controls",
        "8.8,5.10",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "F-2026-INT-05\n"  # 03 was never used, 04 is the highest
    assert len(commits(org)) == len(before) + 1
    assert last_commit_files(org) == [AUDIT]
    assert clean(org)
    assert last_commit_message(org).startswith("Add finding F-2026-INT-05 to AUD-2026-INT")
    text = audit_text(org)
    assert text.startswith(FILES[AUDIT])  # everything before, comments included, unchanged
    assert text[len(FILES[AUDIT]) :] == (
        "  - id: F-2026-INT-05\n"
        "    title: 'USB-poorten: niet geblokkeerd'\n"
        "    severity: minor\n"
        '    controls: ["8.8", "5.10"]\n'
        "    owner: ICT-beheer\n"
        "    due: 2027-01-31\n"
        "    status: open\n"
    )


def test_added_finding_counts_in_list_and_check(run: Run, org: Path) -> None:
    run(
        "finding",
        "add",
        "AUD-2025-EXT",
        "--title",
        "Logging",
        "--severity",
        "major",
        "--due",
        "2026-10-01",
        "--owner",
        "ISO",
        "--as-of",
        AS_OF,
        repo=org,
    )
    listed = run("finding", "list", "--overdue", "--format", "json", "--as-of", AS_OF, repo=org)
    assert [item["id"] for item in listed.json()["findings"]] == ["F-2026-INT-01", "F-2025-EXT-02"]
    checked = run("check", "--format", "json", "--as-of", AS_OF, repo=org).json()
    overdue = {p["id"] for p in checked["problems"] if p["rule"] == "finding-overdue"}
    assert overdue == {"F-2025-EXT-02", "F-2026-INT-01"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["AUD-2099-X", "--controls", "8.8"], "there is no audit 'AUD-2099-X'"),
        (["AUD-2026-INT", "--controls", "9.99"], "unknown control(s): 9.99"),
        (["AUD-2026-INT", "--due", "31-01-2027"], "--due: '31-01-2027' is not a date"),
    ],
)
def test_add_refuses_unknown_audit_control_or_date_and_writes_nothing(
    run: Run, org: Path, arguments: list[str], message: str
) -> None:
    before = commits(org)
    base = ["--title", "X", "--severity", "minor", "--owner", "ISO"]
    if "--due" not in arguments:
        base += ["--due", "2027-01-31"]
    result = run("finding", "add", *arguments, *base, repo=org)
    assert result.exit_code == 2
    assert message in result.stderr
    assert commits(org) == before and clean(org)


def test_add_refuses_an_audit_file_with_uncommitted_changes_unless_forced(
    run: Run, org: Path
) -> None:
    (org / AUDIT).write_text(FILES[AUDIT] + "# lokale aantekening\n", encoding="utf-8")
    arguments = [
        "finding",
        "add",
        "AUD-2026-INT",
        "--title",
        "X",
        "--severity",
        "minor",
        "--due",
        "2027-01-31",
        "--owner",
        "ISO",
    ]
    refused = run(*arguments, repo=org)
    assert refused.exit_code == 2 and "uncommitted changes" in refused.stderr
    forced = run(*arguments, "--force", repo=org)
    assert forced.exit_code == 0
    assert "# lokale aantekening" in git(org, "show", f"HEAD:{AUDIT}")
    assert clean(org)


def test_add_with_no_commit_leaves_the_change_staged(run: Run, org: Path) -> None:
    before = commits(org)
    result = run(
        "finding",
        "add",
        "AUD-2026-INT",
        "--title",
        "X",
        "--severity",
        "minor",
        "--due",
        "2027-01-31",
        "--owner",
        "ISO",
        "--no-commit",
        repo=org,
    )
    assert result.exit_code == 0
    assert commits(org) == before
    assert git(org, "diff", "--cached", "--name-only").split() == [AUDIT]


# --- update -------------------------------------------------------------------------------------


def test_update_logs_a_dated_entry_and_sets_the_status(run: Run, org: Path) -> None:
    result = run(
        "finding",
        "update",
        "F-2026-INT-01",
        "--status",
        "in_progress",
        "--note",
        "Patchrapportage: eerste maand binnen",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    assert last_commit_files(org) == [AUDIT]
    message = last_commit_message(org)
    assert message.startswith("Update finding F-2026-INT-01 of AUD-2026-INT: status in_progress")
    assert "Patchrapportage: eerste maand binnen" in message
    text = audit_text(org)
    assert (
        "    due: 2026-09-30   # afgesproken met ICT\n"
        "    status: in_progress\n"
        "    updates:\n"
        "      - date: 2026-11-23\n"
        "        status: in_progress\n"
        "        note: 'Patchrapportage: eerste maand binnen'\n"
        "  - id: F-2026-INT-02\n"
    ) in text
    assert comment_lines(text) == comment_lines(FILES[AUDIT])


def test_a_second_update_with_its_own_date_is_appended(run: Run, org: Path) -> None:
    run(
        "finding",
        "update",
        "F-2026-INT-02",
        "--note",
        "Eerste test mislukt",
        "--date",
        "2026-11-01",
        repo=org,
    )
    run(
        "finding",
        "update",
        "F-2026-INT-02",
        "--note",
        "Tweede test gepland",
        "--as-of",
        AS_OF,
        repo=org,
    )
    shown = run("finding", "list", "--format", "json", "--as-of", AS_OF, repo=org).json()
    assert len(commits(org)) == 3
    text = audit_text(org)
    assert text.index("date: 2026-11-01") < text.index("date: 2026-11-23")
    assert {item["id"]: item["status"] for item in shown["findings"]}[
        "F-2026-INT-02"
    ] == "in_progress"


def test_reopening_a_closed_finding_removes_its_closing_date(run: Run, org: Path) -> None:
    result = run(
        "finding",
        "update",
        "F-2026-INT-04",
        "--status",
        "open",
        "--note",
        "Heropend",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    assert "closed: 2026-08-20" not in audit_text(org)
    assert run("check", "--as-of", AS_OF, repo=org).exit_code == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["F-2026-INT-01"], "give --status, --note or both"),
        (["F-2026-INT-01", "--status", "closed"], "Invalid value for '--status'"),
        (["F-2099-X-01", "--note", "x"], "there is no finding 'F-2099-X-01'"),
    ],
)
def test_update_refusals_write_nothing(
    run: Run, org: Path, arguments: list[str], message: str
) -> None:
    before = commits(org)
    result = run("finding", "update", *arguments, repo=org)
    assert result.exit_code == 2
    assert message in result.stderr
    assert commits(org) == before and clean(org)


# --- close --------------------------------------------------------------------------------------


def test_close_records_date_resolution_and_evidence(run: Run, org: Path) -> None:
    result = run(
        "finding",
        "close",
        "F-2026-INT-02",
        "--date",
        "2026-11-20",
        "--resolution",
        "Restore getest en gedocumenteerd",
        "--evidence",
        "EV-2026-001",
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    assert last_commit_files(org) == [AUDIT]
    assert last_commit_message(org).startswith(
        "Close finding F-2026-INT-02 of AUD-2026-INT on 2026-11-20"
    )
    assert (
        "    due: 2026-12-15\n"
        "    status: closed\n"
        "    closed: 2026-11-20\n"
        "    resolution: Restore getest en gedocumenteerd\n"
        "    evidence: [EV-2026-001]\n"
    ) in audit_text(org)
    listed = run("finding", "list", "--format", "json", "--as-of", AS_OF, repo=org).json()
    closed = {item["id"]: item for item in listed["findings"]}["F-2026-INT-02"]
    assert (closed["status"], closed["closed"], closed["evidence"]) == (
        "closed",
        "2026-11-20",
        ["EV-2026-001"],
    )


def test_closing_the_overdue_finding_clears_the_rule(run: Run, org: Path) -> None:
    run(
        "finding",
        "close",
        "F-2026-INT-01",
        "--date",
        "2026-11-22",
        "--resolution",
        "Gepatcht",
        repo=org,
    )
    checked = run("check", "--format", "json", "--as-of", AS_OF, repo=org).json()
    assert not [p for p in checked["problems"] if p["rule"] == "finding-overdue"]


@pytest.mark.parametrize(
    ("finding", "extra", "message"),
    [
        ("F-2026-INT-02", ["--evidence", "EV-2026-999"], "unknown evidence: EV-2026-999"),
        ("F-2026-INT-04", [], "already closed on 2026-08-20"),
    ],
)
def test_close_refuses_unknown_evidence_and_closed_findings(
    run: Run, org: Path, finding: str, extra: list[str], message: str
) -> None:
    before = commits(org)
    result = run(
        "finding", "close", finding, "--date", "2026-11-20", "--resolution", "x", *extra, repo=org
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert commits(org) == before and clean(org)


def test_add_and_close_on_the_example_organisation(run: Run, example_git: Path) -> None:
    audit = example_git / "evidence/audits/aud-2026-int.yaml"
    original = audit.read_text(encoding="utf-8")
    listed = run("finding", "list", "--format", "json", "--as-of", AS_OF, repo=example_git).json()
    numbers = [
        int(f["id"].rsplit("-", 1)[1]) for f in listed["findings"] if f["audit"] == "AUD-2026-INT"
    ]
    expected = f"F-2026-INT-{max(numbers) + 1:02d}"
    added = run(
        "finding",
        "add",
        "AUD-2026-INT",
        "--title",
        "Toegangspassen niet ingetrokken",
        "--severity",
        "minor",
        "--due",
        "2027-02-28",
        "--owner",
        "Facilitair coördinator",
        "--controls",
        "5.18",
        "--as-of",
        AS_OF,
        repo=example_git,
    )
    assert added.exit_code == 0, added.stderr
    assert added.stdout.strip() == expected
    assert last_commit_files(example_git) == ["evidence/audits/aud-2026-int.yaml"]
    assert audit.read_text(encoding="utf-8").startswith(original)  # comments and rows kept
    closed = run(
        "finding",
        "close",
        expected,
        "--date",
        AS_OF,
        "--resolution",
        "Passen ingetrokken",
        repo=example_git,
    )
    assert closed.exit_code == 0, closed.stderr
    assert len(commits(example_git)) == 3 and clean(example_git)
    assert (
        run("check", "--as-of", AS_OF, "--format", "json", repo=example_git).json()["errors"] == []
    )


def test_changes_are_refused_against_an_old_revision(run: Run, org: Path) -> None:
    result = run("finding", "update", "F-2026-INT-01", "--note", "x", "--rev", "HEAD", repo=org)
    assert result.exit_code == 2
    assert "apply to reports only" in result.stderr
    assert clean(org)
