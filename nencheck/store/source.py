"""Where record files come from: the working tree, or a git revision (see ``store.gitsource``)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Protocol

RECORD_SUFFIXES = (".yaml", ".yml")


class FileSource(Protocol):
    """Read-only access to the files of a compliance repository, by repository-relative path."""

    label: str  # shown in messages: "working tree" or "revision abc1234"

    def files(self, folder: str) -> list[str]:
        """Record files (``.yaml``/``.yml``) below ``folder``, sorted, as posix paths."""
        ...

    def read(self, path: str) -> bytes: ...

    def exists(self, path: str) -> bool: ...

    def points_outside(self, path: str) -> bool:
        """True when the path, or a link on it, leads outside the repository."""
        ...

    def content_key(self, path: str) -> str | None:
        """A cheap identity of the file's content for the parse cache, or None."""
        ...


class WorkingTree:
    """The files as they are on disk."""

    label = "working tree"

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._root_text = str(self.root)
        self._inside_prefix = self._root_text.rstrip(os.sep) + os.sep
        self._real_folders: dict[str, str] = {}
        self._links: dict[str, frozenset[str] | None] = {}  # folder -> names that are links
        self._listed: dict[str, os.DirEntry[str]] = {}  # record file -> its entry, by files()

    def files(self, folder: str) -> list[str]:
        found: list[str] = []
        self._walk(folder, found)
        return sorted(found)

    def _walk(self, folder: str, found: list[str]) -> None:
        """Like ``os.walk`` without following links to folders; hidden names are skipped. Each
        record file's directory entry is kept for ``inside_stat``."""
        try:
            with os.scandir(os.path.join(self._root_text, folder)) as listing:
                entries = list(listing)
        except OSError:  # missing, or not a folder
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = f"{folder}/{name}"
            if entry.is_dir():
                if not entry.is_symlink():
                    self._walk(path, found)
            elif name.endswith(RECORD_SUFFIXES):
                found.append(path)
                self._listed[path] = entry

    def read(self, path: str) -> bytes:
        return (self.root / path).read_bytes()

    def exists(self, path: str) -> bool:
        return (self.root / path).exists()

    def points_outside(self, path: str) -> bool:
        if os.path.isabs(path) or path.startswith("~"):
            return True
        folder, _slash, name = path.rpartition("/")
        if name in ("", ".", ".."):
            target = os.path.realpath(os.path.join(self._root_text, path))
        else:
            # realpath(folder/name) is realpath(folder)/name unless name is itself a link; the
            # folders are few, the files many (resolving each path was 0.4 s at 10,000 files).
            # Which names are links comes from one listing per folder, not a call per file.
            target = os.path.join(self._real_folder(folder), name)
            links = self._links_in(folder)
            if name in links if links is not None else os.path.islink(target):
                target = os.path.realpath(target)
        return not self._inside(target)

    def inside_stat(self, path: str) -> os.stat_result | None:
        """The status of a regular file (not a link) inside the repository, else None (then
        ask ``points_outside``). One system call where ``points_outside`` and a stat would make
        two: the parse cache asks it for each of thousands of files."""
        folder, _slash, name = path.rpartition("/")
        if os.path.isabs(path) or path.startswith("~") or name in ("", ".", ".."):
            return None
        real_folder = self._real_folder(folder)
        if not self._inside(real_folder):
            return None
        try:
            entry = self._listed.pop(path, None)  # listed by files() just before: one call less
            found = (
                entry.stat(follow_symlinks=False)
                if entry is not None
                else os.lstat(os.path.join(real_folder, name))
            )
        except OSError:
            return None
        return found if stat.S_ISREG(found.st_mode) else None

    def _real_folder(self, folder: str) -> str:
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = os.path.realpath(os.path.join(self._root_text, folder))
            self._real_folders[folder] = real_folder
        return real_folder

    def _links_in(self, folder: str) -> frozenset[str] | None:
        """The names in a folder that are symbolic links; None when it cannot be listed."""
        if folder not in self._links:
            try:
                with os.scandir(self._real_folder(folder)) as entries:
                    names = frozenset(entry.name for entry in entries if entry.is_symlink())
            except FileNotFoundError:
                names = frozenset()  # nothing there, so no links
            except OSError:
                names = None
            self._links[folder] = names
        return self._links[folder]

    def _inside(self, real_path: str) -> bool:
        return real_path == self._root_text or real_path.startswith(self._inside_prefix)

    def content_key(self, path: str) -> str | None:
        return None
