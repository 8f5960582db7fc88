"""Where the Kennisbank's pages come from in git: each policy's versions (one batched pass over
every record file) and the commit the site is built from."""

from __future__ import annotations

from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.model.history import Version
from nencheck.store.read.source import FileSource, WorkingTree


def versions_of(
    root: Path, policies: list[tuple[str, str | None]], rev: str | None
) -> dict[str, list[Version]]:
    """record file -> the policy's versions (record and document changes), newest first, as
    ``policy history`` lists them; empty outside git."""
    if rev is None:
        return {}
    from nencheck.store.git.history import policies_history

    try:
        return policies_history(root, policies, rev=rev)
    except NencheckError:  # not a repository after all: a site without history
        return {}


def built_from(root: Path, rev: str | None, source: FileSource) -> tuple[str | None, bool]:
    """The full commit id the site is built from (None outside git or before the first commit)
    and whether the records read were the working tree with uncommitted changes in it."""
    if rev is None:
        return None, False
    from nencheck.store.git.revision import resolve_revision
    from nencheck.store.git.runner import GitFailed, run_git

    try:
        commit = resolve_revision(root, rev)
    except NencheckError:
        return None, isinstance(source, WorkingTree)
    if not isinstance(source, WorkingTree):
        return commit, False
    try:
        changes = run_git(
            root,
            ["--no-optional-locks", "status", "--porcelain", "--untracked-files=no", "--", "."],
        )
    except GitFailed:
        return commit, False
    return commit, bool(changes.strip())
