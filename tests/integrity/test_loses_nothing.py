"""Issue 14, "Why": dates that cannot be, ids, files skipped in silence, one broken file.

Each test here failed on the code before the issue (main at afe0da7) and passes now."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from nencheck.store.cache.parse_cache import ParseCache, saved_entries
from nencheck.store.read.loader import load_repository
from nencheck.store.read.source import WorkingTree
from tests.conftest import AS_OF, Outcome, git, run_cli

POLICY = "policies/hap/prot-hap-014.yaml"
OVERDUE = "policies/dia/proc-dia-004.yaml"  # PROC-DIA-004 is overdue on AS_OF


def edit(root: Path, path: str, old: str, new: str) -> None:
    target = root / path
    text = target.read_text("utf-8")
    assert old in text, (path, old)
    target.write_text(text.replace(old, new, 1), "utf-8")


def check_json(root: Path, *extra: str) -> tuple[Outcome, dict]:
    result = run_cli(
        "check", "--as-of", AS_OF, "--lang", "en", "--format", "json", *extra, repo=root
    )
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result, result.json()


def codes(document: dict) -> list[tuple[str, str]]:
    return [(error["file"], error["code"]) for error in document["errors"]]


def rules(document: dict, rule: str) -> list[str]:
    return [problem["id"] for problem in document["problems"] if problem["rule"] == rule]


# --- Dates that cannot be -----------------------------------------------------------------


def test_a_review_date_in_the_future_is_a_located_data_error_whatever_as_of_says(
    example_copy: Path,
) -> None:
    edit(example_copy, POLICY, "last_reviewed: 2025-03-18", "last_reviewed: 2062-02-05")
    for as_of in (AS_OF, "2063-01-01"):
        result = run_cli(
            "check", "--as-of", as_of, "--lang", "en", "--format", "json", repo=example_copy
        )
        assert result.exit_code == 2
        [error] = result.json()["errors"]
        assert (error["file"], error["line"], error["code"]) == (POLICY, 10, "invalid-date")
        assert "2062-02-05 lies in the future" in error["message"]


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        (POLICY, "approved: 2024-03-12", "approved: 2099-03-12"),
        (POLICY, "  - date: 2025-03-18", "  - date: 2099-03-18"),
        ("evidence/incidents/2025/inc-2025-004.yaml", "closed: 2025-02-14", "closed: 2099-02-14"),
        (
            "evidence/training/completions/2025.yaml",
            "completed: 2025-01-07}",
            "completed: 2099-01-07}",
        ),
    ],
)
def test_every_kind_of_event_date_is_refused_in_the_future(
    example_copy: Path, path: str, old: str, new: str
) -> None:
    edit(example_copy, path, old, new)
    result, document = check_json(example_copy)
    assert result.exit_code == 2
    assert (path, "invalid-date") in codes(document)


def test_the_parse_cache_does_not_keep_a_verdict_that_depends_on_today(tmp_path: Path) -> None:
    """A file cached on a day its date was allowed is rejected on a day it is not."""
    from tests.store.test_loader_errors import make_repo

    root = make_repo(
        tmp_path,
        {
            "evidence/records/ev-1.yaml": "id: EV-1\ntitle: Test\ncollected: 2027-01-01\nvalid_for: 1y\n"
        },
    )
    later = load_repository(WorkingTree(root), ParseCache(root), today=date(2027, 1, 1))
    assert later.errors == [] and "evidence/records/ev-1.yaml" in saved_entries(root)
    # The day before yesterday's date is still allowed (one day of slack for time zones).
    slack = load_repository(WorkingTree(root), ParseCache(root), today=date(2026, 12, 31))
    assert slack.errors == []
    earlier = load_repository(WorkingTree(root), ParseCache(root), today=date(2026, 12, 30))
    [error] = earlier.errors
    assert (error.file, error.line, error.code) == ("evidence/records/ev-1.yaml", 3, "invalid-date")
    assert earlier.records is not None and earlier.records.evidence == []


def test_policy_review_as_of_a_day_that_has_not_come_records_nothing(example_git: Path) -> None:
    head = git(example_git, "rev-parse", "HEAD")
    result = run_cli(
        "policy",
        "review",
        "PROT-HAP-014",
        "--reviewer",
        "X",
        "--as-of",
        "2099-06-01",
        "--lang",
        "en",
        repo=example_git,
    )
    assert result.exit_code == 2, result.output
    assert "lies after today" in result.stderr
    assert git(example_git, "rev-parse", "HEAD") == head
    assert git(example_git, "status", "--porcelain") == ""


def test_policy_import_refuses_a_review_date_in_the_future(tmp_path: Path) -> None:
    from tests.sheets import REGISTER_HEADERS, make_repo, write_xlsx

    root = make_repo(tmp_path / "org")
    row = ["PROT-HAP-900", "Triage", "Protocol", "Actief", "1.0", "Teamleider triage", "HAP",
           "01-02-2099", "jaarlijks"]  # fmt: skip
    sheet = write_xlsx(tmp_path / "register.xlsx", REGISTER_HEADERS, [row])
    head = git(root, "rev-parse", "HEAD")
    result = run_cli("policy", "import", str(sheet), repo=root)
    assert result.exit_code == 2, result.output
    assert "2099-02-01 lies in the future" in result.output
    assert git(root, "rev-parse", "HEAD") == head
    assert not list((root / "policies").rglob("prot-hap-900.yaml"))


def test_next_review_a_mistyped_year_later_is_flagged(example_copy: Path) -> None:
    """next_review: 2036-01-01 (for 2026) on a 2y policy reviewed 2025-03-18; and one before
    last_reviewed."""
    edit(example_copy, POLICY, "next_review: 2026-11-23", "next_review: 2036-01-01")
    edit(example_copy, OVERDUE, "status: active", "status: active\nnext_review: 2020-01-01")
    _result, document = check_json(example_copy)
    flagged = rules(document, "policy-review-date-inconsistent")
    assert "PROT-HAP-014" in flagged
    problem = next(p for p in document["problems"] if p["id"] == "PROT-HAP-014"
                   and p["rule"] == "policy-review-date-inconsistent")  # fmt: skip
    assert problem["line"] == 12 and "2027-03-18" in problem["message"]


# --- Ids -----------------------------------------------------------------------------------


@pytest.mark.parametrize("other_id", ["prot-hap-014", "PROT\u2010HAP\u2010014", "ＰＲＯＴ-HAP-014"])
def test_ids_differing_in_case_or_look_alikes_are_one_id(example_copy: Path, other_id: str) -> None:
    copy = "policies/hap/zz-kopie.yaml"
    text = (example_copy / POLICY).read_text("utf-8").replace("id: PROT-HAP-014", f"id: {other_id}")
    (example_copy / copy).write_text(text, "utf-8")
    result, document = check_json(example_copy)
    assert result.exit_code == 2
    [error] = [e for e in document["errors"] if e["code"] == "duplicate-id"]
    assert error["file"] == copy and POLICY in error["message"]


def test_a_reference_in_another_case_resolves_like_a_lookup(example_copy: Path) -> None:
    edit(example_copy, "controls/5-organisatorisch/5.1.yaml", "[BEL-IB-001]", "[bel\u2010ib-001]")
    _result, document = check_json(example_copy)
    assert document["errors"] == []
    shown = run_cli(
        "control", "show", "5.1", "--as-of", AS_OF, "--format", "json", repo=example_copy
    )
    assert shown.exit_code == 0, shown.output
    assert "BEL-IB-001" in shown.stdout
    found = run_cli("policy", "show", "prot\u2010hap\u2010014", "--as-of", AS_OF, repo=example_copy)
    assert found.exit_code == 0 and "PROT-HAP-014" in found.stdout


# --- Files skipped in silence --------------------------------------------------------------


@pytest.mark.parametrize("name", ["proc-dia-004.YAML", "proc-dia-004.Yml"])
def test_a_record_with_an_upper_case_extension_is_read(example_copy: Path, name: str) -> None:
    (example_copy / OVERDUE).rename(example_copy / "policies" / "dia" / name)
    _result, document = check_json(example_copy)
    assert document["errors"] == []
    assert "PROC-DIA-004" in rules(document, "policy-overdue")
    listed = run_cli("policy", "list", "--as-of", AS_OF, repo=example_copy)
    assert "PROC-DIA-004" in listed.stdout


def test_a_hidden_record_file_is_reported_never_skipped(example_copy: Path) -> None:
    hidden = "policies/dia/.proc-dia-004.yaml"
    (example_copy / OVERDUE).rename(example_copy / hidden)
    result, document = check_json(example_copy)
    assert result.exit_code == 2
    assert codes(document) == [(hidden, "hidden-file")]
    listed = run_cli("policy", "list", "--as-of", AS_OF, repo=example_copy)
    assert listed.exit_code == 2 and hidden in listed.stderr


def test_a_hidden_record_file_in_a_revision_is_reported(example_git: Path) -> None:
    hidden = "policies/dia/.proc-dia-004.yaml"
    git(example_git, "mv", OVERDUE, hidden)
    git(example_git, "commit", "-q", "-m", "hide")
    result, document = check_json(example_git, "--rev", "HEAD")
    assert result.exit_code == 2 and codes(document) == [(hidden, "hidden-file")]


# --- One broken file never takes the dashboard down ----------------------------------------


@pytest.fixture
def one_broken(example_copy: Path) -> Path:
    """A colleague's typo in one policy."""
    edit(example_copy, OVERDUE, "owner:", "ownr:")
    return example_copy


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["due"],
        ["report", "--format", "markdown"],
        ["policy", "list"],
        ["policy", "show", "PROT-HAP-014"],
        ["finding", "list"],
        ["incident", "list"],
        ["training", "status"],
        ["soa"],
        ["control", "show", "5.1"],
        ["verify"],
    ],
)
def test_reading_commands_show_what_the_readable_records_say_and_exit_2(
    one_broken: Path, args: list[str]
) -> None:
    result = run_cli(*args, "--as-of", AS_OF, "--lang", "en", repo=one_broken)
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.output
    assert result.stderr.startswith(f"{OVERDUE}:")
    assert "figures exclude 1 unreadable file." in result.stderr
    assert result.stdout.strip(), "the readable records are shown"


def test_status_json_names_the_unreadable_files(one_broken: Path) -> None:
    result = run_cli("status", "--as-of", AS_OF, "--format", "json", repo=one_broken)
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["unreadable"] == [OVERDUE]
    assert document["policies"]["total"] > 100


def test_records_in_a_broken_file_are_unknown_not_missing(example_copy: Path) -> None:
    """The control in a broken file is not control-missing; a reference to a policy in a
    broken file is not unknown-reference."""
    edit(example_copy, "controls/5-organisatorisch/5.1.yaml", "status:", "stat:")
    edit(example_copy, "policies/ib/bel-ib-001.yaml", "owner:", "ownr:")
    result, document = check_json(example_copy)
    assert result.exit_code == 2
    assert {code for _file, code in codes(document)} == {"unknown-field", "missing-field"}
    assert rules(document, "control-missing") == []
    assert rules(document, "policy-overdue"), "the readable records are still judged"


def test_a_broken_settings_file_still_stops_everything_and_says_why(example_copy: Path) -> None:
    edit(example_copy, "nencheck.yaml", "organisation:", "organisatie:")
    result = run_cli("status", "--as-of", AS_OF, "--lang", "en", repo=example_copy)
    assert result.exit_code == 2 and result.stdout == ""
    assert "without readable settings" in result.stderr
