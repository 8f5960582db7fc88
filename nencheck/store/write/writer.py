"""The one writer every command that changes records uses: round-trip YAML edits, atomic writes,
and one git commit touching only the changed files (SPEC, "Commands": commands that change records).

Usage::

    document = load_for_edit(root, "policies/hap/prot-hap-014.yaml")
    document["version"] = scalar("4.1", like=document["version"])
    apply_changes(root, [Change(path, dump_edited(document))], "Review PROT-HAP-014 ...")
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.store.git.runner import GitFailed, run_git
from nencheck.store.write.atomic import write_atomic
from nencheck.store.write.journal import begin, finish, interrupted, temp_prefix, tree_blobs
from nencheck.store.write.lock import held_command, repository_lock, write_dir
from nencheck.store.write.preflight import preflight
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
    root: Path,
    changes: list[Change],
    message: str,
    *,
    commit: bool = True,
    force: bool = False,
    command: str | None = None,
    announce: Callable[[str | None], None] | None = None,
) -> str | None:
    """Write the changes atomically and commit exactly those files in one commit.

    Runs under the repository's write lock (``store.write.lock``; re-entrant, so a command that
    took it before reading the records keeps it) and a write journal (``store.write.journal``).
    Refuses (NencheckError) before writing anything when a changed file has uncommitted changes
    (unless ``force``), when a merge, rebase, cherry-pick or revert is in progress, when git's
    own lock files exist, when an earlier write was interrupted and is not resolved, and, when
    committing, outside a git repository or without a git identity. Other files the user has
    staged stay staged and out of the commit. Returns the new commit's id once that commit is
    verified to hold every change, or None when ``commit`` is False (the changes are then left
    staged, in a git repository).

    ``announce`` (the CLI's "committed ..." line) is called with that id before the journal is
    removed: a run killed after it has said so, one killed before it leaves the journal, and the
    next command says the commit landed. Never a commit that nobody was told about.
    """
    if not changes:
        return None
    paths = [_checked_path(change.path) for change in changes]
    name = command or held_command(root) or "nencheck"
    with repository_lock(root, name):
        refuse_if_interrupted(root)
        in_git = preflight(root, paths, commit=commit, force=force)
        journal = begin(root, name, paths, in_git, message)
        _write_journaled(root, changes, journal)
        commit_id = _stage_and_commit(root, changes, message, commit=commit) if in_git else None
        if announce is not None:
            announce(commit_id)
        finish(journal)
        return commit_id


def refuse_if_interrupted(root: Path) -> None:
    """NencheckError while an interrupted write's files are neither committed nor undone."""
    pending, _landed = interrupted(root)
    if pending:
        first = pending[0]
        raise NencheckError(
            _(
                "nothing written: the interrupted '{command}' left {files} uncommitted; commit "
                "or undo that first, as the note says."
            ).format(command=first.journal.command, files=", ".join(first.changed))
        )


def _write_journaled(root: Path, changes: list[Change], journal: Path) -> None:
    """Write the files; when that fails and every file is put back, the journal goes too."""
    try:
        _write_all(root, changes)
    except _RollbackFailed:
        raise
    except BaseException:
        finish(journal)
        raise


def _stage_and_commit(
    root: Path, changes: list[Change], message: str, *, commit: bool
) -> str | None:
    paths = [change.path for change in changes]
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
        commit_id = run_git(root, ["rev-parse", "HEAD"]).decode("ascii").strip()
    except GitFailed as failure:
        raise NencheckError(
            _(
                "the files were written, but git could not stage or commit them: {reason}. "
                "Commit them yourself, or undo with: git restore --staged --worktree {files}"
            ).format(reason=failure.stderr or failure, files=" ".join(paths))
        ) from None
    verify_committed(root, commit_id, changes)
    return commit_id


def verify_committed(root: Path, commit_id: str, changes: list[Change]) -> None:
    """NencheckError unless ``commit_id``'s tree holds every change's content."""
    blobs = tree_blobs(root, commit_id, [change.path for change in changes])
    missing = []
    for change in changes:
        stored = blobs.get(change.path)
        if stored is None or (
            stored != blob_id(change.content, stored) and stored != _stored_blob(root, change)
        ):
            missing.append(change.path)
    if missing:
        raise NencheckError(
            _(
                "git made commit {commit}, but it does not hold the change to {files}, so it is "
                "not reported as committed; see 'git status' and 'git log -p -1'."
            ).format(commit=commit_id[:10], files=", ".join(missing))
        )


def blob_id(content: bytes, like: str) -> str:
    """git's id of a blob holding ``content`` (SHA-1, or SHA-256 when ``like`` is that long)."""
    header = f"blob {len(content)}\0".encode()
    digest = hashlib.sha256 if len(like) == 64 else hashlib.sha1
    return digest(header + content).hexdigest()


def _stored_blob(root: Path, change: Change) -> str | None:
    """The blob git stores for the content, after its filters (autocrlf, clean): a second
    opinion, asked only when the plain id differs."""
    try:
        out = run_git(
            root, ["hash-object", f"--path={change.path}", "--stdin"], stdin=change.content
        )
    except GitFailed:
        return None
    return out.decode("ascii").strip()


def _checked_path(path: str) -> str:
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise NencheckError(
            _("{file}: a record path must lie inside the repository.").format(file=path)
        )
    return pure.as_posix()


class _RollbackFailed(NencheckError):
    """A write failed and the files already written could not all be put back (the journal
    stays, so the next command says what to do)."""


def _write_all(root: Path, changes: list[Change]) -> None:
    """Write every file atomically (temporary files in ``.nencheck/write``); if one write
    fails or is interrupted, put back every file it may have reached: a file counts as written
    from before its rename (an interruption can fall between the rename and the return)."""
    written: list[tuple[Path, bytes | None]] = []
    temp_dir = write_dir(root)
    try:
        for change in changes:
            target = root / change.path
            written.append((target, target.read_bytes() if target.exists() else None))
            write_atomic(target, change.content, temp_dir=temp_dir, prefix=temp_prefix())
    except BaseException:
        try:
            for target, previous in reversed(written):
                if previous is None:
                    target.unlink(missing_ok=True)
                else:
                    write_atomic(target, previous, temp_dir=temp_dir, prefix=temp_prefix())
        except BaseException as failure:
            raise _RollbackFailed(
                _(
                    "writing failed and the files already written could not be put back "
                    "({reason}); the next nencheck command says what to do."
                ).format(reason=failure)
            ) from failure
        raise
