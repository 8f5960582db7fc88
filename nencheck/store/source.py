"""Where record files come from: the working tree, or a git revision (see ``store.gitsource``)."""

from __future__ import annotations

import os
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
        target = (self.root / path).resolve()
        return not target.is_relative_to(self.root)

    def content_key(self, path: str) -> str | None:
        return None
