"""The git history of one file, following renames: one ``git log --follow`` pass for the commits
and one ``git cat-file --batch`` for the contents (never one git call per commit)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.history import Assessment, Version
from nencheck.store.git.runner import GitFailed, read_blobs, run_git

_FORMAT = "%x1e%H%x1f%aI%x1f%an%x1f%ae%x1f%B%x1f"


@dataclass(frozen=True)
class FileVersion:
    """The file as one commit left it. ``path`` is its name then (relative to the repository
    root); ``content`` is None when the commit deleted it (or contents were not asked for)."""

    commit: str
    date: str  # author date, ISO 8601 with offset
    author: str
    email: str
    message: str
    path: str
    content: bytes | None = None


def file_history(
    root: Path, path: str, *, rev: str = "HEAD", with_content: bool = True
) -> list[FileVersion]:
    """Every commit reachable from ``rev`` that changed ``path`` (under its earlier names too),
    newest first. Empty when the file was never committed."""
    prefix = _prefix(root)
    try:
        out = run_git(
            root,
            ["log", "--follow", "-z", "--name-status", f"--format={_FORMAT}", rev, "--", path],
        )
    except GitFailed as failure:
        raise NencheckError(
            _("cannot read the git history of {file}: {reason}").format(
                file=path, reason=failure.stderr or failure
            )
        ) from None
    versions = _parse_log(out.decode("utf-8", "replace"), prefix + path, prefix)
    if not with_content:
        return versions
    names = [f"{v.commit}:{prefix}{v.path}" for v in versions]
    blobs = read_blobs(root, names)
    return [
        FileVersion(**{**v.__dict__, "content": blobs.get(f"{v.commit}:{prefix}{v.path}")})
        for v in versions
    ]


def record_history(root: Path, path: str, *, rev: str = "HEAD") -> list[Version]:
    """The versions of one record file, newest first, with the ``version:`` field of each."""
    return [
        Version(
            commit=entry.commit,
            date=entry.date,
            author=entry.author,
            version=version_field(entry.content),
            message=entry.message,
            path=entry.path,
        )
        for entry in file_history(root, path, rev=rev)
    ]


def policy_history(
    root: Path, record_path: str, document_path: str | None, *, rev: str = "HEAD"
) -> list[Version]:
    """The versions of a policy: every commit that changed its record or its linked document,
    newest first. A commit that changed only the document carries the record's version of
    that moment, so ``policy history`` shows what ``policy-changed-unversioned`` warns about."""
    record = record_history(root, record_path, rev=rev)
    if not document_path:
        return record
    document = [
        Version(c.commit, c.date, c.author, None, c.message, c.path, ("document",))
        for c in file_history(root, document_path, rev=rev, with_content=False)
    ]
    return merge_document_changes(record, document, record_path)


def merge_document_changes(
    record: list[Version], document: list[Version], record_path: str
) -> list[Version]:
    """A record's versions and its document's changes as one list, newest first; a commit that
    changed only the document carries the record's version of that moment."""
    from datetime import datetime

    if not document:
        return record
    document_commits = {change.commit for change in document}
    record_commits = {version.commit for version in record}
    merged = [
        replace(version, changed=("record", "document"))
        if version.commit in document_commits
        else version
        for version in record
    ]
    merged += [
        replace(change, version=None, changed=("document",))
        for change in document
        if change.commit not in record_commits
    ]
    merged.sort(key=lambda version: datetime.fromisoformat(version.date), reverse=True)
    version, path = None, record_path
    for index in range(len(merged) - 1, -1, -1):  # oldest first: carry the record's version
        if merged[index].changed == ("document",):
            merged[index] = replace(merged[index], version=version, path=path)
        else:
            version, path = merged[index].version, merged[index].path
    return merged


def version_field(content: bytes | None) -> str | None:
    """The record's ``version:`` as text, or None (no file, not YAML, no version)."""
    data = _mapping(content)
    value = None if data is None else data.get("version")
    return None if value is None else str(value)


def _mapping(content: bytes | None) -> dict[Any, Any] | None:
    """A committed record file's top-level mapping, or None (deleted, not UTF-8 YAML, not a
    mapping): a version that does not parse is passed over, not an error."""
    if content is None:
        return None
    from nencheck.store.read.yamlread import YamlFailure, parse_yaml

    try:
        data = parse_yaml(content.decode("utf-8")).data
    except (UnicodeDecodeError, YamlFailure):
        return None
    return data if isinstance(data, dict) else None


def _prefix(root: Path) -> str:
    try:
        return run_git(root, ["rev-parse", "--show-prefix"]).decode("utf-8").strip()
    except GitFailed:
        raise NencheckError(
            _("{root} is not a git repository, so there is no history to show.").format(root=root)
        ) from None


def _parse_log(out: str, full_path: str, prefix: str) -> list[FileVersion]:
    """Commits of ``git log --follow -z --name-status``; tracks the file's name backwards in
    time through renames. A copy (``C``: a new file much like one that stays) is where the
    file began: git would go on with the other file's history, which is not this one's (a new
    work instruction written from another's template is a new document). The price: a file
    moved in the commit that writes a new file under its old name is also a copy to git, so its
    history then starts at the move (rare: nencheck keeps retired policies in place)."""
    versions: list[FileVersion] = []
    current = full_path
    for record in out.split("\x1e"):
        if not record:
            continue
        commit, date, author, email, message, changes = record.split("\x1f", 5)
        fields = [field for field in changes.lstrip("\0\n").split("\0") if field.strip()]
        older: str | None = current
        if fields and fields[0].startswith(("R", "C")) and len(fields) >= 3:
            current = fields[2]
            older = fields[1] if fields[0].startswith("R") else None
        elif len(fields) >= 2:
            current = fields[1]
        versions.append(
            FileVersion(
                commit=commit,
                date=date,
                author=author,
                email=email,
                message=message.strip(),
                path=current[len(prefix) :] if current.startswith(prefix) else current,
            )
        )
        if older is None:
            break
        current = older
    return versions


def risk_assessments(root: Path, path: str, *, rev: str = "HEAD") -> list[Assessment]:
    """Every distinct assessment a risk file has held (its ``assessed`` date and scores), newest
    first, each with the commit that first recorded it. One ``git log`` and one batched read of
    the file's versions; a version that does not parse (a broken commit) is skipped."""
    return _assessments(file_history(root, path, rev=rev))


def register_assessments(
    root: Path, folder: str = "risks", *, rev: str = "HEAD"
) -> dict[str, list[Assessment]]:
    """The assessments of every file under ``folder`` (path -> newest first), for the report:
    one ``git log`` over the folder and one batched read of all versions (renames are not
    followed here; ``risk show`` follows them for one risk)."""
    prefix = _prefix(root)
    try:
        out = run_git(
            root, ["log", "-z", "--name-only", "--format=%x1e%H%x1f%aI%x1f%an%x1f%ae%x1f", rev,
                   "--", folder]
        )  # fmt: skip
    except GitFailed:
        return {}
    versions: dict[str, list[FileVersion]] = {}
    for record in out.decode("utf-8", "replace").split("\x1e"):
        if not record:
            continue
        commit, date, author, email, names = record.split("\x1f", 4)
        for name in names.strip("\0\n").split("\0"):
            name = name.strip("\n")
            if name.endswith((".yaml", ".yml", ".YAML")):
                path = name[len(prefix) :] if name.startswith(prefix) else name
                versions.setdefault(path, []).append(
                    FileVersion(commit, date, author, email, "", path)
                )
    blobs = read_blobs(
        root, [f"{v.commit}:{prefix}{v.path}" for found in versions.values() for v in found]
    )
    return {
        path: _assessments(
            [
                FileVersion(**{**v.__dict__, "content": blobs.get(f"{v.commit}:{prefix}{v.path}")})
                for v in found
            ]
        )
        for path, found in versions.items()
    }


def _assessments(history: list[FileVersion]) -> list[Assessment]:
    """Distinct assessments of a file's versions (newest first in and out)."""
    found: list[Assessment] = []
    for entry in reversed(history):  # oldest first
        scores = _scores(entry.content)
        if scores is None:
            continue
        assessed, likelihood, impact, target = scores
        last = found[-1] if found else None
        if last and (last.assessed, last.likelihood, last.impact, last.target) == scores:
            continue
        found.append(
            Assessment(
                commit=entry.commit,
                date=entry.date,
                author=entry.author,
                assessed=assessed,
                likelihood=likelihood,
                impact=impact,
                target=target,
                path=entry.path,
            )
        )
    return list(reversed(found))


def _scores(content: bytes | None) -> tuple[str, int, int, tuple[int, int] | None] | None:
    data = _mapping(content)
    if data is None:
        return None
    current, target = _pair(data.get("current")), _pair(data.get("target"))
    if current is None or data.get("assessed") is None:
        return None
    return str(data["assessed"]), current[0], current[1], target


def _pair(value: object) -> tuple[int, int] | None:
    if not isinstance(value, dict):
        return None
    try:
        return int(str(value["likelihood"])), int(str(value["impact"]))
    except (KeyError, ValueError):
        return None


def policies_history(
    root: Path, policies: Iterable[tuple[str, str | None]], *, rev: str = "HEAD"
) -> dict[str, list[Version]]:
    """``policy_history`` of many policies at once, by record path: (record path, document path
    or None) in, the same lists out, from one ``git log`` and one ``git cat-file``."""
    pairs = list(policies)
    documents = {document for _record, document in pairs if document}
    found = records_history(root, [record for record, _document in pairs], documents, rev=rev)
    return {
        record: merge_document_changes(
            found.get(record, []), found.get(document, []) if document else [], record
        )
        for record, document in pairs
        if record in found
    }


def records_history(
    root: Path, paths: Iterable[str], documents: Iterable[str] = (), *, rev: str = "HEAD"
) -> dict[str, list[Version]]:
    """The versions of many record files, newest first, by their current path: ONE ``git log``
    over their folders (renames inside them followed) and ONE ``git cat-file --batch`` for the
    ``version:`` of each, however many files (the Kennisbank asks for every policy at once).
    ``documents``: other files whose commits are wanted too, without contents (``changed`` is
    ``("document",)``, no version). Files never committed are absent; a repository without
    commits gives an empty mapping."""
    records = set(paths)
    unread = set(documents) - records
    wanted = records | unread
    if not wanted:
        return {}
    folders = sorted({path.split("/", 1)[0] if "/" in path else path for path in wanted})
    prefix = _prefix(root)
    try:
        out = run_git(
            root,
            [
                "-c",
                "core.quotePath=false",
                "log",
                "-M",
                "--relative",
                "-z",
                "--name-status",
                f"--format={_FORMAT}",
                rev,
                "--",
                *folders,
            ],
        )
    except GitFailed:  # no commits yet, or a revision without these folders
        return {}
    entries = _parse_many(out.decode("utf-8", "replace"), wanted)
    blobs = read_blobs(
        root, [f"{v.commit}:{prefix}{v.path}" for name, v in entries if name not in unread]
    )
    found: dict[str, list[Version]] = {}
    for name, entry in entries:
        content = None if name in unread else blobs.get(f"{entry.commit}:{prefix}{entry.path}")
        found.setdefault(name, []).append(
            Version(
                commit=entry.commit,
                date=entry.date,
                author=entry.author,
                version=version_field(content),
                message=entry.message,
                path=entry.path,
                changed=("document",) if name in unread else ("record",),
            )
        )
    return found


def _parse_many(out: str, wanted: set[str]) -> list[tuple[str, FileVersion]]:
    """(current name, version) of ``git log -M -z --name-status`` over many files, newest first;
    a file's older names are tracked back through renames."""
    entries: list[tuple[str, FileVersion]] = []
    current_name: dict[str, str] = {}
    for record in out.split("\x1e"):
        if not record:
            continue
        commit, date, author, email, message, changes = record.split("\x1f", 5)
        fields = [field for field in changes.lstrip("\0\n").split("\0") if field]
        index = 0
        while index < len(fields):
            status = fields[index]
            if status.startswith(("R", "C")) and index + 2 < len(fields):
                old, path = fields[index + 1], fields[index + 2]
                index += 3
            else:
                old, path = None, fields[index + 1] if index + 1 < len(fields) else ""
                index += 2
            name = current_name.get(path, path)
            if old is not None and status.startswith("R"):
                current_name[old] = name
            if status.startswith("D") or name not in wanted:
                continue
            entries.append((name, FileVersion(commit, date, author, email, message.strip(), path)))
    return entries
