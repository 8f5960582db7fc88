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

    def files(self, folder: str) -> list[str]:
        base = self.root / folder
        if not base.is_dir():
            return []
        found: list[str] = []
        for directory, subdirs, names in os.walk(base, followlinks=False):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            rel_dir = Path(directory).relative_to(self.root).as_posix()
            found.extend(
                f"{rel_dir}/{name}"
                for name in names
                if name.endswith(RECORD_SUFFIXES) and not name.startswith(".")
            )
        return sorted(found)

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
            if os.path.islink(target):
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

    def _inside(self, real_path: str) -> bool:
        return real_path == self._root_text or real_path.startswith(self._inside_prefix)

    def content_key(self, path: str) -> str | None:
        return None
