"""The one writer every command that changes records uses: round-trip YAML edits, atomic writes,
and one git commit touching only the changed files (SPEC, "Commands": commands that change records).

Usage::

    document = load_for_edit(root, "policies/hap/prot-hap-014.yaml")
    document["version"] = scalar("4.1", like=document["version"])
    apply_changes(root, [Change(path, dump_edited(document))], "Review PROT-HAP-014 ...")
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.store.git.runner import GitFailed, run_git
from nencheck.store.write.atomic import write_atomic
from nencheck.store.write.roundtrip import FileStyle, dump_document, load_text, scalar, to_document

__all__ = [
    "Change",
    "apply_changes",
    "dump_edited",
    "load_for_edit",
    "new_record_yaml",
    "scalar",
    "to_document",
]

NEW_FILE_STYLE = FileStyle(mapping=2, sequence=4, offset=2)


@dataclass
class Change:
    path: str  # repository-relative posix path
    content: bytes  # complete new file content


def load_for_edit(root: Path, path: str) -> Any:
    """The file as a ruamel.yaml round-trip document (a CommentedMap) that remembers its style."""
    target = root / _checked_path(path)
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        raise NencheckError(_("{file}: no such file.").format(file=path)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NencheckError(
            _("{file}: cannot edit this file, it is not UTF-8 text.").format(file=path)
        ) from None
    return load_text(text, path)


def dump_edited(document: Any) -> bytes:
    """The document as bytes, laid out as the file it was loaded from."""
    return dump_document(document)


def new_record_yaml(data: dict[str, Any], comment: str | None = None) -> bytes:
    """A new record file: block mappings, short lists in flow style, dates unquoted, text that
    a YAML reader could take for a number, date or boolean (ids like ``5.10``) double-quoted."""
    body = dump_document(to_document(data), NEW_FILE_STYLE)
    if not comment:
        return body
    header = "".join(f"# {line}".rstrip() + "\n" for line in comment.splitlines())
    return header.encode("utf-8") + body


def apply_changes(
    root: Path, changes: list[Change], message: str, *, commit: bool = True, force: bool = False
) -> str | None:
    """Write the changes atomically and commit exactly those files in one commit.

    Refuses (NencheckError) before writing anything when a changed file has uncommitted changes
    (unless ``force``), when a merge, rebase, cherry-pick or revert is in progress, and, when
    committing, outside a git repository or without a git identity. Other files the user has
    staged stay staged and out of the commit. Returns the new commit's id, or None when
    ``commit`` is False (the changes are then left staged, in a git repository).
    """
    if not changes:
        return None
    paths = [_checked_path(change.path) for change in changes]
    in_git = _preflight(root, paths, commit=commit, force=force)
    _write_all(root, changes)
    if not in_git:
        return None
    pathspecs = [f":(literal){path}" for path in paths]
    try:
        run_git(root, ["add", "--", *pathspecs], read_only=False)
        if not commit:
            return None
        run_git(
            root,
            ["commit", "-q", "--only", "--cleanup=whitespace", "-F", "-", "--", *pathspecs],
            stdin=message.encode(),
            read_only=False,
        )
        return run_git(root, ["rev-parse", "HEAD"]).decode("ascii").strip()
    except GitFailed as failure:
        raise NencheckError(
            _(
                "the files were written, but git could not stage or commit them: {reason}. "
                "Commit them yourself, or undo with: git restore --staged --worktree {files}"
            ).format(reason=failure.stderr or failure, files=" ".join(paths))
        ) from None


def _checked_path(path: str) -> str:
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise NencheckError(
            _("{file}: a record path must lie inside the repository.").format(file=path)
        )
    return pure.as_posix()


def _write_all(root: Path, changes: list[Change]) -> None:
    """Write every file atomically; if one write fails, put back the ones already written."""
    written: list[tuple[Path, bytes | None]] = []
    try:
        for change in changes:
            target = root / change.path
            previous = target.read_bytes() if target.exists() else None
            write_atomic(target, change.content)
            written.append((target, previous))
    except BaseException:
        for target, previous in reversed(written):
            if previous is None:
                target.unlink(missing_ok=True)
            else:
                write_atomic(target, previous)
        raise


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


def _preflight(root: Path, paths: list[str], *, commit: bool, force: bool) -> bool:
    """All refusals, before anything is written. True when ``root`` is in a git work tree."""
    args = ["rev-parse", "--show-toplevel"]
    for name in _IN_PROGRESS:
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
    for name, state in zip(_IN_PROGRESS, lines[1:], strict=True):
        if (root / state).exists():
            raise NencheckError(_in_progress(name))
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
