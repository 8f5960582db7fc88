"""Gathering the facts for ``policy-changed-unversioned`` from git in two plumbing calls:
``git rev-list`` and ``git diff-tree -p -U0`` over the policy files since the oldest last review, reduced to which commit
changed which file on which day, and which top-level keys of a YAML record it touched.

Only the changed lines are read (``-U0``); a changed line belongs to the top-level key on its
own line, or to the one above it (git's hunk header names the last line starting in column 0).
"""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.model.history import FileChange
from nencheck.model.policy import PolicyStatus, linked_document
from nencheck.model.records import Records
from nencheck.store.git.runner import CONFIG_FINGERPRINT, run_git

_TOP_KEY = re.compile(
    r"""^(?:"([^"]+)"|'([^']+)'|([^\s#'"\-?:,\[\]{}&*!|>%@`][^:#]*?))\s*:(?:\s|$)"""
)
_DIFF_START = re.compile(r"^diff --git ", re.M)
_HUNK = re.compile(r"^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@ ?(.*)$")
YAML_SUFFIXES = (".yaml", ".yml")


def gather_changes(
    root: Path, records: Records, start: str = "HEAD", use_cache: bool = True
) -> list[FileChange] | None:
    """Changes to the active policies' records and documents since the oldest last review,
    in commits reachable from ``start``; None when git cannot tell (no repository, no commits).

    A commit's history never changes, so what was read for a commit (and the same date and
    folders) is kept in the sealed cache under ``.nencheck/`` and reused while HEAD stays put:
    on a long history the ``git log -p`` pass is most of a warm ``check``."""
    active = [p for p in records.policies if p.status == PolicyStatus.ACTIVE]
    reviewed = [p.last_reviewed or p.approved for p in active]
    dates = [day for day in reviewed if day is not None]
    if not dates:
        return []
    wanted = {p.origin.file for p in active} | {d for p in active if (d := linked_document(p))}
    folders = sorted({path.split("/", 1)[0] + "/" if "/" in path else path for path in wanted})
    try:
        shallow, commit = (
            run_git(
                root,
                [
                    "rev-parse",
                    "--is-shallow-repository",
                    "--verify",
                    "--quiet",
                    f"{start}^{{commit}}",
                ],
            )
            .decode()
            .split()
        )
    except (NencheckError, ValueError):  # not a repository, no commits, or git not installed
        return None
    # --since is read in the local time zone, so it is part of the key. A shallow clone's
    # history grows when it is deepened: not cached.
    # The runner's option fingerprint too: an answer read under other git options may differ.
    key = (commit, min(dates).isoformat(), tuple(folders), time.strftime("%z"), CONFIG_FINGERPRINT)
    use_cache = use_cache and shallow == "false"
    if use_cache:
        from nencheck.store.cache.parse_cache import HISTORY_FILE, load_sealed

        cached = load_sealed(root, HISTORY_FILE)
        if cached is not None and key in cached:
            return [c for c in cached[key] if c.path in wanted]
    changes = _read_changes(root, commit, min(dates), folders)
    if changes is None:
        return None
    if use_cache:
        from nencheck.store.cache.parse_cache import HISTORY_FILE, save_sealed

        save_sealed(root, HISTORY_FILE, {key: changes})
    return [c for c in changes if c.path in wanted]


def _read_changes(
    root: Path, commit: str, since: date, folders: list[str]
) -> list[FileChange] | None:
    """Every change under ``folders`` since the date: the commits from ``git rev-list``, their
    patches from one ``git diff-tree --stdin -p -U0`` (plumbing: what ``git log -p`` would
    print, without the porcelain settings that change it)."""
    since_arg = f"--since={since.isoformat()} 00:00:00"
    try:
        commits = run_git(root, ["rev-list", since_arg, commit, "--", *folders])
        if not commits.strip():
            return []
        out = run_git(
            root,
            [
                "diff-tree",
                "--stdin",
                "--root",
                "-p",
                "-U0",
                "-M",
                "--relative",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--format=%x1e%H %cI",
                "--",
                *folders,
            ],
            stdin=commits,
        )
    except NencheckError:  # not a repository, no commits, or git not installed
        return None
    return parse_log(out.decode("utf-8", "replace"))


def parse_log(out: str) -> list[FileChange]:
    """FileChanges of ``git diff-tree -p -U0 -M --format=%x1e%H %cI`` (as ``git log -p``), newest first, each under the
    file's current name (renames are followed back through the history)."""
    changes: list[FileChange] = []
    current_name: dict[str, str] = {}
    for chunk in out.split("\x1e"):
        if not chunk.strip():
            continue
        header, _newline, patch = chunk.partition("\n")
        commit, stamp = header.split(" ", 1)
        day = date.fromisoformat(stamp.strip()[:10])
        for path, old_path, keys, changed in _file_diffs(patch):
            name = current_name.get(path, path)
            if old_path and old_path != path:
                current_name[old_path] = name
            if changed:
                changes.append(FileChange(commit, day, name, keys))
    return changes


def _file_diffs(patch: str) -> list[tuple[str, str | None, frozenset[str] | None, bool]]:
    """(path, old path, changed keys, changed) per file: keys None when unknown (not YAML,
    binary); changed False for an added or deleted file or a pure rename (nothing to judge)."""
    result: list[tuple[str, str | None, frozenset[str] | None, bool]] = []
    for section in _DIFF_START.split(patch)[1:]:
        head, hunk_start, body = section.partition("\n@@")
        lines = head.split("\n")
        old_path, path, skip = None, None, False
        for line in lines[1:]:
            if line.startswith(("new file mode", "deleted file mode")):
                skip = True
            elif line.startswith("rename from "):
                old_path = line[len("rename from ") :]
            elif line.startswith("rename to "):
                path = line[len("rename to ") :]
            elif line.startswith("--- a/") and old_path is None:
                old_path = line[len("--- a/") :]
            elif line.startswith("+++ b/"):
                path = line[len("+++ b/") :]
        path = path or _paths_of(lines[0])
        binary = not hunk_start and "Binary files" in head
        if skip or path is None or not (hunk_start or binary):
            result.append((path or "", old_path, None, False))
        elif binary or not path.endswith(YAML_SUFFIXES):
            result.append((path, old_path, None, True))
        else:
            result.append((path, old_path, changed_keys(("@@" + body).split("\n")), True))
    return result


def _paths_of(first_line: str) -> str | None:
    """The new path from ``a/X b/X`` (only used when no ---/+++ lines name it)."""
    match = re.match(r"^a/(.*) b/(.*)$", first_line)
    return match.group(2) if match else None


def changed_keys(lines: list[str]) -> frozenset[str] | None:
    """Top-level keys touched by the -U0 hunks of one YAML file; None when a line cannot be
    placed (then the whole record counts as changed)."""
    keys: set[str] = set()
    remaining = {"-": 0, "+": 0}
    current: dict[str, str | None] = {"-": None, "+": None}
    for line in lines:
        hunk = _HUNK.match(line)
        if hunk and remaining["-"] == 0 and remaining["+"] == 0:
            remaining = {"-": int(hunk.group(1) or 1), "+": int(hunk.group(2) or 1)}
            context = _key(hunk.group(3))
            current = {"-": context, "+": context}
            continue
        side = line[:1]
        if side not in remaining or remaining[side] == 0:
            continue
        remaining[side] -= 1
        key = _key(line[1:])
        if key is not None:
            current[side] = key
        if current[side] is None:
            return None
        keys.add(current[side])  # type: ignore[arg-type]
    return frozenset(keys)


def _key(line: str) -> str | None:
    match = _TOP_KEY.match(line)
    if not match:
        return None
    return next(group for group in match.groups() if group is not None).strip()
