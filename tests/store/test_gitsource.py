"""Reading the records as committed at a revision, or as recorded on a date."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from nencheck.errors import NencheckError
from nencheck.store.git import runner as gitcmd
from nencheck.store.git.revision import GitRevision, revision_on
from nencheck.store.read.loader import load_repository
from tests.gitorg import commit_all, git, make_org

POLICY = "policies/hap/prot-hap-014.yaml"


@pytest.fixture
def org(tmp_path: Path) -> Path:
    root = make_org(tmp_path / "org")
    text = (root / POLICY).read_text().replace('version: "4.0"', 'version: "4.1"')
    (root / POLICY).write_text(text)
    commit_all(root, "Version 4.1", "2025-06-30T23:30:00+02:00")
    (root / "policies" / "hap" / "extra.yaml").write_text("not committed\n")
    return root


def test_reads_files_as_committed_not_the_working_tree(org: Path) -> None:
    (org / POLICY).write_text("changed in the working tree\n")
    source = GitRevision(org, "HEAD~1")
    assert b'version: "4.0"' in source.read(POLICY)
    assert b'version: "4.1"' in GitRevision(org, "main").read(POLICY)
    assert "policies/hap/extra.yaml" not in source.files("policies")
    assert (org / POLICY).read_text() == "changed in the working tree\n"


def test_lists_record_files_sorted_and_knows_folders(org: Path) -> None:
    (org / "policies" / "hap" / "extra.yaml").unlink()
    (org / "policies" / ".hidden").mkdir()
    (org / "policies" / ".hidden" / "x.yaml").write_text("id: X\n")
    (org / "policies" / "algemeen" / "bel-002.YML").write_text("id: BEL-002\n")
    commit_all(org, "hidden", "2025-07-01T10:00:00+02:00")
    source = GitRevision(org, "HEAD")
    # Hidden files are listed (the loader reports them), extensions in any case are records.
    assert source.files("policies") == [
        "policies/.hidden/x.yaml",
        "policies/algemeen/bel-001.yaml",
        "policies/algemeen/bel-002.YML",
        POLICY,
    ]
    assert source.exists("policies/documents")
    assert source.exists("policies/documents/prot-hap-014.md")
    assert not source.exists("policies/nothing.yaml")
    assert source.label.startswith("revision ")


def test_content_key_is_the_blob_id(org: Path) -> None:
    source = GitRevision(org, "HEAD")
    assert source.content_key(POLICY) == git(org, "rev-parse", f"HEAD:{POLICY}").strip()
    assert source.content_key("missing.yaml") is None


def test_reading_every_file_takes_two_git_processes(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(args: list[str], **kwargs: Any) -> Any:
        calls.append(args)
        return real(args, **kwargs)

    monkeypatch.setattr(gitcmd.subprocess, "run", counting)
    source = GitRevision(org, "HEAD")
    calls.clear()
    result = load_repository(source)
    assert result.errors == []
    subcommand = len(gitcmd.git_command([]))  # after git's pinned options
    assert [args[subcommand] for args in calls] == ["cat-file"]


def test_the_past_loads_as_records(org: Path) -> None:
    result = load_repository(GitRevision(org, "HEAD~1"))
    assert result.records is not None
    assert result.records.policy_by_id["PROT-HAP-014"].version == "4.0"


def test_unknown_revision_is_a_clear_error(org: Path) -> None:
    with pytest.raises(NencheckError, match="'nope' is not a commit, tag or branch"):
        GitRevision(org, "nope")


def test_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NencheckError, match="is not a git repository"):
        GitRevision(tmp_path, "HEAD")


def test_a_link_leading_outside_is_reported(org: Path) -> None:
    (org / "policies" / "hap" / "link.yaml").symlink_to("/etc/hostname")
    (org / "policies" / "inner.yaml").symlink_to("hap/prot-hap-014.yaml")
    commit_all(org, "links", "2025-07-01T10:00:00+02:00")
    source = GitRevision(org, "HEAD")
    assert source.points_outside("policies/hap/link.yaml")
    assert source.points_outside("../x.yaml")
    assert not source.points_outside("policies/inner.yaml")
    assert source.read("policies/inner.yaml") == source.read(POLICY)


def test_as_recorded_takes_the_last_commit_on_or_before_the_day(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")  # the end of the day is taken in the local time zone
    first = git(org, "rev-parse", "HEAD~1").strip()
    second = git(org, "rev-parse", "HEAD").strip()
    assert revision_on(org, date(2024, 3, 12)) == first
    assert revision_on(org, date(2025, 6, 29)) == first
    assert revision_on(org, date(2025, 6, 30)) == second  # 21:30 UTC that day


def test_as_recorded_before_the_first_commit_is_a_clear_error(org: Path) -> None:
    with pytest.raises(
        NencheckError, match=r"nothing was committed on or before 2024-03-11.*2024-03-12"
    ):
        revision_on(org, date(2024, 3, 11))


def test_a_compliance_repository_in_a_subfolder_of_the_git_repository(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    (outer / "compliance" / "policies").mkdir(parents=True)
    (outer / "compliance" / "policies" / "a.yaml").write_text("id: A\n")
    (outer / "elsewhere.yaml").write_text("id: X\n")
    git(outer, "init", "-q", "-b", "main")
    commit_all(outer, "start", "2025-01-01T10:00:00+01:00")
    source = GitRevision(outer / "compliance", "HEAD")
    assert source.files("policies") == ["policies/a.yaml"]
    assert source.read("policies/a.yaml") == b"id: A\n"
    assert not source.exists("elsewhere.yaml")
