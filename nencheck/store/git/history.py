"""The git history of one file, following renames: one ``git log --follow`` pass for the commits
and one ``git cat-file --batch`` for the contents (never one git call per commit)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.history import Version
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
    from datetime import datetime

    record = record_history(root, record_path, rev=rev)
    if not document_path:
        return record
    document = file_history(root, document_path, rev=rev, with_content=False)
    by_commit = {version.commit: version for version in record}
    merged = [
        replace(version, changed=("record", "document"))
        if any(d.commit == version.commit for d in document)
        else version
        for version in record
    ]
    for change in document:
        if change.commit not in by_commit:
            merged.append(
                Version(
                    change.commit,
                    change.date,
                    change.author,
                    None,
                    change.message,
                    change.path,
                    ("document",),
                )
            )
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
    if content is None:
        return None
    from nencheck.store.read.yamlread import YamlFailure, parse_yaml

    try:
        data = parse_yaml(content.decode("utf-8")).data
    except (UnicodeDecodeError, YamlFailure):
        return None
    value = data.get("version") if isinstance(data, dict) else None
    return None if value is None else str(value)


def _prefix(root: Path) -> str:
    try:
        return run_git(root, ["rev-parse", "--show-prefix"]).decode("utf-8").strip()
    except GitFailed:
        raise NencheckError(
            _("{root} is not a git repository, so there is no history to show.").format(root=root)
        ) from None


def _parse_log(out: str, full_path: str, prefix: str) -> list[FileVersion]:
    """Commits of ``git log --follow -z --name-status``; tracks the file's name backwards in
    time through renames."""
    versions: list[FileVersion] = []
    current = full_path
    for record in out.split("\x1e"):
        if not record:
            continue
        commit, date, author, email, message, changes = record.split("\x1f", 5)
        fields = [field for field in changes.lstrip("\0\n").split("\0") if field.strip()]
        older = current
        if fields and fields[0].startswith(("R", "C")) and len(fields) >= 3:
            current, older = fields[2], fields[1]
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
        current = older
    return versions
