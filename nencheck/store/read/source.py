"""Where record files come from: the working tree, or a git revision (see ``store.gitsource``)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Protocol

RECORD_SUFFIXES = (".yaml", ".yml")


def is_record_name(name: str) -> bool:
    """Whether a file name has a YAML extension, in any case (``.yaml``, ``.YML``, ``.Yaml``):
    every such file under a record folder is a record (SPEC, "A compliance repository")."""
    return name.lower().endswith(RECORD_SUFFIXES)


def is_hidden(path: str) -> bool:
    """Whether a name on the path starts with a dot (``policies/.old.yaml``): such a file is
    listed, and the loader reports it instead of reading it or skipping it in silence."""
    return path.startswith(".") or "/." in path


class FileSource(Protocol):
    """Read-only access to the files of a compliance repository, by repository-relative path."""

    label: str  # shown in messages: "working tree" or "revision abc1234"

    def files(self, folder: str) -> list[str]:
        """Record files (``.yaml``/``.yml`` in any case, hidden ones included: see ``is_hidden``)
        below ``folder``, sorted, as posix paths."""
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
        # folder -> (every name in it, the names that are links); None when it cannot be listed
        self._listings: dict[str, tuple[frozenset[str], frozenset[str]] | None] = {}

    def files(self, folder: str) -> list[str]:
        found: list[str] = []
        self._walk(folder, found)
        return sorted(found)

    def _walk(self, folder: str, found: list[str]) -> None:
        """Like ``os.walk`` without following links to folders. Hidden files and folders are
        listed too (the loader reports them); only a ``.git`` folder is left out."""
        try:
            with os.scandir(os.path.join(self._root_text, folder)) as listing:
                entries = list(listing)
        except OSError:  # missing, or not a folder
            return
        for entry in entries:
            name = entry.name
            path = f"{folder}/{name}"
            if entry.is_dir():
                if not entry.is_symlink() and name != ".git":
                    self._walk(path, found)
            elif is_record_name(name):
                found.append(path)

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
            target = os.path.join(self._real_folder(folder), name)
            if self._is_link(folder, name, target):
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
            found = os.lstat(os.path.join(real_folder, name))
        except OSError:
            return None
        return found if stat.S_ISREG(found.st_mode) else None

    def _real_folder(self, folder: str) -> str:
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = os.path.realpath(os.path.join(self._root_text, folder))
            self._real_folders[folder] = real_folder
        return real_folder

    def _is_link(self, folder: str, name: str, target: str) -> bool:
        """Whether ``name`` in ``folder`` is a symbolic link. Known from one listing per folder
        (documents are thousands, their folders few); a name the listing does not hold as
        written (``P.md`` where the file system, ignoring case, has ``p.md``) is asked of the
        file system itself."""
        listing = self._listing(folder)
        if listing is None or name not in listing[0]:
            return os.path.islink(target)
        return name in listing[1]

    def _listing(self, folder: str) -> tuple[frozenset[str], frozenset[str]] | None:
        if folder not in self._listings:
            try:
                with os.scandir(self._real_folder(folder)) as entries:
                    names, links = set(), set()
                    for entry in entries:
                        names.add(entry.name)
                        if entry.is_symlink():
                            links.add(entry.name)
                listing: tuple[frozenset[str], frozenset[str]] | None = (
                    frozenset(names),
                    frozenset(links),
                )
            except OSError:  # missing, or no folder: ask per name
                listing = None
            self._listings[folder] = listing
        return self._listings[folder]

    def _inside(self, real_path: str) -> bool:
        return real_path == self._root_text or real_path.startswith(self._inside_prefix)

    def content_key(self, path: str) -> str | None:
        return None
