"""Facts for policy-changed-unversioned from one ``git log -p -U0`` call on a real repository."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from nencheck.store.git import runner as gitcmd
from nencheck.store.git.file_changes import changed_keys, gather_changes
from nencheck.store.git.revision import GitRevision
from nencheck.store.read.loader import load_repository
from tests.gitorg import commit_all, git, make_org

POLICY = "policies/hap/prot-hap-014.yaml"
DOCUMENT = "policies/documents/prot-hap-014.md"


def _edit(root: Path, path: str, old: str, new: str) -> None:
    text = (root / path).read_text()
    assert old in text
    (root / path).write_text(text.replace(old, new))


def _gather(root: Path) -> list[tuple[str, str, list[str] | None]]:
    records = load_repository(GitRevision(root, "HEAD")).records
    assert records is not None
    changes = gather_changes(root, records)
    assert changes is not None
    return [
        (c.day.isoformat(), c.path, None if c.keys is None else sorted(c.keys)) for c in changes
    ]


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return make_org(tmp_path / "org")


def test_changed_top_level_keys_of_a_record(org: Path) -> None:
    _edit(org, POLICY, "  - huisartsen\n", "  - huisartsen\n  - doktersassistenten\n")
    _edit(org, POLICY, "title: Triage bij pijn op de borst", "title: Triage bij thoracale pijn")
    commit_all(org, "Edit", "2025-01-10T10:00:00+01:00")
    _edit(org, DOCUMENT, "Versie 4.0.", "Versie 4.0, met correctie.")
    commit_all(org, "Document", "2025-02-10T10:00:00+01:00")
    assert _gather(org) == [
        ("2025-02-10", DOCUMENT, None),
        ("2025-01-10", POLICY, ["audience", "title"]),
    ]


def test_a_first_commit_or_a_pure_rename_is_no_change(org: Path) -> None:
    git(org, "mv", POLICY, "policies/hap/triage.yaml")
    commit_all(org, "Rename", "2025-01-10T10:00:00+01:00")
    assert _gather(org) == []


def test_changes_before_a_rename_count_under_the_new_name(org: Path) -> None:
    _edit(org, POLICY, 'version: "4.0"', 'version: "4.1"')
    commit_all(org, "Version", "2025-01-10T10:00:00+01:00")
    git(org, "mv", POLICY, "policies/hap/triage.yaml")
    commit_all(org, "Rename", "2025-02-10T10:00:00+01:00")
    assert _gather(org) == [("2025-01-10", "policies/hap/triage.yaml", ["version"])]


def test_changes_before_the_oldest_review_are_not_read(org: Path) -> None:
    _edit(org, DOCUMENT, "Versie 4.0.", "Versie 4.0 (oud).")
    commit_all(org, "Old", "2024-03-01T10:00:00+01:00")
    assert _gather(org) == []


def test_gathering_is_one_git_history_pass_whatever_the_number_of_files(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = load_repository(GitRevision(org, "HEAD")).records
    assert records is not None
    calls: list[str] = []
    real = subprocess.run

    def counting(args: list[str], **kwargs: Any) -> Any:
        calls.append(args[len(gitcmd.git_command([]))])
        return real(args, **kwargs)

    monkeypatch.setattr(gitcmd.subprocess, "run", counting)
    assert gather_changes(org, records) == []
    # the commit (the cache's key), then its history: the commits and all their patches
    assert calls == ["rev-parse", "rev-list", "diff-tree"]
    assert gather_changes(org, records) == []
    assert calls == ["rev-parse", "rev-list", "diff-tree", "rev-parse"]


def test_outside_git_there_are_no_facts(tmp_path: Path) -> None:
    root = make_org(tmp_path / "org")
    records = load_repository(GitRevision(root, "HEAD")).records
    assert records is not None
    subprocess.run(["rm", "-rf", str(root / ".git")], check=True)
    assert gather_changes(root, records) is None


@pytest.mark.parametrize(
    ("hunks", "keys"),
    [
        (["@@ -5 +5 @@ status: active", '-version: "4.0"', '+version: "4.1"'], {"version"}),
        (["@@ -20,0 +21,2 @@ reviews:", "+  - date: 2026-01-01", "+    reviewer: X"], {"reviews"}),
        (["@@ -12,0 +13 @@ units:", "+- HCZ"], {"units"}),
        (["@@ -3,2 +3,2 @@", "-a: 1", "-  nested", "+b: 2", "+  nested"], {"a", "b"}),
        (["@@ -3 +3 @@", "-  orphan", "+  line"], None),
    ],
)
def test_changed_keys_of_zero_context_hunks(hunks: list[str], keys: set[str] | None) -> None:
    found = changed_keys(hunks)
    assert (None if found is None else set(found)) == keys


def test_without_git_installed_there_are_no_facts(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = load_repository(GitRevision(org, "HEAD")).records
    assert records is not None
    monkeypatch.setenv("PATH", str(org / "no-such-folder"))
    assert gather_changes(org, records) is None


def test_what_was_read_for_a_commit_is_reused_and_a_new_commit_is_read_again(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(org, POLICY, "title: Triage bij pijn op de borst", "title: Triage bij thoracale pijn")
    commit_all(org, "Edit", "2025-01-10T10:00:00+01:00")
    logs: list[list[str]] = []
    real_run_git = gitcmd.run_git

    def counting_run_git(root: Path, args: Any, **kwargs: Any) -> bytes:
        if "diff-tree" in args:
            logs.append(list(args))
        return real_run_git(root, args, **kwargs)

    monkeypatch.setattr("nencheck.store.git.file_changes.run_git", counting_run_git)
    first = _gather(org)
    assert _gather(org) == first == [("2025-01-10", POLICY, ["title"])]
    assert len(logs) == 1  # the second time came from .nencheck/cache/history.bin

    _edit(org, DOCUMENT, "Versie 4.0.", "Versie 4.0, met correctie.")
    commit_all(org, "Document", "2025-02-10T10:00:00+01:00")
    assert _gather(org) == [("2025-02-10", DOCUMENT, None), *first]
    assert len(logs) == 2

    (org / ".nencheck" / "cache" / "history.bin").write_bytes(b"damaged")
    assert _gather(org) == [("2025-02-10", DOCUMENT, None), *first]
    assert len(logs) == 3


def test_a_shallow_clone_is_read_afresh_every_time(
    org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(org, POLICY, "title: Triage bij pijn op de borst", "title: Triage bij thoracale pijn")
    commit_all(org, "Edit", "2025-01-10T10:00:00+01:00")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{org}", str(clone)], check=True)
    logs: list[str] = []
    real_run_git = gitcmd.run_git

    def counting_run_git(root: Path, args: Any, **kwargs: Any) -> bytes:
        if "diff-tree" in args:
            logs.append("log")
        return real_run_git(root, args, **kwargs)

    monkeypatch.setattr("nencheck.store.git.file_changes.run_git", counting_run_git)
    _gather(clone)
    _gather(clone)
    assert logs == ["log", "log"]  # deepening the clone would change the answer: no cache
    assert not (clone / ".nencheck" / "cache" / "history.bin").exists()
