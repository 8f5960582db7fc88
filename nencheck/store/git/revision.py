"""Record files as committed at a git revision (``--rev``), or as recorded on a date
(``--as-recorded``), read without touching the working tree.

One ``git ls-tree -r`` lists the revision; the first read fetches every record file's content in
one ``git cat-file --batch`` process.
"""

from __future__ import annotations

import posixpath
from datetime import date
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.store.git.runner import GitFailed, read_blobs, run_git
from nencheck.store.read.source import is_record_name

SYMLINK_MODE = "120000"
MARKDOWN_SUFFIXES = (".md", ".markdown")


def resolve_revision(root: Path, rev: str) -> str:
    """The full commit id of ``rev`` (a commit, tag or branch); NencheckError when unknown."""
    if rev.startswith("-"):
        raise NencheckError(_("--rev: '{rev}' is not a revision.").format(rev=rev))
    try:
        out = run_git(root, ["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"])
    except GitFailed:
        if run_git_ok(root, ["rev-parse", "--git-dir"]):
            raise NencheckError(
                _(
                    "--rev: '{rev}' is not a commit, tag or branch of this repository; "
                    "'git log --oneline' lists the commits."
                ).format(rev=rev)
            ) from None
        raise NencheckError(
            _(
                "{root} is not a git repository, so --rev and --as-recorded cannot read its past."
            ).format(root=root)
        ) from None
    return out.decode("ascii").strip()


def run_git_ok(root: Path, args: list[str]) -> bool:
    try:
        run_git(root, args)
    except GitFailed:
        return False
    return True


def revision_on(root: Path, day: date, start: str = "HEAD") -> str:
    """The last commit (reachable from ``start``) committed on or before the end of ``day``,
    in the local time zone."""
    resolve_revision(root, start)
    out = run_git(root, ["rev-list", "-1", f"--before={day.isoformat()} 23:59:59", start, "--"])
    commit = out.decode("ascii").strip()
    if not commit:
        first = run_git(root, ["log", "--reverse", "--format=%cs", start, "--"]).decode().split()
        raise NencheckError(
            _(
                "--as-recorded: nothing was committed on or before {day}; the history starts on "
                "{first}. Choose a later --as-of date."
            ).format(day=day.isoformat(), first=first[0] if first else "?")
        )
    return commit


class GitRevision:
    """The files of one commit, by path relative to the compliance repository's root."""

    def __init__(self, root: Path, rev: str) -> None:
        self.root = root.resolve()
        self.commit = resolve_revision(self.root, rev)
        self.label = _("revision {commit}").format(commit=self.commit[:10])
        prefix = run_git(self.root, ["rev-parse", "--show-prefix"]).decode("utf-8").strip()
        self._entries = _list_tree(self.root, self.commit, prefix)
        self._folders = {
            path[:index] for path in self._entries for index, char in enumerate(path) if char == "/"
        }
        self._contents: dict[str, bytes] | None = None

    def files(self, folder: str) -> list[str]:
        base = folder.strip("/") + "/"
        return sorted(
            path
            for path in self._entries
            if path.startswith(base)
            and is_record_name(path)
            and ".git" not in path[len(base) :].split("/")
        )

    def read(self, path: str) -> bytes:
        path = self._follow(posixpath.normpath(path))
        entry = self._entries.get(path)
        if entry is None:
            raise FileNotFoundError(2, _("not in {label}").format(label=self.label), path)
        if self._contents is None:
            wanted = [oid for name, (_mode, oid) in self._entries.items() if is_record_name(name)]
            self._contents = read_blobs(self.root, wanted)
        oid = entry[1]
        if oid not in self._contents:
            self._contents.update(read_blobs(self.root, [oid, *self._markdown_beside(path)]))
        return self._contents[oid]

    def _markdown_beside(self, path: str) -> list[str]:
        """The other Markdown files in the folder of a Markdown file read: policy documents are
        read one after the other (``check``, ``site``), so one ``cat-file`` fetches them all."""
        if not path.endswith(MARKDOWN_SUFFIXES):
            return []
        assert self._contents is not None
        folder = posixpath.dirname(path) + "/"
        return [
            oid
            for name, (mode, oid) in self._entries.items()
            if name.startswith(folder)
            and "/" not in name[len(folder) :]
            and name.endswith(MARKDOWN_SUFFIXES)
            and mode != SYMLINK_MODE
            and oid not in self._contents
        ]

    def exists(self, path: str) -> bool:
        path = posixpath.normpath(path)
        return path in self._entries or path in self._folders

    def points_outside(self, path: str) -> bool:
        if posixpath.isabs(path) or path.startswith("~"):
            return True
        try:
            self._follow(posixpath.normpath(path))
        except _Outside:
            return True
        return False

    def content_key(self, path: str) -> str | None:
        """The blob id of what ``read`` returns: of the file a link leads to, not of the link."""
        try:
            resolved = self._follow(posixpath.normpath(path))
        except _Outside:
            return None
        entry = self._entries.get(resolved)
        return entry[1] if entry else None

    def _follow(self, path: str, depth: int = 0) -> str:
        """The path with symbolic links along it resolved inside the tree; _Outside if one leads
        out of the repository (or links loop)."""
        if path == ".." or path.startswith("../") or depth > 40:
            raise _Outside(path)
        parts = path.split("/")
        for index in range(1, len(parts) + 1):
            head = "/".join(parts[:index])
            entry = self._entries.get(head)
            if entry is not None and entry[0] == SYMLINK_MODE:
                target = self.read_link(head)
                if posixpath.isabs(target):
                    raise _Outside(path)
                joined = posixpath.join(posixpath.dirname(head), target, *parts[index:])
                return self._follow(posixpath.normpath(joined), depth + 1)
        return path

    def read_link(self, path: str) -> str:
        oid = self._entries[path][1]
        return read_blobs(self.root, [oid]).get(oid, b"").decode("utf-8", "replace")


class _Outside(Exception):
    pass


def _list_tree(root: Path, commit: str, prefix: str) -> dict[str, tuple[str, str]]:
    """path -> (mode, object id) of every file of the commit below ``prefix``."""
    out = run_git(root, ["ls-tree", "-r", "-z", "--full-tree", commit])
    entries: dict[str, tuple[str, str]] = {}
    for record in out.decode("utf-8", "surrogateescape").split("\0"):
        if not record:
            continue
        meta, _tab, path = record.partition("\t")
        mode, kind, oid = meta.split()
        if kind != "blob" or not path.startswith(prefix):
            continue
        entries[path[len(prefix) :]] = (mode, oid)
    return entries
