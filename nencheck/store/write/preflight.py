"""Every refusal a write makes before anything is written: not a repository, a merge or rebase
in progress, git's own lock files, no git identity, uncommitted changes in a file to be changed.
"""

from __future__ import annotations

import os
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.store.git.runner import GitFailed, run_git


def _in_progress(name: str) -> str:
    messages = {
        "MERGE_HEAD": lambda: _(
            "A merge is in progress: finish it (git commit) or abort it "
            "(git merge --abort) before changing records."
        ),
        "rebase-merge": lambda: _(
            "A rebase is in progress: finish it (git rebase --continue) or "
            "abort it (git rebase --abort) before changing records."
        ),
        "rebase-apply": lambda: _(
            "A rebase or 'git am' is in progress: finish or abort it before changing records."
        ),
        "CHERRY_PICK_HEAD": lambda: _(
            "A cherry-pick is in progress: finish it or abort it "
            "(git cherry-pick --abort) before changing records."
        ),
        "REVERT_HEAD": lambda: _(
            "A revert is in progress: finish it or abort it "
            "(git revert --abort) before changing records."
        ),
    }
    return messages[name]()


_IN_PROGRESS = ("MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD", "REVERT_HEAD")


def preflight(root: Path, paths: list[str], *, commit: bool, force: bool) -> bool:
    """All refusals, before anything is written. True when ``root`` is in a git work tree."""
    args = ["rev-parse", "--show-toplevel"]
    for name in _IN_PROGRESS + _git_locks(root):
        args += ["--git-path", name]
    try:
        lines = run_git(root, args).decode("utf-8").splitlines()
    except GitFailed:
        if commit:
            raise NencheckError(
                _(
                    "{root} is not a git repository, so the change cannot be committed; run "
                    "'git init' there, or use --no-commit to only write the files."
                ).format(root=root)
            ) from None
        return False
    for name, state in zip(_IN_PROGRESS, lines[1 : 1 + len(_IN_PROGRESS)], strict=True):
        if (root / state).exists():
            raise NencheckError(_in_progress(name))
    _refuse_git_locks(root, lines[len(_IN_PROGRESS) + 1 :])
    if commit:
        _require_identity(root)
    if not force:
        _require_clean(root, paths)
    return True


def _require_clean(root: Path, paths: list[str]) -> None:
    out = run_git(
        root,
        [
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--",
            *(f":(literal){path}" for path in paths),
        ],
    )
    dirty = [entry[3:] for entry in out.decode("utf-8", "replace").split("\0") if len(entry) > 3]
    if dirty:
        raise NencheckError(
            _(
                "{files}: uncommitted changes; commit or discard them first, or use --force to "
                "include them in this change."
            ).format(files=", ".join(sorted(set(dirty))))
        )


def _require_identity(root: Path) -> None:
    """git would invent an identity from the host name; a compliance trail needs a real one."""
    try:
        out = run_git(root, ["config", "--get-regexp", r"^(user|author|committer)\.(name|email)$"])
        configured = {line.split(" ", 1)[0].lower() for line in out.decode("utf-8").splitlines()}
    except GitFailed:
        configured = set()
    missing = []
    for role in ("author", "committer"):
        for part in ("name", "email"):
            from_env = os.environ.get(f"GIT_{role.upper()}_{part.upper()}") or (
                os.environ.get("EMAIL") if part == "email" else None
            )
            if not (from_env or f"user.{part}" in configured or f"{role}.{part}" in configured):
                missing.append(f"{role} {part}")
    if missing:
        raise NencheckError(
            _(
                "no git identity is configured ({missing}), so the change cannot be committed. "
                'Set one with: git config --global user.name "Your Name" and git config --global '
                "user.email you@example.org (or use --no-commit)."
            ).format(missing=", ".join(missing))
        )


def _git_locks(root: Path) -> tuple[str, ...]:
    """The lock files a commit needs free: the index, HEAD, packed refs and the branch's ref."""
    names: tuple[str, ...] = ("index.lock", "HEAD.lock", "packed-refs.lock")
    try:
        branch = run_git(root, ["symbolic-ref", "-q", "HEAD"]).decode("utf-8").strip()
    except GitFailed:  # detached HEAD, or not a repository (said later)
        return names
    return (*names, f"{branch}.lock") if branch else names


def git_lock_files(root: Path) -> list[str]:
    """The git lock files that exist now (paths as git prints them, relative to ``root``)."""
    args = ["rev-parse"]
    for name in _git_locks(root):
        args += ["--git-path", name]
    try:
        lines = run_git(root, args).decode("utf-8").splitlines()
    except GitFailed:
        return []
    return [path for path in lines if (root / path).exists()]


def _refuse_git_locks(root: Path, lock_paths: list[str]) -> None:
    """A git lock file means another git command is running, or one crashed and left it."""
    for state in lock_paths:
        if (root / state).exists():
            raise NencheckError(
                _(
                    "nothing written: git's lock file {path} exists. Another git command is "
                    "running in this repository (a 'git commit' in another window, an editor's "
                    "git integration), or one was interrupted and left it behind. Wait for it "
                    "and try again; if no git command is running (check with: ps -ef | grep "
                    "git), remove the stale lock with: rm {path}"
                ).format(path=state)
            )
