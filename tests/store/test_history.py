"""The history of one record from git: newest first, with versions, following renames, from one
``git log`` and one ``git cat-file`` process."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from nencheck.errors import NencheckError
from nencheck.store.git import runner as gitcmd
from nencheck.store.git.history import file_history, record_history
from tests.gitorg import FILES, commit_all, git, make_org

POLICY = "policies/hap/prot-hap-014.yaml"
RENAMED = "policies/hap/triage-pijn-op-de-borst.yaml"


def _set_version(root: Path, path: str, old: str, new: str) -> None:
    text = (root / path).read_text()
    (root / path).write_text(text.replace(f'version: "{old}"', f'version: "{new}"'))


@pytest.fixture
def org(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_org(tmp_path / "org")
    _set_version(root, POLICY, "4.0", "4.1")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Medisch manager")
    commit_all(root, "Version 4.1\n\nNHG 2025", "2025-03-01T09:00:00+01:00")
    git(root, "mv", POLICY, RENAMED)
    commit_all(root, "Rename", "2025-04-01T09:00:00+02:00")
    (root / "other.txt").write_text("unrelated\n")
    commit_all(root, "Unrelated", "2025-05-01T09:00:00+02:00")
    _set_version(root, RENAMED, "4.1", "5.0")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Kwaliteitsfunctionaris")
    commit_all(root, "Version 5.0", "2026-01-15T14:30:00+01:00")
    return root


def test_history_is_newest_first_with_versions_across_a_rename(org: Path) -> None:
    versions = record_history(org, RENAMED)
    assert [(v.version, v.message, v.path) for v in versions] == [
        ("5.0", "Version 5.0", RENAMED),
        ("4.1", "Rename", RENAMED),
        ("4.1", "Version 4.1\n\nNHG 2025", POLICY),
        ("4.0", "Voorbeeldorganisatie", POLICY),
    ]
    assert versions[0].date == "2026-01-15T14:30:00+01:00"
    assert versions[0].author == "Kwaliteitsfunctionaris"
    assert versions[2].author == "Medisch manager"
    assert versions[0].commit == git(org, "rev-parse", "HEAD").strip()
    assert versions[0].to_json() == {
        "commit": versions[0].commit,
        "date": "2026-01-15T14:30:00+01:00",
        "author": "Kwaliteitsfunctionaris",
        "version": "5.0",
        "message": "Version 5.0",
        "file": RENAMED,
        "changed": ["record"],
    }


def test_history_up_to_a_revision(org: Path) -> None:
    versions = record_history(org, POLICY, rev="HEAD~3")
    assert [v.version for v in versions] == ["4.1", "4.0"]


def test_history_takes_three_git_processes_whatever_its_length(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = subprocess.run

    def counting(args: list[str], **kwargs: Any) -> Any:
        calls.append(args[len(gitcmd.git_command([]))])
        return real(args, **kwargs)

    monkeypatch.setattr(gitcmd.subprocess, "run", counting)
    assert len(file_history(org, RENAMED)) == 4
    assert calls == ["rev-parse", "log", "cat-file"]


def test_file_never_committed_has_no_history(org: Path) -> None:
    (org / "policies" / "new.yaml").write_text("id: NEW\n")
    assert file_history(org, "policies/new.yaml") == []


def test_history_of_a_document_has_its_contents(org: Path) -> None:
    (org / "policies/documents/prot-hap-014.md").write_text("# Nieuw\n")
    commit_all(org, "Nieuwe tekst", "2026-02-01T10:00:00+01:00")
    entries = file_history(org, "policies/documents/prot-hap-014.md")
    assert [e.content for e in entries] == [
        b"# Nieuw\n",
        (b"# Triage bij pijn op de borst\n\nVersie 4.0.\n"),
    ]
    assert [e.message for e in entries] == ["Nieuwe tekst", "Voorbeeldorganisatie"]


def test_history_in_a_subfolder_of_the_git_repository(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    for name, text in FILES.items():
        (outer / "compliance" / name).parent.mkdir(parents=True, exist_ok=True)
        (outer / "compliance" / name).write_text(text)
    git(outer, "init", "-q", "-b", "main")
    commit_all(outer, "Start", "2024-03-12T10:00:00+01:00")
    versions = record_history(outer / "compliance", POLICY)
    assert [v.version for v in versions] == ["4.0"]
    assert versions[0].path == POLICY


def test_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NencheckError, match="not a git repository"):
        record_history(tmp_path, POLICY)


def test_a_new_file_copied_from_another_starts_its_own_history(tmp_path: Path) -> None:
    """git log --follow takes a new file much like an existing one for a copy of it and goes on
    with that file's history; a new work instruction written from another's template has none
    of it (seen in the example: WI-DIA-003 listed WI-DIA-006's first commit)."""
    root = make_org(tmp_path / "org")
    template = (root / POLICY).read_text()
    copy = "policies/hap/prot-hap-099.yaml"
    (root / copy).write_text(template.replace("PROT-HAP-014", "PROT-HAP-099"))
    commit_all(root, "New protocol from the template", "2025-06-01T09:00:00+02:00")
    log = git(root, "log", "--follow", "--name-status", "--format=%s", "--", copy)
    assert "\nC" in log  # git itself calls it a copy and follows it

    history = record_history(root, copy)
    assert [v.message for v in history] == ["New protocol from the template"]
    assert [v.path for v in history] == [copy]
    assert len(record_history(root, POLICY)) == 1  # the template keeps its own history
