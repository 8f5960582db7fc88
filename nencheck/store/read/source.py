"""Where record files come from: the working tree, or a git revision (see ``store.gitsource``)."""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path
from typing import Protocol

RECORD_SUFFIXES = (".yaml", ".yml")
_SPECIAL_NAMES = ("", ".", "..")


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
    """The files as they are on disk. Folder listings and real paths are taken once per
    instance and kept: one is made per command run, so a file added while it runs may be
    missed by it, as by any run that had already listed its folder."""

    label = "working tree"

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._root_text = str(self.root)
        self._inside_prefix = self._root_text.rstrip(os.sep) + os.sep
        self._real_folders: dict[str, str] = {}
        self._listings: dict[str, _Listing | None] = {}  # None: cannot be listed
        self._inside_prefixes: dict[str, str] = {}  # folder inside -> its real path + "/"

    def files(self, folder: str) -> list[str]:
        found: list[str] = []
        self._walk(folder, found)
        return sorted(found)

    def _walk(self, folder: str, found: list[str]) -> None:
        """Like ``os.walk`` without following links to folders. Hidden files and folders are
        listed too (the loader reports them); only a ``.git`` folder is left out. The real path
        of each folder walked into is its parent's and its name (it is no link): resolving each
        of hundreds of folders from the root was 1,600 system calls."""
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
                    self._real_folders[path] = os.path.join(self._real_folder(folder), name)
                    self._walk(path, found)
            elif is_record_name(name):
                found.append(path)

    def read(self, path: str) -> bytes:
        return (self.root / path).read_bytes()

    def exists(self, path: str) -> bool:
        return (self.root / path).exists()

    def points_outside(self, path: str) -> bool:
        if _absolute(path):
            return True  # before the folder lookup: "/x" and "~x" have the root's folder, ""
        # Tens of thousands of linked paths (documents, evidence files) lie in a few folders:
        # a plain name in a folder already found inside is answered from its listing.
        folder, _slash, name = path.rpartition("/")
        listing = self._listings.get(folder) if folder in self._inside_prefixes else None
        if (
            listing is not None
            and name not in _SPECIAL_NAMES
            and name not in listing.links
            and (name in listing.names or _folded(name) not in listing.folded)
        ):
            return False
        return self._points_outside(path, folder, name)

    def _points_outside(self, path: str, folder: str, name: str) -> bool:
        if name in _SPECIAL_NAMES:
            target = os.path.realpath(os.path.join(self._root_text, path))
        else:
            # realpath(folder/name) is realpath(folder)/name unless name is itself a link; the
            # folders are few, the files many (resolving each path was 0.4 s at 10,000 files).
            target = os.path.join(self._real_folder(folder), name)
            if self._is_link(folder, name, target):  # lists the folder, for the fast path
                target = os.path.realpath(target)
            self._folder_prefix(folder)
        return not self._inside(target)

    def inside_stat(self, path: str) -> os.stat_result | None:
        """The status of a regular file (not a link) inside the repository, else None (then
        ask ``points_outside``). One system call where ``points_outside`` and a stat would make
        two: the parse cache asks it for each of thousands of files."""
        folder, _slash, name = path.rpartition("/")
        if name in _SPECIAL_NAMES or _absolute(path):
            return None
        prefix = self._folder_prefix(folder)
        if prefix is None:
            return None
        try:
            found = os.lstat(prefix + name)
        except OSError:
            return None
        return found if stat.S_ISREG(found.st_mode) else None

    def _folder_prefix(self, folder: str) -> str | None:
        """The folder's real path and a separator when it lies inside the repository (kept:
        points_outside and inside_stat ask it for thousands of paths), else None."""
        prefix = self._inside_prefixes.get(folder)
        if prefix is None:
            real_folder = self._real_folder(folder)
            if not self._inside(real_folder):
                return None
            prefix = self._inside_prefixes[folder] = os.path.join(real_folder, "")
        return prefix

    def _real_folder(self, folder: str) -> str:
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = os.path.realpath(os.path.join(self._root_text, folder))
            self._real_folders[folder] = real_folder
        return real_folder

    def _is_link(self, folder: str, name: str, target: str) -> bool:
        """Whether ``name`` in ``folder`` is a symbolic link. Known from one listing per folder
        (documents are thousands, their folders few); a name the listing holds only in another
        letter case or Unicode form (``P.md`` where a file system that ignores case has
        ``p.md``) is asked of the file system itself."""
        listing = self._listing(folder)
        if listing is None or (name not in listing.names and _folded(name) in listing.folded):
            return os.path.islink(target)
        return name in listing.links

    def may_exist(self, path: str) -> bool:
        """False when the listing of the path's folder shows there is no such file (also not
        in another letter case); True when there may be one. Saves opening each of thousands
        of documents that are not there yet (SPEC: a protocol's metadata may exist before its
        document does)."""
        folder, _slash, name = path.rpartition("/")
        listing = self._listing(folder)
        return listing is None or name in listing.names or _folded(name) in listing.folded

    def _listing(self, folder: str) -> _Listing | None:
        if folder not in self._listings:
            listing: _Listing | None
            try:
                with os.scandir(self._real_folder(folder)) as entries:
                    names, links = set(), set()
                    for entry in entries:
                        names.add(entry.name)
                        if entry.is_symlink():
                            links.add(entry.name)
                listing = _Listing(frozenset(names), frozenset(links))
            except (FileNotFoundError, NotADirectoryError):  # nothing can be in it
                listing = _Listing(frozenset(), frozenset())
            except OSError:  # e.g. not readable: ask per name
                listing = None
            self._listings[folder] = listing
        return self._listings[folder]

    def _inside(self, real_path: str) -> bool:
        return real_path == self._root_text or real_path.startswith(self._inside_prefix)

    def content_key(self, path: str) -> str | None:
        return None


class _Listing:
    """The names in one folder, the names that are links, and every name folded (letter case
    and Unicode form, as file systems that ignore them compare names)."""

    def __init__(self, names: frozenset[str], links: frozenset[str]) -> None:
        self.names = names
        self.links = links
        self.folded = frozenset(_folded(name) for name in names)


def _absolute(path: str) -> bool:
    """An absolute path, or one from a home folder (``~``, ``~user``): never inside."""
    return path.startswith(("/", "~")) or os.path.isabs(path)


def _folded(name: str) -> str:
    """The name as a file system that ignores case and Unicode form compares it (Unicode's
    canonical caseless match: NFD, case fold, NFD)."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())
