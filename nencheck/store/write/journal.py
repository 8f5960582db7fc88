"""The write journal: what an interrupted write had begun, so the next command can say so.

Decisions (docs/registers.md, "Writes, locks and interruptions"):

- Before the first file is touched, the writer writes ``.nencheck/write/journal-<pid>.json``
  (the command, the files, their blob ids in HEAD and HEAD itself) and fsyncs it and its folder.
  It is removed only after the commit is verified (or, with ``--no-commit``, after staging)
  and the command has said so ("committed ..."): a kill in between is noted by the next command.
- Temporary files of atomic writes live in the same folder, named ``tmp-<pid>-...``: on the same
  file system as the records (so the rename is atomic) and always found. They exist only while
  their journal does.
- Every command looks at the folder (one ``scandir``). A journal whose process is gone is a
  leftover: when the files it names are as HEAD has them (the write never reached them, or its
  commit landed), it is removed, saying so only when the commit landed (the command never got
  to print "committed"); otherwise every command shows a note naming the files and how to commit
  or restore them, and writing commands refuse (exit 2) until that is done. There is no
  ``repair`` command: the two git commands in the note are the whole repair, and choosing
  between keeping and undoing the change is the user's decision.
- Temporary files of processes that are gone are removed by whichever command sees them.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nencheck.i18n import _
from nencheck.store.git.runner import GitFailed, run_git
from nencheck.store.write.atomic import sync_folder
from nencheck.store.write.lock import WRITE_DIR, is_free, process_alive, write_dir
from nencheck.store.write.preflight import git_lock_files

JOURNAL_PREFIX = "journal-"
TEMP_PREFIX = "tmp-"


@dataclass(frozen=True)
class Journal:
    path: Path
    pid: int
    command: str
    started: str
    head: str | None
    files: dict[str, str | None]  # repository path -> blob id in HEAD (None: a new file)
    noted: bool = False  # shown as interrupted: once resolved, it goes without a word
    subject: str = ""  # the first line of the commit message it was about to make


@dataclass(frozen=True)
class Interrupted:
    """A leftover journal whose files are not as HEAD has them."""

    journal: Journal
    changed: list[str]
    git_locks: tuple[str, ...] = ()  # git's lock files, when the interruption left them too

    def note(self) -> str:
        """What was written, and the git commands that keep it or undo it."""
        tracked = [path for path in self.changed if self.journal.files.get(path)]
        new = [path for path in self.changed if not self.journal.files.get(path)]
        files = _join(self.changed)
        undo = []
        if tracked:
            undo.append(f"git restore --staged --worktree -- {_join(tracked)}")
        if new:
            undo.append(f"git rm -q -f --cached --ignore-unmatch -- {_join(new)}")
            undo.append(f"rm -f -- {_join(new)}")
        subject = self.journal.subject or self.journal.command
        keep = f"git add -- {files} && git commit -m {shlex.quote(subject)} -- {files}"
        lines = [
            _(
                "the last '{command}' (started {started}) was interrupted after writing {files}; "
                "this is not committed."
            ).format(command=self.journal.command, started=self.journal.started, files=files)
        ]
        if self.git_locks:
            locks = _join(list(self.git_locks))
            lines.append(
                _(
                    "git's lock file {path} was left behind too: if no git command is running, "
                    "remove it first (rm {path})."
                ).format(path=locks)
            )
        lines.append(_("To keep it: {commands}").format(commands=keep))
        lines.append(_("To undo it: {commands}").format(commands=" && ".join(undo)))
        return "\n  ".join(lines)


def temp_prefix() -> str:
    return f"{TEMP_PREFIX}{os.getpid()}-"


def begin(root: Path, command: str, paths: list[str], in_git: bool, message: str = "") -> Path:
    """Write and fsync the journal of a write about to begin; returns its path."""
    folder = write_dir(root)
    head, blobs = _head_and_blobs(root, paths) if in_git else (None, {})
    data = {
        "pid": os.getpid(),
        "command": command,
        "started": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        "head": head,
        "files": {path: blobs.get(path) for path in paths},
        "subject": message.strip().split("\n", 1)[0],
    }
    target = folder / f"{JOURNAL_PREFIX}{os.getpid()}.json"
    temporary = folder / f"{temp_prefix()}journal"
    with open(temporary, "wb") as stream:
        stream.write(json.dumps(data, indent=1).encode("utf-8"))
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, target)
    sync_folder(folder)
    return target


def finish(journal: Path) -> None:
    """The write is complete (committed and verified, or staged as asked): forget it."""
    journal.unlink(missing_ok=True)
    sync_folder(journal.parent)


def interrupted(root: Path) -> tuple[list[Interrupted], list[str]]:
    """Leftover journals still to be resolved, and notes about ones resolved just now (their
    commit landed). Removes resolved journals and orphaned temporary files. Cheap when there is
    nothing: one ``scandir`` of ``.nencheck/write``."""
    try:
        names = [entry.name for entry in os.scandir(root / WRITE_DIR)]
    except OSError:
        return [], []
    journals = [name for name in names if name.startswith(JOURNAL_PREFIX)]
    temps = [name for name in names if name.startswith(TEMP_PREFIX)]
    if not journals and not temps:
        return [], []
    free = is_free(root)
    _clean_temps(root, temps, free)
    pending: list[Interrupted] = []
    landed: list[str] = []
    for name in sorted(journals):
        journal = _read(root / WRITE_DIR / name)
        if journal is None or not _orphaned(journal.pid, free):
            continue
        changed = _changed(root, journal)
        if changed:
            pending.append(Interrupted(journal, changed, tuple(git_lock_files(root))))
            _mark_noted(journal)
            continue
        commit = None if journal.noted else _landed_commit(root, journal)
        if commit:
            landed.append(
                _(
                    "the last '{command}' was interrupted before it could say so, but its "
                    "change is committed ({commit}); nothing is missing."
                ).format(command=journal.command, commit=commit)
            )
        finish(journal.path)
    return pending, landed


def _mark_noted(journal: Journal) -> None:
    """Remember that the user was told, so their own commit of the files is not announced as
    the interrupted command's."""
    if journal.noted:
        return
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(journal.path.read_text("utf-8"))
        data["noted"] = True
        temporary = journal.path.with_name(f"{temp_prefix()}noted")
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(temporary, journal.path)


def _orphaned(pid: int, lock_free: bool) -> bool:
    """A journal's process is gone; while the lock is free no write is running at all."""
    if pid == os.getpid():
        return False
    return lock_free or not process_alive(pid)


def _clean_temps(root: Path, names: list[str], lock_free: bool) -> None:
    for name in names:
        pid_text = name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if pid_text.isdigit() and _orphaned(int(pid_text), lock_free):
            with contextlib.suppress(OSError):
                (root / WRITE_DIR / name).unlink()


def _read(path: Path) -> Journal | None:
    try:
        data = json.loads(path.read_text("utf-8"))
        files = {str(key): (str(value) if value else None) for key, value in data["files"].items()}
        return Journal(
            path,
            int(data["pid"]),
            str(data["command"]),
            str(data["started"]),
            data.get("head"),
            files,
            bool(data.get("noted")),
            str(data.get("subject") or ""),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        # unreadable: a power loss before its fsync; it never reached the files
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def _changed(root: Path, journal: Journal) -> list[str]:
    """The journal's files whose working copy or index entry differs from HEAD."""
    if not journal.files:
        return []
    try:
        out = run_git(
            root,
            ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--"]
            + [f":(literal){path}" for path in journal.files],
        )
    except GitFailed:
        return _changed_outside_git(root, journal)
    dirty = {entry[3:] for entry in out.decode("utf-8", "replace").split("\0") if len(entry) > 3}
    prefix = _prefix(root)
    return [path for path in journal.files if prefix + path in dirty or path in dirty]


def _changed_outside_git(root: Path, journal: Journal) -> list[str]:
    """Outside git nothing can be compared: every file the journal names that exists."""
    return [path for path in journal.files if (root / path).exists()]


def _prefix(root: Path) -> str:
    """``root`` relative to the top of its git work tree, as status prints paths."""
    try:
        return run_git(root, ["rev-parse", "--show-prefix"]).decode("utf-8").strip()
    except GitFailed:
        return ""


def _landed_commit(root: Path, journal: Journal) -> str | None:
    """The commit after the journal's HEAD that changed its files, if any."""
    if not journal.head:
        return None
    try:
        out = run_git(
            root,
            ["log", "-1", "--format=%h", f"{journal.head}..HEAD", "--"]
            + [f":(literal){path}" for path in journal.files],
        )
    except GitFailed:
        return None
    return out.decode("ascii", "replace").strip() or None


def _head_and_blobs(root: Path, paths: list[str]) -> tuple[str | None, dict[str, str]]:
    try:
        head = run_git(root, ["rev-parse", "--verify", "-q", "HEAD"]).decode("ascii").strip()
    except GitFailed:
        return None, {}
    return head, tree_blobs(root, "HEAD", paths)


def tree_blobs(root: Path, revision: str, paths: list[str]) -> dict[str, str]:
    """Blob ids of ``paths`` (relative to ``root``) in ``revision``'s tree."""
    try:
        out = run_git(root, ["ls-tree", "-z", revision, "--", *paths])
    except GitFailed:
        return {}
    blobs: dict[str, str] = {}
    for entry in out.decode("utf-8", "replace").split("\0"):
        meta, _tab, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob":
            blobs[path] = parts[2]
    return blobs


def _join(paths: list[str]) -> str:
    return " ".join(shlex.quote(path) for path in paths)
