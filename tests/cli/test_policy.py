"""``nencheck policy``: the register, the lifecycle commands in real git repositories, history,
diff, and reading the past with --rev and --as-recorded."""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import Outcome
from tests.gitorg import commit_all, git, make_org

Run = Callable[..., Outcome]
POLICY = "policies/hap/prot-hap-014.yaml"
AS_OF = "2026-11-23"
REVIEW_DATE = "2026-11-20T10:00:00+01:00"


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return make_org(tmp_path / "org")


@pytest.fixture
def dated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commits nencheck makes get a fixed date."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", REVIEW_DATE)
    monkeypatch.setenv("GIT_COMMITTER_DATE", REVIEW_DATE)


def _review(run: Run, org: Path, *extra: str) -> Outcome:
    return run(
        "policy",
        "review",
        "PROT-HAP-014",
        "--reviewer",
        "Medisch manager",
        "--as-of",
        AS_OF,
        *extra,
        repo=org,
    )


# --- list and show ---------------------------------------------------------------------------


def test_list_shows_each_policy_with_next_review_and_state(run: Run, org: Path) -> None:
    outcome = run("policy", "list", "--as-of", "2026-02-01", repo=org)
    assert outcome.exit_code == 0
    lines = outcome.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "VERSION", "OWNER", "NEXT", "STATE"]
    assert lines[1].startswith("BEL-001 ")
    assert lines[1].endswith("2026-03-12  Due soon, in 39 days")
    assert lines[0].index("NEXT") == lines[1].index("2026-03-12")  # the header is aligned
    assert lines[-1] == "2 policies: 2 due soon"


def test_list_filters_by_unit_owner_type_and_state(run: Run, org: Path) -> None:
    def ids(*args: str) -> list[str]:
        outcome = run("policy", "list", "--as-of", AS_OF, "--format", "json", *args, repo=org)
        assert outcome.exit_code == 0, outcome.output
        return [row["id"] for row in outcome.json()["policies"]]

    assert ids() == ["BEL-001", "PROT-HAP-014"]
    assert ids("--unit", "HCZ") == ["BEL-001"]  # organisation-wide policies count for each unit
    assert ids("--owner", "teamleider TRIAGE") == ["PROT-HAP-014"]
    assert ids("--type", "policy") == ["BEL-001"]
    assert ids("--state", "ok") == []
    assert ids("--state", "overdue") == ["BEL-001", "PROT-HAP-014"]


def test_list_unknown_unit_is_a_usage_error(run: Run, org: Path) -> None:
    outcome = run("policy", "list", "--unit", "XYZ", repo=org)
    assert outcome.exit_code == 2
    assert "no unit 'XYZ'; use one of nencheck.yaml's units: HAP" in outcome.stderr


def test_list_as_csv_for_excel(run: Run, org: Path) -> None:
    outcome = run("policy", "list", "--as-of", AS_OF, "--format", "csv", repo=org)
    rows = list(csv.DictReader(io.StringIO(outcome.stdout.lstrip("\ufeff")), delimiter=";"))
    assert rows[1]["id"] == "PROT-HAP-014"
    assert rows[1]["days"] == "-256"
    assert rows[1]["state"] == "overdue"


def test_show_json_has_the_record_with_next_review_and_state(run: Run, org: Path) -> None:
    outcome = run("policy", "show", "prot-hap-014", "--as-of", AS_OF, "--format", "json", repo=org)
    data = outcome.json()
    assert data["id"] == "PROT-HAP-014"
    assert data["version"] == "4.0"
    assert data["review_interval"] == "2y"
    assert (data["next_review"], data["state"], data["days"]) == ("2026-03-12", "overdue", -256)
    assert data["file"] == POLICY


def test_show_text(run: Run, org: Path) -> None:
    outcome = run("policy", "show", "PROT-HAP-014", "--as-of", AS_OF, repo=org)
    assert outcome.stdout.splitlines()[0] == "PROT-HAP-014  Triage bij pijn op de borst"
    assert "  next review    2026-03-12 (Overdue, 256 days ago)" in outcome.stdout


def test_show_unknown_id_suggests_close_ones(run: Run, org: Path) -> None:
    outcome = run("policy", "show", "PROT-HAP-041", repo=org)
    assert outcome.exit_code == 2
    assert "no policy with id PROT-HAP-041" in outcome.stderr
    assert "Did you mean PROT-HAP-014?" in outcome.stderr


# --- review ----------------------------------------------------------------------------------


def test_review_edits_in_place_and_keeps_every_untouched_line(run: Run, org: Path) -> None:
    before = (org / POLICY).read_text().splitlines()
    outcome = _review(run, org, "--version", "4.1", "--note", "NHG-standaard 2026 verwerkt")
    assert outcome.exit_code == 0, outcome.output
    after = (org / POLICY).read_text().splitlines()
    assert after[: len(before)] == [
        line.replace('version: "4.0"', 'version: "4.1"').replace(
            "last_reviewed: 2024-03-12", "last_reviewed: 2026-11-23"
        )
        for line in before
    ]
    assert after[len(before) :] == [
        "reviews:",
        "  - date: 2026-11-23",
        "    reviewer: Medisch manager",
        '    version: "4.1"',
        "    note: NHG-standaard 2026 verwerkt",
    ]


def test_review_makes_one_commit_touching_only_the_policy(run: Run, org: Path) -> None:
    (org / "scratch.txt").write_text("the user's own work\n")
    git(org, "add", "scratch.txt")
    _review(run, org, "--version", "4.1", "--note", "NHG-standaard 2026 verwerkt")
    assert git(org, "rev-list", "--count", "HEAD").strip() == "2"
    assert git(org, "show", "--name-only", "--format=", "HEAD").split() == [POLICY]
    assert git(org, "log", "-1", "--format=%B").strip() == (
        "Review PROT-HAP-014 by Medisch manager: 4.0 -> 4.1\n\nNHG-standaard 2026 verwerkt"
    )
    assert git(org, "status", "--porcelain").splitlines() == ["A  scratch.txt"]


def test_review_moves_the_next_review_and_the_state(run: Run, org: Path) -> None:
    _review(run, org)
    data = run(
        "policy", "show", "PROT-HAP-014", "--as-of", AS_OF, "--format", "json", repo=org
    ).json()
    assert (data["last_reviewed"], data["next_review"], data["state"]) == (
        "2026-11-23",
        "2028-11-23",
        "ok",
    )
    assert data["version"] == "4.0"
    assert git(org, "log", "-1", "--format=%s").strip() == (
        "Review PROT-HAP-014 by Medisch manager: version 4.0 unchanged"
    )


def test_review_keeps_an_explicit_next_review_consistent(run: Run, org: Path) -> None:
    text = (
        (org / POLICY)
        .read_text()
        .replace("review_interval: 2y\n", "review_interval: 2y\nnext_review: 2026-06-01\n")
    )
    (org / POLICY).write_text(text)
    commit_all(org, "explicit next review", "2025-01-01T10:00:00+01:00")
    _review(run, org, "--date", "2026-11-01")
    assert "next_review: 2028-11-01\n" in (org / POLICY).read_text()


def test_review_without_interval_needs_an_explicit_next_review(run: Run, org: Path) -> None:
    text = (org / POLICY).read_text().replace("review_interval: 2y\n", "next_review: 2026-06-01\n")
    (org / POLICY).write_text(text)
    commit_all(org, "no interval", "2025-01-01T10:00:00+01:00")
    refused = _review(run, org)
    assert refused.exit_code == 2
    assert "give it with --next-review DATE" in refused.stderr
    assert _review(run, org, "--next-review", "2027-06-01").exit_code == 0
    assert "next_review: 2027-06-01\n" in (org / POLICY).read_text()


def test_review_refuses_a_file_with_uncommitted_changes_unless_forced(run: Run, org: Path) -> None:
    (org / POLICY).write_text((org / POLICY).read_text() + "notes: my draft note\n")
    refused = _review(run, org)
    assert refused.exit_code == 2
    assert "uncommitted changes" in refused.stderr and "--force" in refused.stderr
    assert git(org, "rev-list", "--count", "HEAD").strip() == "1"
    assert _review(run, org, "--force").exit_code == 0
    assert "notes: my draft note" in git(org, "show", f"HEAD:{POLICY}")


def test_review_refuses_during_a_merge(run: Run, org: Path) -> None:
    git(org, "checkout", "-q", "-b", "side")
    (org / "side.txt").write_text("side\n")
    commit_all(org, "side", "2025-01-01T10:00:00+01:00")
    git(org, "checkout", "-q", "main")
    (org / "main.txt").write_text("main\n")
    commit_all(org, "main", "2025-01-01T11:00:00+01:00")
    git(org, "merge", "--no-commit", "--no-ff", "side")
    outcome = _review(run, org)
    assert outcome.exit_code == 2
    assert "merge is in progress" in outcome.stderr


def test_review_without_git_identity_is_a_clear_error(
    run: Run, org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ):
        monkeypatch.delenv(name)
    monkeypatch.delenv("EMAIL", raising=False)
    before = (org / POLICY).read_bytes()
    outcome = _review(run, org)
    assert outcome.exit_code == 2
    assert "no git identity is configured" in outcome.stderr
    assert "git config --global user.email" in outcome.stderr
    assert (org / POLICY).read_bytes() == before


def test_review_no_commit_leaves_the_change_staged(run: Run, org: Path) -> None:
    outcome = _review(run, org, "--no-commit")
    assert outcome.exit_code == 0
    assert "not committed" in outcome.stderr
    assert git(org, "status", "--porcelain").splitlines() == [f"M  {POLICY}"]


def test_review_dated_before_the_last_review_is_refused(run: Run, org: Path) -> None:
    outcome = _review(run, org, "--date", "2024-01-01")
    assert outcome.exit_code == 2
    assert "would move that date back" in outcome.stderr


def test_editing_the_past_is_refused(run: Run, org: Path) -> None:
    outcome = _review(run, org, "--rev", "HEAD")
    assert outcome.exit_code == 2
    assert "cannot be used to change records" in outcome.stderr


# --- new and retire --------------------------------------------------------------------------


def test_new_writes_a_draft_in_the_unit_folder_and_commits_it(run: Run, org: Path) -> None:
    outcome = run(
        "policy",
        "new",
        "--id",
        "PROT-HAP-021",
        "--title",
        "Triage bij koorts",
        "--type",
        "protocol",
        "--owner",
        "Teamleider triage",
        "--unit",
        "HAP",
        "--control",
        "5.10",
        "--interval",
        "2y",
        repo=org,
    )
    assert outcome.exit_code == 0, outcome.output
    path = org / "policies/hap/prot-hap-021.yaml"
    assert path.read_text() == (
        "id: PROT-HAP-021\ntitle: Triage bij koorts\ntype: protocol\nstatus: draft\n"
        'version: "0.1"\nowner: Teamleider triage\nreview_interval: 2y\nunits: [HAP]\n'
        'controls: ["5.10"]\n'
    )
    assert git(org, "show", "--name-only", "--format=%s", "HEAD").split("\n")[:3] == [
        "New protocol PROT-HAP-021: Triage bij koorts",
        "",
        "policies/hap/prot-hap-021.yaml",
    ]
    shown = run("policy", "show", "PROT-HAP-021", "--format", "json", repo=org).json()
    assert shown["state"] == "draft"


def test_new_active_policy_is_approved_and_reviewed_on_its_date(run: Run, org: Path) -> None:
    outcome = run(
        "policy",
        "new",
        "--id",
        "BEL-002",
        "--title",
        "Wachtwoordbeleid",
        "--type",
        "policy",
        "--owner",
        "ISO",
        "--status",
        "active",
        "--approved-by",
        "Directie",
        "--interval",
        "1y",
        "--date",
        "2026-01-05",
        "--version",
        "1.0",
        repo=org,
    )
    assert outcome.exit_code == 0, outcome.output
    text = (org / "policies/algemeen/bel-002.yaml").read_text()
    assert "approved_by: Directie\napproved: 2026-01-05\nlast_reviewed: 2026-01-05\n" in text


def test_new_refuses_a_duplicate_id(run: Run, org: Path) -> None:
    outcome = run(
        "policy",
        "new",
        "--id",
        "prot-hap-014",
        "--title",
        "x",
        "--type",
        "protocol",
        "--owner",
        "x",
        repo=org,
    )
    assert outcome.exit_code == 2
    assert "PROT-HAP-014 already exists (policies/hap/prot-hap-014.yaml)" in outcome.stderr


def test_new_with_an_unknown_unit_lists_the_units(run: Run, org: Path) -> None:
    outcome = run(
        "policy", "new", "--id", "PROT-HAP-099", "--title", "x", "--type", "protocol",
        "--owner", "x", "--unit", "hap", repo=org,
    )  # fmt: skip
    assert outcome.exit_code == 2
    assert "unknown unit, control or policy: hap. The units of nencheck.yaml are " in (
        outcome.stderr
    )
    assert "HAP" in outcome.stderr.split("nencheck.yaml are ")[1]


def test_new_active_needs_an_approver_and_an_interval(run: Run, org: Path) -> None:
    outcome = run(
        "policy",
        "new",
        "--id",
        "X-1",
        "--title",
        "x",
        "--type",
        "form",
        "--owner",
        "x",
        "--status",
        "active",
        repo=org,
    )
    assert outcome.exit_code == 2
    assert "--approved-by" in outcome.stderr


def test_retire_records_date_and_reason(run: Run, org: Path) -> None:
    outcome = run(
        "policy",
        "retire",
        "BEL-001",
        "--reason",
        "Vervangen door BEL-002",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert outcome.exit_code == 0, outcome.output
    text = (org / "policies/algemeen/bel-001.yaml").read_text()
    assert "status: retired\n" in text
    assert text.endswith("retired: 2026-11-23\nretired_reason: Vervangen door BEL-002\n")
    assert git(org, "log", "-1", "--format=%s").strip() == "Retire BEL-001: Vervangen door BEL-002"
    again = run("policy", "retire", "BEL-001", "--reason", "x", repo=org)
    assert again.exit_code == 2 and "already retired" in again.stderr


def test_retire_refuses_a_day_after_today(run: Run, org: Path) -> None:
    """A policy retired 'from 1 January' would read as retired at once (found trying nencheck
    as a new security officer); the retirement is recorded on that day."""
    before = git(org, "rev-parse", "HEAD").strip()
    later = (date.today() + timedelta(days=30)).isoformat()
    outcome = run(
        "policy", "retire", "BEL-001", "--reason", "x", "--date", later, "--lang", "en", repo=org
    )
    assert outcome.exit_code == 2
    assert f"--date: {later} lies after today" in outcome.stderr
    assert git(org, "rev-parse", "HEAD").strip() == before
    assert "status: active" in (org / "policies/algemeen/bel-001.yaml").read_text()


# --- history, diff and the past --------------------------------------------------------------


def test_a_review_dated_after_today_is_refused(run: Run, org: Path) -> None:
    before = (org / "policies/hap/prot-hap-014.yaml").read_text()
    outcome = _review(run, org, "--date", "2026-11-24")
    assert outcome.exit_code == 2 and "2026-11-24" in outcome.stderr
    assert (org / "policies/hap/prot-hap-014.yaml").read_text() == before


def test_history_lists_versions_newest_first(run: Run, org: Path, dated: None) -> None:
    _review(run, org, "--version", "4.1")
    _review(run, org, "--version", "5.0", "--date", "2026-11-24", "--as-of", "2026-11-24")
    outcome = run("policy", "history", "PROT-HAP-014", "--format", "json", repo=org)
    data = outcome.json()
    assert data["id"] == "PROT-HAP-014"
    assert [(v["version"], v["date"]) for v in data["versions"]] == [
        ("5.0", REVIEW_DATE),
        ("4.1", REVIEW_DATE),
        ("4.0", "2024-03-12T10:00:00+01:00"),
    ]
    assert data["versions"][0]["message"] == "Review PROT-HAP-014 by Medisch manager: 4.1 -> 5.0"
    assert data["versions"][0]["author"] == "Test Auteur"
    text = run("policy", "history", "PROT-HAP-014", repo=org).stdout.splitlines()
    assert text[0] == "PROT-HAP-014: 3 versions, newest first"
    assert text[1].startswith("  2026-11-20 10:00  ")


def test_diff_shows_the_last_change_of_record_and_document(run: Run, org: Path) -> None:
    doc = org / "policies/documents/prot-hap-014.md"
    doc.write_text(doc.read_text().replace("Versie 4.0.", "Versie 4.1."))
    text = (org / POLICY).read_text().replace('version: "4.0"', 'version: "4.1"')
    (org / POLICY).write_text(text)
    commit_all(org, "Versie 4.1", "2025-05-01T10:00:00+02:00")
    outcome = run("policy", "diff", "PROT-HAP-014", repo=org)
    assert outcome.exit_code == 0, outcome.output
    assert '-version: "4.0"\n+version: "4.1"\n' in outcome.stdout
    assert "-Versie 4.0.\n+Versie 4.1.\n" in outcome.stdout
    assert f"+++ b/{POLICY} (" in outcome.stdout


def test_a_document_changed_alone_is_in_history_and_diff(run: Run, org: Path) -> None:
    doc = org / "policies/documents/prot-hap-014.md"
    doc.write_text(doc.read_text().replace("Versie 4.0.", "Versie 4.0, met typefout hersteld."))
    commit_all(org, "Typefout in het protocol", "2025-06-01T10:00:00+02:00")
    data = run("policy", "history", "PROT-HAP-014", "--format", "json", repo=org).json()
    newest = data["versions"][0]
    assert (newest["version"], newest["changed"], newest["file"]) == ("4.0", ["document"], POLICY)
    assert newest["message"] == "Typefout in het protocol"
    assert data["versions"][1]["changed"] == ["record", "document"]
    text = run("policy", "history", "PROT-HAP-014", "--lang", "en", repo=org).stdout
    assert "[document only] Typefout in het protocol" in text
    outcome = run("policy", "diff", "PROT-HAP-014", repo=org)
    assert "+Versie 4.0, met typefout hersteld.\n" in outcome.stdout


def test_diff_with_one_version_asks_for_revisions(run: Run, org: Path) -> None:
    outcome = run("policy", "diff", "PROT-HAP-014", repo=org)
    assert outcome.exit_code == 2
    assert "nothing to compare" in outcome.stderr


def test_rev_reads_a_policy_as_committed(run: Run, org: Path) -> None:
    _review(run, org, "--version", "4.1")
    (org / POLICY).write_text((org / POLICY).read_text().replace('"4.1"', '"9.9"'))
    now = run("policy", "show", "PROT-HAP-014", "--format", "json", repo=org).json()
    head = run("policy", "show", "PROT-HAP-014", "--rev", "HEAD", "--format", "json", repo=org)
    past = run("--rev", "HEAD~1", "policy", "show", "PROT-HAP-014", "--format", "json", repo=org)
    assert (now["version"], head.json()["version"], past.json()["version"]) == ("9.9", "4.1", "4.0")


def test_as_recorded_reads_what_an_auditor_saw_that_day(run: Run, org: Path, dated: None) -> None:
    _review(run, org, "--version", "4.1")

    def states(as_of: str) -> dict[str, str]:
        outcome = run(
            "policy", "list", "--as-recorded", "--as-of", as_of, "--format", "json", repo=org
        )
        assert outcome.exit_code == 0, outcome.output
        return {row["id"]: f"{row['version']} {row['state']}" for row in outcome.json()["policies"]}

    assert states("2026-11-19")["PROT-HAP-014"] == "4.0 overdue"
    assert states("2026-11-20")["PROT-HAP-014"] == "4.1 ok"
    before = run("policy", "list", "--as-recorded", "--as-of", "2023-12-31", repo=org)
    assert before.exit_code == 2
    assert "nothing was committed on or before 2023-12-31" in before.stderr


def test_check_warns_about_a_document_changed_without_a_new_version(run: Run, org: Path) -> None:
    doc = org / "policies/documents/prot-hap-014.md"
    doc.write_text(doc.read_text() + "Stilletjes aangepast.\n")
    commit_all(org, "Tekst", "2025-05-01T10:00:00+02:00")
    outcome = run("check", "--as-of", "2026-01-01", "--format", "json", repo=org)
    problems = [p for p in outcome.json()["problems"] if p["rule"] == "policy-changed-unversioned"]
    assert [(p["id"], p["severity"], p["changed"]) for p in problems] == [
        ("PROT-HAP-014", "warning", "2025-05-01")
    ]
    assert outcome.exit_code == 0
    past = run("check", "--as-of", "2025-04-30", "--as-recorded", "--format", "json", repo=org)
    assert not [p for p in past.json()["problems"] if p["rule"] == "policy-changed-unversioned"]


def test_check_outside_git_skips_the_history_rule(run: Run, org: Path) -> None:
    subprocess.run(["rm", "-rf", str(org / ".git")], check=True)
    outcome = run("check", "--as-of", "2026-01-01", "--format", "json", repo=org)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.json()["problems"] == []


def test_a_review_that_lowers_the_version_warns_and_says_how_to_undo(run: Run, org: Path) -> None:
    result = _review(run, org, "--version", "2.0")
    assert "version 2.0 is lower than the current 4.0" in result.stderr
    assert "git revert HEAD" in result.stderr
    raised = _review(run, org, "--version", "4.10")
    assert "lower than" not in raised.stderr


@pytest.mark.parametrize(
    ("new", "old", "lower"),
    [
        ("2.0", "3.1", True),
        ("1.10", "1.9", False),
        ("1.9", "1.10", True),
        ("v2", "3", True),
        ("A", "B", False),
    ],
)
def test_versions_compare_as_dotted_numbers(new: str, old: str, lower: bool) -> None:
    from nencheck.registers.policy import version_is_lower

    assert version_is_lower(new, old) is lower
